package io.github.unsafecheck.agent;

import io.github.unsafecheck.testing.BuiltArtifacts;
import io.github.unsafecheck.testing.ForkedJvm;
import io.github.unsafecheck.testing.Jdk;
import io.github.unsafecheck.testing.Jdks;
import io.github.unsafecheck.testing.JsonLines;
import io.github.unsafecheck.testing.RunResult;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code track} option end to end, on an allocator of the test's own ({@code example.functions.Pool}): its pieces
 * get what {@code allocateMemory}'s blocks get — a redzone (overflow), a quarantine and history (use after free,
 * naming where it was taken and given back), double and invalid frees that never reach the pool, a realloc that moves,
 * leaks — and an entry that does not fit the class stops the JVM with a message naming it, at start or, for a class
 * the application loader cannot see, when it loads.
 */
class TrackedFunctionsIT {
    static final String POOL = "example.functions.Pool";
    static final String PROGRAM = "example.functions.PoolProgram";
    static final String TRACK = "track=" + POOL + "#take=alloc:" + POOL + "#give=free:" + POOL + "#resize=realloc:"
            + POOL + "#zeroed=calloc";

    @TempDir
    Path dir;

    @TestFactory
    List<DynamicTest> aDeclaredAllocatorsBugsAreReported() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Jdk jdk : Jdks.matrix()) {
            tests.add(DynamicTest.dynamicTest(jdk + " report", () -> {
                Programs.Run run = Programs.run(jdk, dir, TRACK + ",mode=report,strict=true,rules=all,leaks=true",
                        PROGRAM, "report");
                assertEquals(0, run.result.exitCode(), run::toString);
                assertTrue(run.stdout().contains("correct use done, free pieces 0"),
                        "gives wait in quarantine: the pool's own free runs later\n" + run);
                assertEquals(List.of("overflow", "use-after-free", "use-after-free", "double-free", "invalid-free"),
                        run.records.stream().map(r -> (String) r.get("rule")).collect(Collectors.toList()),
                        run::toString);
                List<Integer> marks = Programs.allMarkedLines(PROGRAM);
                for (int i = 0; i < marks.size(); i++) {
                    Map<String, Object> r = run.records.get(i);
                    String line = "(PoolProgram.java:" + marks.get(i) + ")";
                    assertTrue(stack(r).stream().anyMatch(f -> f.endsWith(line)), line + "\n" + r);
                }
                Map<String, Object> overflow = allocation(run.records.get(0));
                assertEquals("Pool.take block", overflow.get("kind"));
                assertEquals(64L, overflow.get("size"));
                assertTrue(((String) overflow.get("allocatedAt")).startsWith("example.functions.PoolProgram.main("),
                        "the allocation site is the program's line, not the pool's\n" + overflow);
                Map<String, Object> stale = allocation(run.records.get(1));
                assertEquals(32L, stale.get("size"));
                assertTrue(((String) stale.get("freedAt")).startsWith("example.functions.PoolProgram.main("),
                        stale::toString);
                assertTrue(((List<?>) stale.get("freeStack")).get(0).toString().startsWith(POOL + ".resize("),
                        "freed by the move of resize\n" + stale);
                assertEquals("Pool.give", run.records.get(3).get("op"));
                assertEquals(true, run.records.get(3).get("skipped"), "the double give never reached the pool");
                assertTrue(run.stdout().contains("free list grew by 0 (no piece on it twice)"), run::toString);
                assertTrue(run.stderr().contains("still allocated at exit"), run::toString);
                assertTrue(run.stderr().contains("allocated at example.functions.PoolProgram.main(PoolProgram.java:"
                        + Programs.lineOf(PROGRAM, "long leaked = pool.take(100);") + ")"), run::toString);
                assertTrue(run.stderr().contains("allocated at example.functions.PoolProgram.main(PoolProgram.java:"
                        + Programs.lineOf(PROGRAM, "long piece = pool.take(64);") + ")"), run::toString);
            }));
            tests.add(DynamicTest.dynamicTest(jdk + " throw", () -> {
                Programs.Run run = Programs.run(jdk, dir, TRACK + ",mode=throw,strict=true,rules=all", PROGRAM,
                        "throw");
                assertEquals(0, run.result.exitCode(), run::toString);
                for (String bad : new String[] {"overflow", "stale", "use after give", "double give",
                    "interior give"}) {
                    assertTrue(run.stdout().contains(bad + ": caught UnsafeWriteError"), bad + "\n" + run);
                }
                assertEquals(5, run.records.size(), run::toString);
                assertTrue(run.stdout().contains("done"), run::toString);
            }));
        }
        return tests;
    }

    /** Without quarantine the pool's own free runs at once: its free list holds each given piece once. */
    @Test
    void withoutQuarantineThePoolsFreeRunsAtOnce() {
        Programs.Run run = Programs.run(Jdks.current(), dir, TRACK + ",mode=report,quarantine=0", PROGRAM,
                "no-quarantine");
        assertEquals(0, run.result.exitCode(), run::toString);
        assertFalse(run.stdout().contains("correct use done, free pieces 0"), "gives run at once\n" + run);
        assertTrue(run.stdout().contains("free list grew by 0 (no piece on it twice)"),
                "the double give is a double free (the graveyard remembers) and never reaches the pool\n" + run);
        assertEquals(List.of("overflow", "double-free", "invalid-free"),
                run.records.stream().map(r -> (String) r.get("rule")).collect(Collectors.toList()),
                "without quarantine, a write into a given-back piece is a write into the pool's live chunk\n" + run);
    }

    @TestFactory
    List<DynamicTest> entriesThatDoNotFitStopTheJvmBeforeMain() {
        String[][] cases = {
            {POOL + "#grab=alloc", "unsafecheck: bad value for option 'track': '" + POOL + "#grab=alloc': " + POOL
                + " has no method grab"},
            {POOL + "#give=alloc", "alloc needs a method that returns the address as a long; give(J)V returns void"},
            {POOL + "#take=alloc@3", "parameter 3 (size) does not exist: take(J)J has 1 parameter"},
            {POOL + "#zeroed=alloc", "zeroed(II)J has 2 int or long parameters; say which is which: alloc@<size>"},
            {POOL + "#resize=realloc", "realloc needs a free function of the same class that takes only the pointer"},
            {POOL + "#take=grab", "bad value '" + POOL + "#take=grab' for option 'track' in agent options; '" + POOL
                + "#take=grab': unknown role 'grab'; roles: alloc, calloc, realloc, aligned-alloc, free"},
        };
        List<DynamicTest> tests = new ArrayList<>();
        for (String[] c : cases) {
            tests.add(DynamicTest.dynamicTest(c[0], () -> {
                RunResult r = ForkedJvm.on(Jdks.current()).agent(BuiltArtifacts.agentJar(), "track=" + c[0])
                        .classpath(Programs.CLASSES).main(PROGRAM, "report").run();
                assertEquals(2, r.exitCode(), r::toString);
                assertTrue(r.stderr().startsWith("unsafecheck: "), r::toString);
                assertTrue(r.stderr().contains(c[1]), r::toString);
                assertFalse(r.stdout().contains("correct use done"), "main must not run\n" + r);
            }));
        }
        return tests;
    }

    /** A class the application loader cannot see at start is checked, and hooked, when it loads. */
    @Test
    void aClassLoadedLaterIsCheckedWhenItLoads() throws IOException {
        Path main = dir.resolve("main");
        Path plugins = dir.resolve("plugins");
        copy("example/functions/LateProgram.class", main);
        copy("example/functions/Pool.class", plugins);
        copy("example/support/Unsafes.class", plugins);

        RunResult bad = late(main, plugins, "track=" + POOL + "#take=alloc:" + POOL + "#give=alloc");
        assertEquals(2, bad.exitCode(), bad::toString);
        assertTrue(bad.stderr().contains("unsafecheck: track: " + POOL + " is not on the class path at start; its "
                + "entries are checked when it loads"), bad::toString);
        assertTrue(bad.stderr().contains("give(J)V returns void (checked when " + POOL + " loaded)"), bad::toString);
        assertTrue(bad.stdout().contains("main started"), bad::toString);
        assertFalse(bad.stdout().contains("done"), bad::toString);

        RunResult good = late(main, plugins, "track=" + POOL + "#take=alloc:" + POOL + "#give=free,mode=throw");
        assertEquals(0, good.exitCode(), good::toString);
        assertTrue(good.stdout().contains("second give: caught UnsafeWriteError"), good::toString);
        assertTrue(good.stderr().contains("[double-free]"), good::toString);
    }

    private RunResult late(Path main, Path plugins, String options) {
        return ForkedJvm.on(Jdks.current()).agent(BuiltArtifacts.agentJar(), options).classpath(main)
                .main("example.functions.LateProgram", plugins.toString()).run();
    }

    private static void copy(String classFile, Path root) throws IOException {
        Path to = root.resolve(classFile);
        Files.createDirectories(to.getParent());
        Files.copy(Programs.CLASSES.resolve(classFile), to);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> allocation(Map<String, Object> record) {
        return (Map<String, Object>) record.get("allocation");
    }

    @SuppressWarnings("unchecked")
    static List<String> stack(Map<String, Object> record) {
        return (List<String>) record.get("stack");
    }
}
