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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A reference stored at a native address crashes HotSpot's GC barrier. Throw mode stops it; report and count mode
 * skip it (and say so) so that the run goes on — the program collects garbage afterwards to prove it.
 */
class ReferenceStoreIT {
    private static final String PROGRAM = "example.pointer.ReferenceStoreProgram";

    @TempDir
    Path dir;

    @TestFactory
    List<DynamicTest> referenceStoresAtNativeAddresses() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Jdk jdk : Jdks.matrix()) {
            for (String variant : new String[] {"put", "cas", "null"}) {
                tests.add(DynamicTest.dynamicTest(jdk + " throw " + variant, () -> {
                    Programs.Run run = Programs.run(jdk, dir, "", PROGRAM, variant);
                    assertEquals(0, run.result.exitCode(), run::toString);
                    assertTrue(run.stdout().contains("caught io.github.unsafecheck.runtime.UnsafeWriteError"),
                            run::toString);
                    assertTrue(run.stdout().contains("slot unchanged"), run::toString);
                    assertTrue(run.stdout().contains("survived GC"), run::toString);
                    assertEquals(1, run.records.size(), run::toString);
                    Map<String, Object> r = run.records.get(0);
                    assertEquals("heap-reference", r.get("rule"));
                    assertEquals(variant.equals("cas") ? "Unsafe.compareAndSwapObject" : "Unsafe.putObject",
                            r.get("op"));
                    assertEquals(variant.equals("null") ? null : "int[]", r.get("valueType"));
                    assertEquals(false, r.get("skipped"));
                }));
                tests.add(DynamicTest.dynamicTest(jdk + " report " + variant, () -> {
                    Programs.Run run = Programs.run(jdk, dir, "mode=report", PROGRAM, variant);
                    assertEquals(0, run.result.exitCode(), run::toString);
                    assertTrue(run.stdout().contains("stored\nslot unchanged\nsurvived GC"), run::toString);
                    assertEquals(1, run.records.size(), run::toString);
                    assertEquals(true, run.records.get(0).get("skipped"), run::toString);
                    assertTrue(run.stderr().contains("skipped: a reference stored at a native address would crash"),
                            run::toString);
                }));
            }
            tests.add(DynamicTest.dynamicTest(jdk + " count", () -> {
                Programs.Run run = Programs.run(jdk, dir, "mode=count", PROGRAM, "put");
                assertEquals(0, run.result.exitCode(), run::toString);
                assertTrue(run.stdout().contains("survived GC"), run::toString);
                assertTrue(run.stderr().contains("unsafecheck: 1 violation at 1 site (heap-reference: 1), mode=count"),
                        run::toString);
            }));
        }
        return tests;
    }
}
