package io.github.unsafecheck.samples.libraries;

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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Agrona 1.x ({@code sun.misc.Unsafe}) and 2.x ({@code jdk.internal.misc.Unsafe}), each in its own JVM with its own
 * class path, on the build JDK and JDK 17: silent in strict throw mode on heavy correct use, and a planted overflow
 * and use-after-free are each stopped with their rule.
 */
class AgronaIT {
    private static final String WORKLOAD = "io.github.unsafecheck.samples.libraries.agrona.AgronaWorkload";
    private static final String BUGS = "io.github.unsafecheck.samples.libraries.agrona.AgronaBugs";

    @TempDir
    Path dir;

    /** An Agrona version: where its jar is, the JVM flags it needs, and the class whose Unsafe calls it rewrites. */
    private enum Agrona {
        V1("agrona1", List.of(), "sun/misc/Unsafe", "Unsafe.putLong", "org.agrona.concurrent.UnsafeBuffer",
                "org.agrona.AbstractMutableDirectBuffer"),
        // 2.x calls jdk.internal.misc.Unsafe from one generated class, UnsafeApi; UnsafeBuffer calls UnsafeApi.
        V2("agrona2", List.of("--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED"), "jdk/internal/misc/Unsafe",
                "jdk.internal.misc.Unsafe.putLong", "org.agrona.UnsafeApi");

        final String property;
        final List<String> jvmArgs;
        final String unsafe;
        final String putLong;
        final String[] rewrittenClasses;

        Agrona(String property, List<String> jvmArgs, String unsafe, String putLong, String... rewrittenClasses) {
            this.property = property;
            this.jvmArgs = jvmArgs;
            this.unsafe = unsafe.replace('/', '.');
            this.putLong = putLong;
            this.rewrittenClasses = rewrittenClasses;
        }

        String jarName() {
            return LibraryRun.library(property).get(0).getFileName().toString();
        }
    }

    @TestFactory
    List<DynamicTest> silentOnBuffersGrowthAndRingBuffers() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Agrona agrona : Agrona.values()) {
            for (Jdk jdk : Jdks.matrix()) {
                tests.add(DynamicTest.dynamicTest(agrona.jarName() + " on " + jdk, () -> {
                    LibraryRun run = LibraryRun.run(jdk, dir, LibraryRun.library(agrona.property), LibraryRun.STRICT,
                            agrona.jvmArgs, WORKLOAD);
                    assertTrue(run.stdout().contains(agrona.jarName()), "the intended Agrona was loaded\n" + run);
                    run.assertClean("unsafe-buffer", "expandable-direct-buffer", "one-to-one-ring-buffer",
                            "many-to-one-ring-buffer");
                    for (String c : agrona.rewrittenClasses) {
                        run.assertRewritten(c, 10, agrona.unsafe);
                    }
                }));
            }
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> plantedBugsAreStopped() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Agrona agrona : Agrona.values()) {
            List<String> jvmArgs = new ArrayList<>(agrona.jvmArgs);
            jvmArgs.add("-Dagrona.disable.bounds.checks=true");
            for (Jdk jdk : Jdks.matrix()) {
                tests.add(DynamicTest.dynamicTest(agrona.jarName() + " on " + jdk + ": write past the end", () -> {
                    LibraryRun run = LibraryRun.run(jdk, dir, LibraryRun.library(agrona.property), LibraryRun.STRICT,
                            jvmArgs, BUGS, "overflow");
                    Map<String, Object> r = run.assertStopped("overflow");
                    assertTrue(run.stdout().contains("past the end untouched"), run::toString);
                    assertEquals(8L, r.get("size"));
                    assertEquals(agrona.putLong, r.get("op"), run::toString);
                    Map<String, Object> a = LibraryRun.allocation(r);
                    assertEquals("direct ByteBuffer", a.get("kind"));
                    assertEquals(64L, a.get("size"));
                    assertTrue(((String) a.get("allocatedAt")).startsWith(BUGS + ".overflow("), a::toString);
                    assertTrue(LibraryRun.stack(r).stream().anyMatch(f -> f.startsWith(BUGS + ".lambda$overflow$")),
                            run::toString);
                }));
                tests.add(DynamicTest.dynamicTest(agrona.jarName() + " on " + jdk + ": write after BufferUtil.free",
                        () -> {
                    LibraryRun run = LibraryRun.run(jdk, dir, LibraryRun.library(agrona.property), LibraryRun.STRICT,
                            jvmArgs, BUGS, "use-after-free");
                    Map<String, Object> r = run.assertStopped("use-after-free");
                    assertEquals("freed", r.get("dstKind"));
                    Map<String, Object> a = LibraryRun.allocation(r);
                    assertEquals("direct ByteBuffer", a.get("kind"));
                    assertEquals(256L, a.get("size"));
                    assertTrue(((List<?>) a.get("freeStack")).stream()
                            .anyMatch(f -> ((String) f).startsWith("org.agrona.BufferUtil.free(")), a::toString);
                    assertNull(r.get("value"));
                }));
            }
        }
        return tests;
    }
}
