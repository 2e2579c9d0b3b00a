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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The memory rules end to end, on the build JDK and on JDK 17. */
class MemoryRulesIT {
    private static final String OVERFLOW = "example.memory.OverflowProgram";
    private static final String FREE = "example.memory.FreeProgram";

    @TempDir
    Path dir;

    @TestFactory
    List<DynamicTest> overflowsAreStoppedBeforeTheyTouchMemory() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Jdk jdk : Jdks.matrix()) {
            tests.add(DynamicTest.dynamicTest(jdk + " 8-byte write 4 bytes before the end of a 64-byte block", () -> {
                Programs.Run run = Programs.run(jdk, dir, "", OVERFLOW, "tail");
                assertTrue(run.stdout().contains("caught UnsafeWriteError: unsafecheck: 8-byte write at "), run::toString);
                // which bytes of the block the write covers, and by how many it runs over
                assertTrue(run.stdout().contains(" covers bytes 60..67 of the 64-byte native allocation #"),
                        run::toString);
                assertTrue(run.stdout().contains(": 4 bytes past its end [overflow]"), run::toString);
                assertTrue(run.stdout().contains("past the end untouched"), run::toString);
                Map<String, Object> r = only(run, "overflow");
                assertEquals("Unsafe.putLong", r.get("op"));
                assertEquals(8L, r.get("size"));
                assertEquals("native", r.get("dstKind"));
                Map<String, Object> a = allocation(r);
                assertEquals(64L, a.get("size"));
                assertEquals("example.memory.OverflowProgram.run(OverflowProgram.java:"
                        + Programs.lineOf(OVERFLOW, "long block = U.allocateMemory(64);") + ")", a.get("allocatedAt"));
                assertEquals("main", a.get("allocatedBy"));
                assertNull(a.get("freedAt"));
                assertSite(r, OVERFLOW, "U.putLong(block + 60, -1L)");
            }));
            tests.add(DynamicTest.dynamicTest(jdk + " write past a direct ByteBuffer's capacity", () -> {
                Programs.Run run = Programs.run(jdk, dir, "", OVERFLOW, "direct");
                assertTrue(run.stdout().contains("4-byte write at "), run::toString);
                assertTrue(run.stdout().contains(" covers bytes 98..101 of the 100-byte direct ByteBuffer #"),
                        run::toString);
                assertTrue(run.stdout().contains(": 2 bytes past its end [overflow]"), run::toString);
                assertTrue(run.stdout().contains("past the end untouched"), run::toString);
                Map<String, Object> a = allocation(only(run, "overflow"));
                assertEquals(100L, a.get("size"));
                assertEquals("direct ByteBuffer", a.get("kind"));
                assertTrue(((String) a.get("allocatedAt")).startsWith("example.memory.OverflowProgram.run("),
                        "the allocation site is the user's allocateDirect call, not the JDK: " + a);
            }));
            tests.add(DynamicTest.dynamicTest(jdk + " copyMemory 8 bytes past the destination", () -> {
                Programs.Run run = Programs.run(jdk, dir, "", OVERFLOW, "copy");
                assertTrue(run.stdout().contains("72-byte copy at "), run::toString);
                assertTrue(run.stdout().contains("past the end untouched"), run::toString);
                Map<String, Object> r = only(run, "overflow");
                assertEquals("Unsafe.copyMemory", r.get("op"));
                assertEquals(72L, r.get("size"));
            }));
            tests.add(DynamicTest.dynamicTest(jdk + " a grown block written through its old address", () -> {
                Programs.Run run = Programs.run(jdk, dir, "", OVERFLOW, "realloc-grow");
                assertTrue(run.stdout().contains("moved"), run::toString);
                Map<String, Object> r = only(run, "use-after-free");
                assertEquals("example.memory.OverflowProgram.run(OverflowProgram.java:"
                        + Programs.lineOf(OVERFLOW, "long grown = U.reallocateMemory(block, 4096);") + ")",
                        allocation(r).get("freedAt"));
            }));
            tests.add(DynamicTest.dynamicTest(jdk + " a shrunk block written inside its new size", () -> {
                Programs.Run run = Programs.run(jdk, dir, "", OVERFLOW, "realloc-shrink");
                assertTrue(run.stdout().contains("kept contents true"), run::toString);
                assertEquals(List.of(), run.records, run::toString);
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> freedMemoryAndBadFrees() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Jdk jdk : Jdks.matrix()) {
            for (String mode : new String[] {"throw", "report"}) {
                tests.add(DynamicTest.dynamicTest(jdk + " " + mode + " use-after-free", () -> {
                    Programs.Run run = Programs.run(jdk, dir, "mode=" + mode, FREE, "use-after-free");
                    assertTrue(run.stdout().contains("survived"), run::toString);
                    Map<String, Object> r = only(run, "use-after-free");
                    assertEquals("freed", r.get("dstKind"));
                    assertEquals(freeSite(), allocation(r).get("freedAt"));
                    assertEquals("main", allocation(r).get("freedBy"));
                    assertNotNull(allocation(r).get("freeStack"));
                }));
                tests.add(DynamicTest.dynamicTest(jdk + " " + mode + " double-free never reaches malloc", () -> {
                    Programs.Run run = Programs.run(jdk, dir, "mode=" + mode, FREE, "double-free");
                    assertEquals(0, run.result.exitCode(), "no glibc abort\n" + run);
                    assertTrue(run.stdout().contains("survived"), run::toString);
                    Map<String, Object> r = only(run, "double-free");
                    assertEquals(freeSite(), allocation(r).get("freedAt"));
                    assertEquals(mode.equals("report"), r.get("skipped"));
                    assertFalse(run.stderr().contains("free(): double free"), run::toString);
                }));
                tests.add(DynamicTest.dynamicTest(jdk + " " + mode + " invalid-free of an interior pointer", () -> {
                    Programs.Run run = Programs.run(jdk, dir, "mode=" + mode, FREE, "invalid-free");
                    assertEquals(0, run.result.exitCode(), run::toString);
                    assertTrue(run.stdout().contains("survived"), run::toString);
                    assertTrue(run.stderr().contains("16 bytes inside native allocation #"), run::toString);
                    only(run, "invalid-free");
                }));
            }
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> noFalseAlarmsUnderChurn() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Jdk jdk : Jdks.matrix()) {
            tests.add(DynamicTest.dynamicTest(jdk + " cleaners, direct buffers, System.gc(), 4 threads × 100k", () -> {
                Programs.Run run = Programs.run(jdk, dir, "strict=true", "example.memory.ChurnProgram", "100000");
                assertEquals(0, run.result.exitCode(), run::toString);
                assertTrue(run.stdout().contains("failures []"), run::toString);
                assertTrue(run.stdout().contains("violations 0"), run::toString);
                assertEquals(List.of(), run.records, run::toString);
                String counts = run.stdout().split("live before ")[1].split("\\R")[0];
                String[] parts = counts.split(" after ");
                assertEquals(parts[0], parts[1], "the live count returns to where it started: " + counts);
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> unknownMemory() {
        List<DynamicTest> tests = new ArrayList<>();
        String untracked = "exclude=example.memory.Untracked";
        for (Jdk jdk : Jdks.matrix()) {
            tests.add(DynamicTest.dynamicTest(jdk + " default: silent, the free passes through", () -> {
                Programs.Run run = Programs.run(jdk, dir, untracked, "example.memory.UnknownMemoryProgram");
                assertTrue(run.stdout().contains("written\nfreed"), run::toString);
                assertEquals(List.of(), run.records, run::toString);
            }));
            tests.add(DynamicTest.dynamicTest(jdk + " strict: wild-write and invalid-free", () -> {
                Programs.Run run = Programs.run(jdk, dir, untracked + ",strict=true,mode=report",
                        "example.memory.UnknownMemoryProgram");
                assertTrue(run.stdout().contains("written\nfreed"), "report mode lets both through\n" + run);
                assertEquals(2, run.records.size(), run::toString);
                assertEquals("wild-write", run.records.get(0).get("rule"));
                assertEquals("unknown", run.records.get(0).get("dstKind"));
                assertEquals("invalid-free", run.records.get(1).get("rule"));
                assertEquals(false, run.records.get(1).get("skipped"), "an unknown address passes through");
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> quarantineLeakSummaryAndStacks() {
        Jdk jdk = Jdks.current();
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("the oldest leave the quarantine first", () -> {
            Programs.Run run = Programs.run(jdk, dir, "quarantine=1k", "example.memory.QuarantineProgram");
            assertTrue(run.stdout().contains("written\ncaught UnsafeWriteError\ndone"), run::toString);
            only(run, "use-after-free");
        }));
        tests.add(DynamicTest.dynamicTest("without quarantine a block goes back at once", () -> {
            Programs.Run run = Programs.run(jdk, dir, "quarantine=0", "example.memory.QuarantineProgram");
            assertTrue(run.stdout().contains("written\nwritten\ndone"), run::toString);
        }));
        tests.add(DynamicTest.dynamicTest("leaks=true lists live blocks by allocation site", () -> {
            Programs.Run run = Programs.run(jdk, dir, "leaks=true", "example.memory.LeakProgram");
            assertTrue(run.stderr().contains("unsafecheck: 3 native blocks (7000 bytes) still allocated at exit, "
                    + "by allocation site:"), run::toString);
            assertTrue(run.stderr().contains("5,000 bytes in 1 block   allocated at example.memory.LeakProgram.main("
                    + "LeakProgram.java:" + Programs.lineOf("example.memory.LeakProgram", "U.allocateMemory(5000)")
                    + ")"), run::toString);
            assertTrue(run.stderr().contains("2,000 bytes in 2 blocks"), run::toString);
        }));
        tests.add(DynamicTest.dynamicTest("stacks=false keeps the sites, drops the stacks", () -> {
            Programs.Run run = Programs.run(jdk, dir, "stacks=false", FREE, "use-after-free");
            Map<String, Object> a = allocation(only(run, "use-after-free"));
            assertEquals(freeSite(), a.get("freedAt"));
            assertNull(a.get("allocationStack"));
            assertNull(a.get("freeStack"));
        }));
        return tests;
    }

    private static String freeSite() {
        return "example.memory.FreeProgram.release(FreeProgram.java:"
                + Programs.lineOf(FREE, "U.freeMemory(block); // the free the reports name") + ")";
    }

    private static Map<String, Object> only(Programs.Run run, String rule) {
        assertEquals(1, run.records.size(), run::toString);
        assertEquals(rule, run.records.get(0).get("rule"), run::toString);
        return run.records.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> allocation(Map<String, Object> record) {
        return (Map<String, Object>) record.get("allocation");
    }

    private static void assertSite(Map<String, Object> r, String program, String text) {
        String simple = program.substring(program.lastIndexOf('.') + 1);
        assertTrue(((String) r.get("site")).endsWith("(" + simple + ".java:" + Programs.lineOf(program, text) + ")"),
                r::toString);
    }
}
