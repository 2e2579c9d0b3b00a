package io.github.unsafecheck.samples.tour;

import io.github.unsafecheck.testing.BuiltArtifacts;
import io.github.unsafecheck.testing.ForkedJvm;
import io.github.unsafecheck.testing.Jdks;
import io.github.unsafecheck.testing.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo that bin/demo runs: every stop reaches the verdict the README promises, with and without the agent. */
class TourTest {
    @TempDir
    Path tmp;

    @Test
    void theTourRunsEachSampleWithoutAndWithTheAgent() throws IOException {
        RunResult r = ForkedJvm.on(Jdks.current()).jvmArgs("-Djava.io.tmpdir=" + tmp)
                .classpath(Paths.get(System.getProperty("unsafecheck.sample.classes", "target/classes")))
                .main(Tour.class.getName(), BuiltArtifacts.agentJar().toString()).run();
        assertEquals(0, r.exitCode(), r::toString);
        String out = r.stdout();
        // it leaves nothing behind: its reports and the crash logs of the runs without the agent go with it
        try (Stream<Path> left = Files.list(tmp)) {
            assertEquals(List.of(), left.collect(Collectors.toList()), out);
        }
        assertFalse(out.contains("\u001b["), "no terminal escape codes in captured output");
        for (String stopped : new String[] {
            "stopped heap-pointer at StaleHeapPointer.main(StaleHeapPointer.java:",
            "stopped heap-reference at ReferenceIntoNative.main(ReferenceIntoNative.java:",
            "stopped overflow at OffByOne.main(OffByOne.java:",
            "stopped use-after-free at UseAfterFree.main(UseAfterFree.java:",
            "stopped double-free at DoubleFree.main(DoubleFree.java:"}) {
            assertTrue(out.contains(stopped), stopped + " in\n" + out);
        }
        // what the same programs do without the checker: glibc's abort, and silence (HotSpot's crash of the
        // reference store depends on where malloc put the block, so it is not asserted)
        assertTrue(out.contains("glibc aborted the whole JVM (SIGABRT, exit status 134)"), out);
        assertTrue(out.contains("bob's session: user=bob status=expired"), "the stale write hit bob: " + out);
        assertTrue(out.contains("bob's session: user=bob status=active"), "the stale write was stopped: " + out);
        assertTrue(out.contains("no reports: correct code stays silent."), out);

        int stops = Jdks.current().feature() >= 22 ? 7 : 6;
        if (stops == 7) {
            assertTrue(out.contains("reported dangling-pointer at ClosedArena.main(ClosedArena.java:"), out);
            assertTrue(out.contains("stopped use-after-free at ClosedArena.main(ClosedArena.java:"), out);
        }
        assertEquals(stops, count(out, "  without unsafecheck:"), out);
        assertEquals(stops, count(out, "  with -javaagent:unsafecheck-agent.jar"), out);
        assertTrue(out.contains("In short"), out);
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
