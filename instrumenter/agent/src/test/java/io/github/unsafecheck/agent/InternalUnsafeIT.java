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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Call sites of {@code jdk.internal.misc.Unsafe} (as Agrona 2.x makes them) are rewritten like sun.misc ones. */
class InternalUnsafeIT {
    private static final String PROGRAM = "example.internal.InternalUnsafeProgram";

    @TempDir
    Path dir;

    @TestFactory
    List<DynamicTest> internalUnsafeStores() {
        List<DynamicTest> tests = new ArrayList<>();
        String[][] cases = {
            {"putLong", "heap-pointer", "jdk.internal.misc.Unsafe.putLong"},
            {"release", "heap-pointer", "jdk.internal.misc.Unsafe.putLongRelease"},
            {"reference", "heap-reference", "jdk.internal.misc.Unsafe.putReference"},
        };
        for (Jdk jdk : Jdks.matrix()) {
            for (String[] c : cases) {
                tests.add(DynamicTest.dynamicTest(jdk + " " + c[2], () -> {
                    Programs.Run run = Programs.run(jdk, dir, "",
                            List.of("--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"), PROGRAM, c[0]);
                    assertEquals(0, run.result.exitCode(), run::toString);
                    assertTrue(run.stdout().contains("caught io.github.unsafecheck.runtime.UnsafeWriteError"),
                            run::toString);
                    assertTrue(run.stdout().contains("slot unchanged"), run::toString);
                    assertEquals(1, run.records.size(), run::toString);
                    assertEquals(c[1], run.records.get(0).get("rule"));
                    assertEquals(c[2], run.records.get(0).get("op"));
                }));
            }
        }
        return tests;
    }
}
