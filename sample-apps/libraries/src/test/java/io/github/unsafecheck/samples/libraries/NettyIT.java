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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Netty 4.2's buffers through its {@code sun.misc.Unsafe} path, on the build JDK and JDK 17, both ways Netty gets its
 * direct memory: through {@code ByteBuffer.allocateDirect} and Unsafe's {@code invokeCleaner} (the default), and
 * through its own {@code allocateMemory}/{@code reallocateMemory}/{@code freeMemory} calls (the "no cleaner" path,
 * which needs reflective access to {@code java.nio}). Silent in strict throw mode; a write after {@code release()}
 * is stopped as a use-after-free.
 */
class NettyIT {
    private static final String WORKLOAD = "io.github.unsafecheck.samples.libraries.netty.NettyWorkload";
    private static final String BUGS = "io.github.unsafecheck.samples.libraries.netty.NettyBugs";
    /** Netty's own malloc/realloc/free of direct memory; without these flags it uses the JDK's direct buffers. */
    private static final List<String> NO_CLEANER = List.of("--add-opens", "java.base/java.nio=ALL-UNNAMED",
            "-Dio.netty.tryReflectionSetAccessible=true");

    @TempDir
    Path dir;

    /**
     * The JVM flags for Netty's Unsafe path. On JDK 25 Netty 4.2 turns Unsafe off by default ("io.netty.noUnsafe=true
     * by default on Java 25+") unless the JVM says {@code --sun-misc-unsafe-memory-access=allow}, which it reads back
     * as the system property {@code sun.misc.unsafe.memory.access}. The workloads print hasUnsafe and the tests
     * assert it.
     */
    private static List<String> jvmArgs(Jdk jdk, boolean noCleaner, String... more) {
        List<String> args = new ArrayList<>();
        if (jdk.feature() >= 23) {
            args.add("--sun-misc-unsafe-memory-access=allow");
        }
        if (noCleaner) {
            args.addAll(NO_CLEANER);
        }
        args.addAll(List.of(more));
        return args;
    }

    @TestFactory
    List<DynamicTest> silentOnPooledUnpooledAdaptiveAndCompositeBuffers() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Jdk jdk : Jdks.matrix()) {
            for (boolean noCleaner : new boolean[] {false, true}) {
                tests.add(DynamicTest.dynamicTest(jdk + (noCleaner ? " no-cleaner" : " cleaner"), () -> {
                    LibraryRun run = LibraryRun.run(jdk, dir, LibraryRun.library("netty"), LibraryRun.STRICT,
                            jvmArgs(jdk, noCleaner), WORKLOAD);
                    assertTrue(run.stdout().startsWith("netty hasUnsafe=true noCleaner=" + noCleaner + " "),
                            "Netty must take its Unsafe path, or this run proves nothing\n" + run);
                    run.assertClean("unpooled-direct-buffers", "pooled-direct-buffers", "adaptive-direct-buffers",
                            "pooled-threads", "composite");
                    run.assertRewritten("io.netty.util.internal.PlatformDependent0", 20, "sun.misc.Unsafe");
                }));
            }
        }
        return tests;
    }

    /**
     * JDK 24+, no Unsafe, native access on: Netty's direct memory comes from C's {@code malloc} through an FFM downcall,
     * which the agent wraps — the memory is tracked (its pool chunks are in the leak list, allocated inside Netty's
     * {@code CleanerJava24Linker}), and Netty works as before under strict.
     */
    @TestFactory
    List<DynamicTest> ffmMallocDowncallsAreTracked() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Jdk jdk : Jdks.matrix()) {
            if (jdk.feature() < 24) {
                continue;
            }
            tests.add(DynamicTest.dynamicTest(jdk.toString(), () -> {
                LibraryRun run = LibraryRun.run(jdk, dir, LibraryRun.library("netty"),
                        LibraryRun.STRICT + ",rules=all,leaks=true",
                        List.of("-Dio.netty.noUnsafe=true", "--enable-native-access=ALL-UNNAMED"),
                        "io.github.unsafecheck.samples.libraries.netty.NettyFfmWorkload");
                assertTrue(run.stdout().startsWith("netty hasUnsafe=false\n"), run::toString);
                assertEquals(0, run.result.exitCode(), run::toString);
                for (String s : new String[] {"unpooled-ffm-buffers", "pooled-ffm-buffers", "adaptive-ffm-buffers"}) {
                    assertTrue(run.stdout().contains("ok " + s + " "), s + "\n" + run);
                }
                assertEquals(List.of(), run.records, run::toString);
                assertTrue(run.result.stderr().contains("allocated at io.netty.util.internal.CleanerJava24Linker.malloc("),
                        "Netty's malloc downcall was wrapped: its chunks are tracked\n" + run);
                // And the run says what it did not check: Netty writes this memory through ByteBuffers.
                assertTrue(run.result.stderr().contains("no checked call site ran"), run::toString);
            }));
        }
        return tests;
    }

    @TestFactory
    List<DynamicTest> writeAfterReleaseIsAUseAfterFree() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Jdk jdk : Jdks.matrix()) {
            for (boolean noCleaner : new boolean[] {false, true}) {
                tests.add(DynamicTest.dynamicTest(jdk + (noCleaner ? " no-cleaner" : " cleaner"), () -> {
                    LibraryRun run = LibraryRun.run(jdk, dir, LibraryRun.library("netty"), LibraryRun.STRICT,
                            jvmArgs(jdk, noCleaner, "-Dio.netty.buffer.checkAccessible=false"), BUGS);
                    assertTrue(run.stdout().startsWith("netty hasUnsafe=true noCleaner=" + noCleaner + "\n"),
                            run::toString);
                    Map<String, Object> r = run.assertStopped("use-after-free");
                    assertEquals("Unsafe.putLong", r.get("op"));
                    assertTrue(((String) r.get("site")).startsWith("io.netty.util.internal.PlatformDependent0.putLong("),
                            run::toString);
                    assertTrue(LibraryRun.stack(r).stream().anyMatch(f -> f.startsWith(BUGS + ".main(")),
                            run::toString);
                    Map<String, Object> a = LibraryRun.allocation(r);
                    assertEquals(256L, a.get("size"));
                    // No cleaner: Netty's own allocateMemory; otherwise the JDK's direct buffer under Netty's.
                    assertEquals(noCleaner ? "native allocation" : "direct ByteBuffer", a.get("kind"));
                    assertTrue(((List<?>) a.get("freeStack")).stream()
                            .anyMatch(f -> ((String) f).startsWith("io.netty.buffer.AbstractReferenceCountedByteBuf.release(")),
                            a::toString);
                }));
            }
        }
        return tests;
    }
}
