package io.github.unsafecheck.samples.libraries;

import io.github.unsafecheck.testing.Jdk;
import io.github.unsafecheck.testing.Jdks;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * LWJGL 3.3.6 with its Linux natives under the agent, on the build JDK and JDK 17, in strict throw mode with every
 * rule: its memory — {@code memAlloc} and {@code nmem*} blocks on the system allocator and on jemalloc,
 * {@code MemoryStack} frames, and with {@code track=} LWJGL's JNI binding of C's {@code malloc} — is known memory, so
 * correct heavy use is silent (before the built-in hooks, every {@code memPutLong} into it was a {@code wild-write}
 * under strict). Bugs planted after the correct use are each stopped with the right rule, naming the allocation.
 * Two JVMs per JDK: one per allocator (LWJGL picks it once per JVM).
 */
class LwjglIT {
    private static final String WORKLOAD = "io.github.unsafecheck.samples.libraries.lwjgl.LwjglWorkload";
    private static final String BUGS = "io.github.unsafecheck.samples.libraries.lwjgl.LwjglBugs";
    private static final String TRACK_LIBC = "track=org.lwjgl.system.libc.LibCStdlib#nmalloc=alloc"
            + ":org.lwjgl.system.libc.LibCStdlib#ncalloc=calloc"
            + ":org.lwjgl.system.libc.LibCStdlib#nrealloc=realloc"
            + ":org.lwjgl.system.libc.LibCStdlib#nfree=free";
    private static final String[] SECTIONS = {"mem-alloc-buffers", "nmem-functions", "memory-stack"};

    @TempDir
    Path dir;

    private List<String> jvmArgs(String... more) {
        List<String> args = new ArrayList<>();
        args.add("-Dorg.lwjgl.system.SharedLibraryExtractPath=" + dir.resolve("natives"));
        args.addAll(List.of(more));
        return args;
    }

    @TestFactory
    List<DynamicTest> systemAllocatorJniMallocAndPlantedBugs() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Jdk jdk : Jdks.matrix()) {
            tests.add(DynamicTest.dynamicTest(jdk + " system allocator", () -> {
                LibraryRun run = LibraryRun.run(jdk, dir, LibraryRun.library("lwjgl"),
                        LibraryRun.STRICT + ",rules=all," + TRACK_LIBC,
                        jvmArgs("-Dorg.lwjgl.system.allocator=system"), WORKLOAD, "libc", "bugs");
                assertTrue(run.stdout().startsWith("lwjgl allocator=StdlibAllocator\n"), run::toString);
                assertEquals(0, run.result.exitCode(), "glibc never saw a double free\n" + run);
                for (String s : SECTIONS) {
                    assertTrue(run.stdout().contains("\nok " + s + " "), s + "\n" + run);
                }
                assertTrue(run.stdout().contains("\nok libc-jni-malloc "), run::toString);
                assertTrue(run.stdout().contains("bugs planted\ndone\n"), run::toString);
                assertFalse(run.stdout().contains("the bad write went through"), run::toString);
                assertEquals(5, run.stdout().split("caught UnsafeWriteError: unsafecheck: ", -1).length - 1,
                        run::toString);

                List<String> rules = run.records.stream().map(r -> (String) r.get("rule")).collect(Collectors.toList());
                assertEquals(List.of("overflow", "use-after-free", "double-free", "use-after-free", "double-free"),
                        rules, "the correct sections before the bugs recorded nothing\n" + run);
                List<Integer> lines = bugLines();
                for (int i = 0; i < lines.size(); i++) {
                    String line = "(LwjglBugs.java:" + lines.get(i) + ")";
                    assertTrue(LibraryRun.stack(run.records.get(i)).stream().anyMatch(f -> f.endsWith(line)),
                            line + "\n" + run.records.get(i));
                }
                Map<String, Object> overflow = LibraryRun.allocation(run.records.get(0));
                assertEquals("MemoryUtil.nmemAlloc block", overflow.get("kind"));
                assertEquals(64L, overflow.get("size"));
                assertEquals(BUGS + ".run(LwjglBugs.java:" + lineOf("long block = MemoryUtil.nmemAlloc(64);") + ")",
                        overflow.get("allocatedAt"), "the allocation site is the program's line\n" + overflow);
                assertEquals("Unsafe.putLong", run.records.get(0).get("op"));
                assertTrue(((String) run.records.get(0).get("site")).startsWith("org.lwjgl.system.MemoryUtil.memPutLong("),
                        run::toString);
                assertEquals("MemoryUtil.nmemFree", run.records.get(2).get("op"));
                Map<String, Object> popped = LibraryRun.allocation(run.records.get(3));
                assertEquals("MemoryStack allocation", popped.get("kind"));
                assertEquals(32L, popped.get("size"));
                assertTrue(((List<?>) popped.get("freeStack")).stream()
                        .anyMatch(f -> ((String) f).startsWith("org.lwjgl.system.MemoryStack.pop(")), popped::toString);
                assertEquals("LibCStdlib.nfree", run.records.get(4).get("op"));
                assertEquals("LibCStdlib.nmalloc block", LibraryRun.allocation(run.records.get(4)).get("kind"));
                run.assertRewritten("org.lwjgl.system.MemoryUtil", 20, "sun.misc.Unsafe");
            }));
            tests.add(DynamicTest.dynamicTest(jdk + " jemalloc", () -> {
                List<Path> library = new ArrayList<>(LibraryRun.library("lwjgl"));
                library.addAll(LibraryRun.library("lwjgl-jemalloc"));
                LibraryRun run = LibraryRun.run(jdk, dir, library, LibraryRun.STRICT + ",rules=all", jvmArgs(),
                        WORKLOAD);
                assertTrue(run.stdout().startsWith("lwjgl allocator=JEmallocAllocator\n"),
                        "jemalloc's natives resolved: LWJGL's default allocator\n" + run);
                run.assertClean(SECTIONS);
            }));
        }
        return tests;
    }

    /** The lines of the planted bugs, marked {@code // bug:} in LwjglBugs. */
    private static List<Integer> bugLines() {
        List<Integer> out = new ArrayList<>();
        List<String> src = source();
        for (int i = 0; i < src.size(); i++) {
            if (src.get(i).contains("// bug: ")) {
                out.add(i + 1);
            }
        }
        return out;
    }

    private static int lineOf(String text) {
        List<String> src = source();
        for (int i = 0; i < src.size(); i++) {
            if (src.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text);
    }

    private static List<String> source() {
        try {
            return Files.readAllLines(Paths.get(System.getProperty("libraries.sources", "src/main/java"))
                    .resolve(BUGS.replace('.', '/') + ".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
