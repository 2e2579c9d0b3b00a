package io.github.unsafecheck.instrumenter;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassFileVersionsTest {
    @Test
    void theJdksWeBuildAndRunOnAreReadable() {
        assertTrue(ClassFileVersions.readable(17));
        assertTrue(ClassFileVersions.readable(25));
        assertTrue(ClassFileVersions.readable(Runtime.version().feature()));
        assertNull(ClassFileVersions.warningFor(Runtime.version().feature()));
    }

    @Test
    void aJdkFromTheFutureGetsAWarningThatNamesBoth() {
        assertFalse(ClassFileVersions.readable(99));
        String w = ClassFileVersions.warningFor(99);
        assertTrue(w.startsWith("unsafecheck: this is JDK 99, and its bytecode library reads class files up to JDK "), w);
        assertTrue(w.contains("left unchanged"), w);
    }
}
