package io.github.unsafecheck.agent;

import io.github.unsafecheck.testing.Jdk;
import io.github.unsafecheck.testing.Jdks;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What must stay silent: correct stores of every kind, stores into persistent memory, stores inside a declared
 * allocator. Each program also makes one bad store at a marked line, to prove the checker was live.
 */
class ExemptionsIT {
    @TempDir
    Path dir;

    @TestFactory
    List<DynamicTest> silentOnCorrectCode() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Jdk jdk : Jdks.matrix()) {
            tests.add(DynamicTest.dynamicTest(jdk + " native→native, heap→heap, data", () -> {
                Programs.Run run = Programs.run(jdk, dir, "", "example.pointer.CleanProgram");
                assertEquals(0, run.result.exitCode(), run::toString);
                assertTrue(run.stdout().contains("clean done"), run::toString);
                assertEquals(0, run.records.size(), run::toString);
                assertFalse(run.stderr().contains("unsafecheck:"), run::toString);
            }));
            tests.add(DynamicTest.dynamicTest(jdk + " persistent chunks and registered regions", () -> {
                Programs.Run run = Programs.run(jdk, dir, "", "example.pointer.PersistentProgram");
                assertEquals(0, run.result.exitCode(), run::toString);
                assertTrue(run.stdout().contains("persistent done"), run::toString);
                assertOnlyTheMarkedStore(run, "example.pointer.PersistentProgram");
            }));
            tests.add(DynamicTest.dynamicTest(jdk + " declared allocator", () -> {
                Programs.Run run = Programs.run(jdk, dir, "allocators=example.pointer.AllocatorProgram$Pool#link",
                        "example.pointer.AllocatorProgram");
                assertEquals(0, run.result.exitCode(), run::toString);
                assertTrue(run.stdout().contains("allocator threw"), run::toString);
                assertTrue(run.stdout().contains("allocator done"), run::toString);
                assertOnlyTheMarkedStore(run, "example.pointer.AllocatorProgram");
            }));
            tests.add(DynamicTest.dynamicTest(jdk + " allocator not declared: the same stores are violations", () -> {
                Programs.Run run = Programs.run(jdk, dir, "mode=report", "example.pointer.AllocatorProgram");
                assertEquals(2, run.records.size(), run::toString);
            }));
        }
        return tests;
    }

    private static void assertOnlyTheMarkedStore(Programs.Run run, String program) {
        assertEquals(1, run.records.size(), run::toString);
        String simple = program.substring(program.lastIndexOf('.') + 1);
        int line = Programs.allMarkedLines(program).get(0);
        assertTrue(((String) run.records.get(0).get("site")).endsWith("(" + simple + ".java:" + line + ")"),
                run::toString);
    }
}
