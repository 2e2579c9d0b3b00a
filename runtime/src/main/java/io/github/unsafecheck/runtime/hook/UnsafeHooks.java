package io.github.unsafecheck.runtime.hook;

import io.github.unsafecheck.runtime.UnsafeCheckRuntime;
import io.github.unsafecheck.runtime.check.LivePointerSteps;
import io.github.unsafecheck.runtime.check.PointerRule;
import io.github.unsafecheck.runtime.config.Rule;

/**
 * The static entry points that rewritten call sites call, in front of the original {@code Unsafe} instruction,
 * with the same operands (the instrumenter's rewrite table says which method maps to which hook). A hook returns
 * when the write may go ahead; the original instruction then runs, so the JIT intrinsic stays at the user's call
 * site. On a violation in {@code throw} mode the hook throws {@code UnsafeWriteError} and the write never happens.
 *
 * <p>Not an API for application code: the signatures are a contract with the instrumenter only.
 */
public final class UnsafeHooks {
    static {
        // Offline-instrumented classes run without an agent: the first call starts the checker from the
        // unsafecheck.* system properties (and stops the JVM on a bad one). With the agent this is already done.
        UnsafeCheckRuntime.reporter();
    }

    private UnsafeHooks() {
    }

    /** A 64-bit store at an absolute address: {@code putAddress(long, long)}, {@code putLong(long, long)}. */
    public static void storeLong(long address, long value, String op) {
        Rule broken = PointerRule.longStore(LivePointerSteps.INSTANCE, null, address, value);
        if (broken != null) {
            PointerViolations.longStore(broken, op, address, value);
        }
    }

    /**
     * A 64-bit store at {@code base + offset} ({@code putLong(Object, long, long)} and its volatile, ordered,
     * release, opaque, unaligned, CAS and getAndSet forms); a null base makes {@code offset} an absolute address.
     */
    public static void storeLong(Object base, long offset, long value, String op) {
        Rule broken = PointerRule.longStore(LivePointerSteps.INSTANCE, base, offset, value);
        if (broken != null) {
            PointerViolations.longStore(broken, op, offset, value);
        }
    }

    /**
     * A reference store at {@code base + offset} ({@code putObject}/{@code putReference} and their variants).
     * Returns the base the original instruction must use: {@code base} itself, or — when the store is a violation
     * that report or count mode lets through — a heap sink, because a reference stored at a native address would
     * crash HotSpot inside its GC barrier. {@link #referenceOffset} gives the matching offset.
     */
    public static Object storeReference(Object base, long offset, Object value, String op) {
        Rule broken = PointerRule.referenceStore(LivePointerSteps.INSTANCE, base, offset);
        if (broken == null || !PointerViolations.referenceStore(broken, op, offset, value)) {
            return base;
        }
        return ReferenceSink.HOLDER;
    }

    /** The offset to use with the base {@link #storeReference} returned. */
    public static long referenceOffset(Object base, long offset) {
        return base == ReferenceSink.HOLDER ? ReferenceSink.OFFSET : offset;
    }
}
