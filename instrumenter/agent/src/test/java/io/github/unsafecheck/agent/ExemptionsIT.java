package io.github.unsafecheck.agent;

import io.github.unsafecheck.testing.Jdk;
import io.github.unsafecheck.testing.Jdks;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /**
     * The JVM's start record (which JVM, which options) and end record (what was rewritten and checked), and no
     * violation: what lets a build tell a clean run from one that checked nothing.
     */
    private static void assertRunRecords(Programs.Run run, boolean checked) {
        assertEquals(2, run.runRecords.size(), run::toString);
        Map<String, Object> start = run.runRecords.get(0);
        Map<String, Object> end = run.runRecords.get(1);
        assertEquals("start", start.get("record"), run::toString);
        assertEquals("end", end.get("record"), run::toString);
        assertEquals(start.get("pid"), end.get("pid"), run::toString);
        assertEquals("agent", start.get("startedBy"), run::toString);
        assertTrue(String.valueOf(start.get("version")).matches("\\d+\\.\\d+.*"), "the agent jar's version\n" + run);
        assertTrue(String.valueOf(start.get("command")).startsWith("example.pointer.CleanProgram"), run::toString);
        assertEquals("throw", ((Map<?, ?>) start.get("options")).get("mode"), run::toString);
        assertTrue(((Number) end.get("sitesRewritten")).longValue() > 0, "the JDK's own allocation sites at least\n"
                + run);
        assertEquals(checked, ((Number) end.get("sitesChecked")).longValue() > 0, run::toString);
        assertTrue(((Number) end.get("classesTransformed")).longValue() > 0, run::toString);
        assertEquals(0L, ((Number) end.get("violations")).longValue(), run::toString);
    }

    @TestFactory
    List<DynamicTest> silentOnCorrectCode() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Jdk jdk : Jdks.matrix()) {
            tests.add(DynamicTest.dynamicTest(jdk + " native→native, heap→heap, data", () -> {
                Programs.Run run = Programs.run(jdk, dir, "", "example.pointer.CleanProgram");
                assertEquals(0, run.result.exitCode(), run::toString);
                assertTrue(run.stdout().contains("clean done"), run::toString);
                assertEquals(0, run.records.size(), run::toString);
                // Silent but for one line at exit that says what was checked: a clean run is not a run of nothing.
                List<String> ours = run.stderr().lines().filter(l -> l.contains("unsafecheck:")).toList();
                assertEquals(1, ours.size(), run::toString);
                assertTrue(ours.get(0).matches("unsafecheck: no violations \\([1-9]\\d* call sites? checked, \\d+"
                        + " native allocations? tracked; mode=throw, report: \\S+\\.jsonl\\)"), run::toString);
                assertRunRecords(run, true);
            }));
            tests.add(DynamicTest.dynamicTest(jdk + " nothing checked: the exit line and the end record say so", () -> {
                Programs.Run run = Programs.run(jdk, dir, "exclude=example.*", "example.pointer.CleanProgram");
                assertEquals(0, run.result.exitCode(), run::toString);
                assertTrue(run.stderr().contains("unsafecheck: no violations, but no checked call site ran"),
                        run::toString);
                assertRunRecords(run, false);
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
