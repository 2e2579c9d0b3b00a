package io.github.unsafecheck.samples.tour;

import io.github.unsafecheck.testing.BuiltArtifacts;
import io.github.unsafecheck.testing.ForkedJvm;
import io.github.unsafecheck.testing.Jdks;
import io.github.unsafecheck.testing.RunResult;
import org.junit.jupiter.api.Test;

import java.nio.file.Paths;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo that bin/demo runs: every stop reaches the verdict the README promises. */
class TourTest {
    @Test
    void theTourRunsEachSampleWithoutAndWithTheAgent() {
        RunResult r = ForkedJvm.on(Jdks.current())
                .classpath(Paths.get(System.getProperty("unsafecheck.sample.classes", "target/classes")))
                .main(Tour.class.getName(), BuiltArtifacts.agentJar().toString()).run();
        assertEquals(0, r.exitCode(), r::toString);
        String out = r.stdout();
        assertTrue(out.contains("stopped before the write — rule heap-pointer at "
                + "io.github.unsafecheck.samples.pointer.StaleHeapPointer.main(StaleHeapPointer.java:"), out);
        assertTrue(out.contains("stopped before the write — rule heap-reference at "
                + "io.github.unsafecheck.samples.pointer.ReferenceIntoNative.main(ReferenceIntoNative.java:"), out);
        assertTrue(out.contains("no reports: correct code stays silent."), out);
        assertEquals(6, out.split("  without unsafecheck:|  with -javaagent:unsafecheck-agent.jar:", -1).length - 1,
                out);
    }
}
