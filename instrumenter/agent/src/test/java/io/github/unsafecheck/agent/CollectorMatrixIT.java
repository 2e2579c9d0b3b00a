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

/**
 * The heap ranges are found, and a heap pointer is caught, under every collector with compressed oops on and off,
 * on the build JDK and on JDK 17 (ZGC has no compressed oops: one run).
 */
class CollectorMatrixIT {
    private static final String[] COLLECTORS = {"G1", "Parallel", "Serial", "Shenandoah", "Z"};

    @TempDir
    Path dir;

    @TestFactory
    List<DynamicTest> everyCollectorEveryOopMode() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Jdk jdk : Jdks.matrix()) {
            for (String gc : COLLECTORS) {
                for (String oops : gc.equals("Z") ? new String[] {"-"} : new String[] {"+", "-"}) {
                    String name = jdk + " " + gc + " " + oops + "UseCompressedOops";
                    tests.add(DynamicTest.dynamicTest(name, () -> {
                        Programs.Run run = Programs.run(jdk, dir, "verbose=true",
                                List.of("-XX:+Use" + gc + "GC", "-XX:" + oops + "UseCompressedOops", "-Xmx512m"),
                                "example.pointer.HeapPointerProgram", "putAddress");
                        assertEquals(0, run.result.exitCode(), run::toString);
                        assertTrue(run.stderr().contains("unsafecheck: Java heap [0x"), run::toString);
                        assertTrue(run.stderr().contains("from HotSpot gHotSpotVMStructs"), run::toString);
                        assertTrue(run.stdout().contains("caught io.github.unsafecheck.runtime.UnsafeWriteError"),
                                run::toString);
                        assertTrue(run.stdout().contains("slot unchanged"), run::toString);
                        assertEquals(1, run.records.size(), run::toString);
                        assertEquals("heap-pointer", run.records.get(0).get("rule"));
                    }));
                }
            }
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> diagnosticCommandFallbackAndNoRanges() {
        Jdk jdk = Jdks.current();
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("GC.heap_info fallback", () -> {
            Programs.Run run = Programs.run(jdk, dir, "verbose=true",
                    List.of("-Dio.github.unsafecheck.internal.heapDiscovery=dcmd"),
                    "example.pointer.HeapPointerProgram", "putAddress");
            assertTrue(run.stderr().contains("from GC.heap_info diagnostic command"), run::toString);
            assertEquals(1, run.records.size(), run::toString);
        }));
        tests.add(DynamicTest.dynamicTest("no ranges: said at start, heap-reference stays on", () -> {
            Programs.Run pointer = Programs.run(jdk, dir, "",
                    List.of("-Dio.github.unsafecheck.internal.heapDiscovery=none"),
                    "example.pointer.HeapPointerProgram", "putAddress");
            assertTrue(pointer.stderr().contains("unsafecheck: cannot find the Java heap's address ranges on "),
                    pointer::toString);
            assertTrue(pointer.stderr().contains("the heap-pointer rule is off, heap-reference stays on"),
                    pointer::toString);
            assertEquals(0, pointer.records.size(), pointer::toString);
            Programs.Run reference = Programs.run(jdk, dir, "",
                    List.of("-Dio.github.unsafecheck.internal.heapDiscovery=none"),
                    "example.pointer.ReferenceStoreProgram");
            assertEquals(1, reference.records.size(), reference::toString);
        }));
        return tests;
    }
}
