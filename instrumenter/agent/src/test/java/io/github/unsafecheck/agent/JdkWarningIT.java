package io.github.unsafecheck.agent;

import io.github.unsafecheck.testing.BuiltArtifacts;
import io.github.unsafecheck.testing.ForkedJvm;
import io.github.unsafecheck.testing.Jdks;
import io.github.unsafecheck.testing.RunResult;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * JDK 23+ prints one warning per JVM for the first sun.misc.Unsafe memory access, naming the calling class. The
 * agent must not steal it: the hooks run before the original instruction, which stays at the user's call site, and
 * the runtime reads memory through jdk.internal.misc.Unsafe. Nor may it print HotSpot's class-data-sharing warning.
 */
class JdkWarningIT {
    @Test
    void theDeprecationWarningStillNamesTheApplicationClass() {
        assumeTrue(Jdks.current().feature() >= 23, "the warning exists on JDK 23+");
        RunResult r = ForkedJvm.on(Jdks.current()).jvmArgs("--sun-misc-unsafe-memory-access=warn")
                .agent(BuiltArtifacts.agentJar(), "").classpath(Programs.CLASSES)
                .main("example.pointer.CleanProgram").run();
        assertTrue(r.stdout().contains("clean done"), r::toString);
        assertTrue(r.stderr().contains("has been called by example.pointer.CleanProgram"), r::toString);
        assertFalse(r.stderr().contains("has been called by io.github.unsafecheck"), r::toString);
    }

    @Test
    void noClassDataSharingWarning() {
        RunResult r = ForkedJvm.on(Jdks.current()).agent(BuiltArtifacts.agentJar(), "").classpath(Programs.CLASSES)
                .main("example.pointer.CleanProgram").run();
        assertTrue(r.stdout().contains("clean done"), r::toString);
        assertFalse(r.stderr().contains("Sharing is only supported"), r::toString);
        assertFalse(r.stderr().contains("VM warning"), r::toString);
        assertFalse(r.stderr().contains("WARNING"), r::toString);
    }
}
