package io.github.unsafecheck.instrumenter.samples;

/** Mentions no hooked class: the pre-filter rules it out without parsing. */
public final class NoUnsafe {
    public static int twice(int x) {
        return 2 * x;
    }
}
