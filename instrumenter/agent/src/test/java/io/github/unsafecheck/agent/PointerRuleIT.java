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
 * The heap-pointer rule end to end: a real heap address (from an oracle independent of unsafecheck) stored into
 * {@code allocateMemory} memory through each 64-bit store form, on the build JDK and on JDK 17, in each mode.
 */
class PointerRuleIT {
    private static final String PROGRAM = "example.pointer.HeapPointerProgram";
    private static final String[][] OPS = {
        {"putAddress", "Unsafe.putAddress", "U.putAddress(slot, value)"},
        {"putLong", "Unsafe.putLong", "U.putLong(slot, value)"},
        {"putLongNullBase", "Unsafe.putLong", "U.putLong(null, slot, value)"},
        {"putLongVolatile", "Unsafe.putLongVolatile", "U.putLongVolatile(null"},
        {"putOrderedLong", "Unsafe.putOrderedLong", "U.putOrderedLong(null"},
        {"compareAndSwapLong", "Unsafe.compareAndSwapLong", "U.compareAndSwapLong(null"},
        {"getAndSetLong", "Unsafe.getAndSetLong", "U.getAndSetLong(null"},
    };

    @TempDir
    Path dir;

    @TestFactory
    List<DynamicTest> throwModeStopsTheWriteBeforeItHappens() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Jdk jdk : Jdks.matrix()) {
            for (String[] op : OPS) {
                tests.add(DynamicTest.dynamicTest(jdk + " " + op[0], () -> {
                    Programs.Run run = Programs.run(jdk, dir, "", PROGRAM, op[0]);
                    assertEquals(0, run.result.exitCode(), run::toString);
                    assertTrue(run.stdout().contains("caught io.github.unsafecheck.runtime.UnsafeWriteError: "
                            + "unsafecheck: write of Java heap pointer"), run::toString);
                    assertTrue(run.stdout().contains("slot unchanged"), run::toString);
                    assertFalse(run.stdout().contains("\nstored"), run::toString);
                    assertEquals(1, run.records.size(), run::toString);
                    Map<String, Object> r = run.records.get(0);
                    assertEquals("heap-pointer", r.get("rule"));
                    assertEquals(op[1], r.get("op"));
                    assertEquals("HeapPointerProgram.store(HeapPointerProgram.java:"
                            + Programs.markedLine(PROGRAM, op[2]) + ")", stripPackage(r.get("site")), run::toString);
                    assertEquals(8L, r.get("size"));
                    assertEquals(false, r.get("skipped"));
                    String heapAddress = run.stdout().split("heap address 0x")[1].split("\\R")[0];
                    assertEquals(Long.parseUnsignedLong(heapAddress, 16),
                            Long.parseUnsignedLong(((String) r.get("value")).substring(2), 16), "value field");
                    // the op, then the stack, whose first frame is the site: printed once
                    assertTrue(run.stderr().contains("\top: " + op[1]
                            + "\n\tat example.pointer.HeapPointerProgram.store("), run::toString);
                    assertEquals(1, run.stderr().split("at " + java.util.regex.Pattern.quote((String) r.get("site")),
                            -1).length - 1, run::toString);
                    assertTrue(run.stderr().contains("unsafecheck: 1 violation at 1 site (heap-pointer: 1)"),
                            run::toString);
                }));
            }
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> reportModeRecordsAndLetsTheWriteHappen() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Jdk jdk : Jdks.matrix()) {
            tests.add(DynamicTest.dynamicTest(jdk + " putAddress", () -> {
                Programs.Run run = Programs.run(jdk, dir, "mode=report", PROGRAM, "putAddress");
                assertEquals(0, run.result.exitCode(), run::toString);
                assertTrue(run.stdout().contains("stored\nslot changed"), run::toString);
                assertEquals(1, run.records.size(), run::toString);
                assertEquals("heap-pointer", run.records.get(0).get("rule"));
                assertTrue(run.stderr().contains("the write went ahead (mode=report)"), run::toString);
                assertTrue(run.stderr().contains("mode=report"), run::toString);
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> countModeOnlyCounts() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Jdk jdk : Jdks.matrix()) {
            tests.add(DynamicTest.dynamicTest(jdk + " putLong(null, …)", () -> {
                Programs.Run run = Programs.run(jdk, dir, "mode=count", PROGRAM, "putLongNullBase");
                assertEquals(0, run.result.exitCode(), run::toString);
                assertTrue(run.stdout().contains("stored\nslot changed"), run::toString);
                assertEquals(0, run.records.size(), run::toString);
                assertFalse(run.stderr().contains("unsafecheck: write of"), run::toString);
                assertTrue(run.stderr().contains("unsafecheck: 1 violation at 1 site (heap-pointer: 1), mode=count"),
                        run::toString);
                assertTrue(run.stderr().contains("1 × heap-pointer at example.pointer.HeapPointerProgram.store("),
                        run::toString);
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> callSitesInsideLambdaBodiesAreRewritten() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Jdk jdk : Jdks.matrix()) {
            tests.add(DynamicTest.dynamicTest(jdk.toString(), () -> {
                Programs.Run run = Programs.run(jdk, dir, "", PROGRAM, "lambda");
                assertTrue(run.stdout().contains("slot unchanged"), run::toString);
                assertEquals(1, run.records.size(), run::toString);
                assertTrue(((String) run.records.get(0).get("site")).startsWith(
                        "example.pointer.HeapPointerProgram.lambda$store$"), run::toString);
            }));
        }
        return tests;
    }

    static String stripPackage(Object site) {
        String s = (String) site;
        return s.substring("example.pointer.".length());
    }
}
