package io.github.unsafecheck.agent;

import io.github.unsafecheck.testing.Jdk;
import io.github.unsafecheck.testing.Jdks;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code data=}: a counter whose value reached the heap's address range is a false heap-pointer until the program
 * declares its stores data; then only the pointer rule on untyped stores is off there.
 */
class DataStoresIT {
    private static final String PROGRAM = "example.pointer.CounterProgram";

    @TempDir
    Path dir;

    @TestFactory
    List<DynamicTest> aCounterInTheHeapRange() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Jdk jdk : Jdks.matrix()) {
            tests.add(DynamicTest.dynamicTest(jdk + " undeclared: taken for a heap pointer", () -> {
                Programs.Run run = Programs.run(jdk, dir, "mode=report", PROGRAM);
                assertEquals(List.of("heap-pointer", "heap-pointer", "overflow", "heap-pointer"), rules(run),
                        run::toString);
            }));
            for (String declared : new String[] {"example.pointer.CounterProgram$*",
                "example.pointer.CounterProgram$Counter#set:example.pointer.CounterProgram$Counter#advance:"
                        + "example.pointer.CounterProgram$Counter#corrupt:example.pointer.CounterProgram$Counter#link"}) {
                tests.add(DynamicTest.dynamicTest(jdk + " data=" + declared.substring(0, 30) + "…", () -> {
                    Programs.Run run = Programs.run(jdk, dir, "data=" + declared, PROGRAM);
                    assertTrue(run.stdout().contains("set ok\nadvance ok\n"), run::toString);
                    assertTrue(run.stdout().contains("corrupt caught unsafecheck: 8-byte write at "), run::toString);
                    assertTrue(run.stdout().contains("link caught unsafecheck: write of Java heap pointer"),
                            run::toString);
                    assertEquals(List.of("overflow", "heap-pointer"), rules(run), run::toString);
                }));
            }
        }
        return tests;
    }

    private static List<Object> rules(Programs.Run run) {
        return run.records.stream().map(r -> r.get("rule")).collect(Collectors.toList());
    }
}
