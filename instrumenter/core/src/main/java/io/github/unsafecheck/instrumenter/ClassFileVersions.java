package io.github.unsafecheck.instrumenter;

import org.objectweb.asm.ClassReader;

/**
 * Which class-file versions the bundled ASM reads. A JDK newer than that still runs, but its own class files — and
 * any application classes compiled for it — cannot be rewritten: say so at start rather than leave the user to find
 * the "could not instrument" lines.
 */
public final class ClassFileVersions {
    private ClassFileVersions() {
    }

    /** True when classes compiled for this Java feature release can be read (and so rewritten). */
    public static boolean readable(int feature) {
        byte[] header = {
            (byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, (byte) ((feature + 44) >> 8),
            (byte) (feature + 44), 0, 1,
        };
        try {
            new ClassReader(header);
            return true;
        } catch (IllegalArgumentException tooNew) {
            return false;
        } catch (RuntimeException truncated) {
            return true; // the version check passed; the rest of this fake class is simply missing
        }
    }

    /** A start-up warning for this JDK, or null when its class files can be rewritten. */
    public static String warningFor(int feature) {
        if (readable(feature)) {
            return null;
        }
        int newest = feature;
        while (newest > 17 && !readable(newest)) {
            newest--;
        }
        return "unsafecheck: this is JDK " + feature + ", and its bytecode library reads class files up to JDK "
                + newest + ": classes compiled for a newer release are left unchanged (their writes run unchecked; the "
                + "coverage report lists them). Use an unsafecheck built for JDK " + feature + ".";
    }
}
