package io.github.unsafecheck.samples.tour;

import io.github.unsafecheck.testing.BuiltArtifacts;
import io.github.unsafecheck.testing.ForkedJvm;
import io.github.unsafecheck.testing.Jdks;
import io.github.unsafecheck.testing.RunResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo that bin/demo runs: every stop reaches the verdict the README promises, with and without the agent. */
class TourTest {
    @Test
    void theTourRunsEachSampleWithoutAndWithTheAgent() {
        RunResult r = ForkedJvm.on(Jdks.current())
                .classpath(Paths.get(System.getProperty("unsafecheck.sample.classes", "target/classes")))
                .main(Tour.class.getName(), BuiltArtifacts.agentJar().toString()).run();
        assertEquals(0, r.exitCode(), r::toString);
        String out = r.stdout();
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
