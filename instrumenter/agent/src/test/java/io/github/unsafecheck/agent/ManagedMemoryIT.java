package io.github.unsafecheck.agent;

import io.github.unsafecheck.runtime.ManagedMemory;
import io.github.unsafecheck.testing.ForkedJvm;
import io.github.unsafecheck.testing.Jdk;
import io.github.unsafecheck.testing.Jdks;
import io.github.unsafecheck.testing.RunResult;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.net.URISyntaxException;
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
 * The public API for code that manages its own memory ({@code ManagedMemory}), end to end on a slab allocator of the
 * test's own ({@code example.managed.Slab}): its pieces are blocks inside its chunk, its reserve is poisoned, its own
 * free-list writes run in the managing scope. Correct use is silent under the strictest settings; each planted bug is
 * reported with its rule; bad arguments are rejected; without the agent nothing runs.
 */
class ManagedMemoryIT {
    static final String PROGRAM = "example.managed.ManagedProgram";

    @TempDir
    Path dir;

    @TestFactory
    List<DynamicTest> theProgramsOwnAllocatorIsCheckedThroughTheApi() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Jdk jdk : Jdks.matrix()) {
            tests.add(DynamicTest.dynamicTest(jdk + " report", () -> {
                Programs.Run run = Programs.run(jdk, dir, "mode=report,strict=true,rules=all", PROGRAM);
                assertEquals(0, run.result.exitCode(), run::toString);
                assertTrue(run.stdout().contains("correct use done, free pieces 20"), run::toString);
                assertEquals(List.of("overflow", "use-after-poison", "use-after-free", "double-free", "invalid-free"),
                        run.records.stream().map(r -> (String) r.get("rule")).collect(Collectors.toList()),
                        "the slab's own link writes into freed pieces are allowed (managing)\n" + run);
                List<Integer> marks = Programs.allMarkedLines(PROGRAM);
                for (int i = 0; i < marks.size(); i++) {
                    String line = "(ManagedProgram.java:" + marks.get(i) + ")";
                    assertTrue(TrackedFunctionsIT.stack(run.records.get(i)).stream().anyMatch(f -> f.endsWith(line)),
                            line + "\n" + run.records.get(i));
                }
                Map<String, Object> piece = TrackedFunctionsIT.allocation(run.records.get(0));
                assertEquals("slab piece", piece.get("kind"));
                assertEquals(64L, piece.get("size"));
                assertTrue(((String) piece.get("allocatedAt")).startsWith("example.managed.Slab.take("), piece::toString);
                assertEquals("poisoned", run.records.get(1).get("dstKind"));
                assertTrue(((String) TrackedFunctionsIT.allocation(run.records.get(1)).get("freedAt"))
                        .startsWith("example.managed.Slab.<init>("), "poisoned where the slab was made\n" + run);
                assertTrue(((String) TrackedFunctionsIT.allocation(run.records.get(2)).get("freedAt"))
                        .startsWith("example.managed.Slab.give("), run::toString);
                assertEquals("ManagedMemory.freed", run.records.get(3).get("op"));
                assertTrue(run.stdout().contains("free pieces 19, managing false"), "scopes closed\n" + run);
                assertTrue(run.stdout().contains("rejected: unsafecheck: ManagedMemory.allocated(0, 8): a block needs "
                        + "an address and a positive size"), run::toString);
                assertEquals(3, run.stdout().split("rejected: ", -1).length - 1, run::toString);
                assertTrue(run.stdout().contains("done"), run::toString);
            }));
        }
        tests.add(DynamicTest.dynamicTest(Jdks.current() + " throw", () -> {
            Programs.Run run = Programs.run(Jdks.current(), dir, "mode=throw,strict=true,rules=all", PROGRAM);
            assertEquals(0, run.result.exitCode(), run::toString);
            for (String bad : new String[] {"overflow", "reserve", "use after give", "double give", "interior give"}) {
                assertTrue(run.stdout().contains(bad + ": caught UnsafeWriteError"), bad + "\n" + run);
            }
        }));
        return tests;
    }

    /** Without the agent (and no unsafecheck.* property) the API does nothing: the program runs as it would. */
    @Test
    void withoutTheAgentTheApiDoesNothing() throws URISyntaxException {
        Path runtime = Paths.get(ManagedMemory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        RunResult r = ForkedJvm.on(Jdks.current()).classpath(Programs.CLASSES, runtime).main(PROGRAM).run();
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().contains("overflow: went through"), r::toString);
        assertTrue(r.stdout().contains("double give: went through"), r::toString);
        assertTrue(r.stdout().contains("done"), r::toString);
        assertFalse(r.stderr().contains("unsafecheck"), r::toString);
    }
}
