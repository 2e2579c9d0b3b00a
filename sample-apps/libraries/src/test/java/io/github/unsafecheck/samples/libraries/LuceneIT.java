package io.github.unsafecheck.samples.libraries;

import io.github.unsafecheck.testing.ForkedJvm;
import io.github.unsafecheck.testing.Jdk;
import io.github.unsafecheck.testing.Jdks;
import io.github.unsafecheck.testing.RunResult;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lucene 10 {@code MMapDirectory} on the build JDK (Lucene 10 needs 21+): indexing, searching and merging are
 * silent in strict throw mode, and two bugs planted in zero-copy use of its mapped segments are stopped.
 */
class LuceneIT {
    private static final String WORKLOAD = "io.github.unsafecheck.samples.libraries.lucene.LuceneWorkload";
    private static final String BUGS = "io.github.unsafecheck.samples.libraries.lucene.LuceneBugs";

    @TempDir
    Path dir;

    private static Jdk jdk() {
        return Jdks.current();
    }

    private Path newIndexDir() throws Exception {
        return Files.createTempDirectory(dir, "index");
    }

    /** One planted bug, in strict throw mode, over a fresh small index. */
    private LibraryRun bug(String which) throws Exception {
        return LibraryRun.run(jdk(), dir, LibraryRun.library("lucene"), LibraryRun.STRICT, List.of(), BUGS, which,
                newIndexDir().toString());
    }

    /** As Lucene runs by default, and with the Vector API it asks for (its Panama scorers read segments directly). */
    @TestFactory
    List<DynamicTest> indexingSearchingAndMergingAreSilent() {
        List<DynamicTest> tests = new ArrayList<>();
        for (List<String> jvmArgs : List.of(List.<String>of(), List.of("--add-modules", "jdk.incubator.vector"))) {
            tests.add(DynamicTest.dynamicTest(jvmArgs.isEmpty() ? "default" : "with the Vector API", () -> {
                LibraryRun run = LibraryRun.run(jdk(), dir, LibraryRun.library("lucene"), LibraryRun.STRICT, jvmArgs,
                        WORKLOAD, newIndexDir().toString());
                run.assertClean("lucene-search segments", "lucene-mmap", "lucene-search merged",
                        "lucene-search 64k-chunks");
                // Lucene's only MemorySegment writes: copies out of the mapped file into heap arrays.
                run.assertRewritten("org.apache.lucene.store.MemorySegmentIndexInput", 5,
                        "java.lang.foreign.MemorySegment");
                assertEquals(!jvmArgs.isEmpty(), run.result.stderr().contains("Java vector incubator API enabled"),
                        run::toString);
            }));
        }
        return tests;
    }

    @Test
    void copyingAMappedFileThroughARawPointerPastItsBufferIsAnOverflow() throws Exception {
        LibraryRun run = bug("overflow");
        Map<String, Object> r = run.assertStopped("overflow");
        assertEquals("MemorySegment.copy", r.get("op"));
        assertEquals(8192L, r.get("size"));
        Map<String, Object> a = LibraryRun.allocation(r);
        assertEquals("native segment", a.get("kind"));
        assertEquals(4096L, a.get("size"));
        assertTrue(((String) r.get("site")).startsWith(BUGS + ".lambda$overflow$"), run::toString);
    }

    @Test
    void writingThroughTheAddressOfAClosedInputIsAWildWriteInStrictMode() throws Exception {
        Map<String, Object> r = bug("stale-mapping").assertStopped("wild-write");
        assertEquals("MemorySegment.set", r.get("op"));
        assertEquals("unknown", r.get("dstKind"));
        assertNull(r.get("allocation"), "file mappings are not tracked: the checker knows nothing of this memory");
    }

    /** The same bug without the agent: the write lands in the unmapped file and the JVM dies. */
    @Test
    void withoutTheAgentTheSameWriteCrashesTheJvm() throws Exception {
        // The crash log goes to the test's directory, and no core file is written.
        RunResult r = ForkedJvm.on(jdk()).jvmArgs("-XX:ErrorFile=" + dir.resolve("hs_err_%p.log"),
                        "-XX:-CreateCoredumpOnCrash")
                .classpath(LibraryRun.classpath(LibraryRun.library("lucene"))).main(BUGS, "stale-mapping", newIndexDir().toString()).run();
        assertNotEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().contains("SIGSEGV") || r.stderr().contains("SIGSEGV"), r::toString);
    }
}
