package io.github.unsafecheck.runtime.hook;

import io.github.unsafecheck.runtime.UnsafeCheckRuntime;
import io.github.unsafecheck.runtime.blocks.Block;
import io.github.unsafecheck.runtime.check.DanglingPointerRule;
import io.github.unsafecheck.runtime.check.LivePointerSteps;
import io.github.unsafecheck.runtime.check.MemoryCheck;
import io.github.unsafecheck.runtime.check.Outcome;
import io.github.unsafecheck.runtime.check.PointerRule;
import io.github.unsafecheck.runtime.check.SiteCache;
import io.github.unsafecheck.runtime.config.Rule;
import io.github.unsafecheck.runtime.report.Violation;

/**
 * The static entry points that rewritten call sites call, with the operands of the original {@code Unsafe} call
 * (the instrumenter's rewrite table says which method maps to which hook). A check hook returns when the write may
 * go ahead; the original instruction then runs, so the JIT intrinsic stays at the user's call site. On a violation
 * in {@code throw} mode the hook throws {@code UnsafeWriteError} and the write never happens.
 *
 * <p>Hooks adapt operands and keep the two fast paths inline, nothing else: step 1 of the pointer rule (one compare
 * of the value) and the call site's cached block (two compares; {@link SiteCache}). Whatever they cannot clear goes
 * to the rule chains in {@code check/}. Names say which rules run: {@code store*} runs the pointer rule, then the
 * memory rules; {@code write}, {@code fill} and {@code copy} run the memory rules; {@code storeReference} the pointer
 * rule alone. A {@code (base, offset)} pair with a non-null base is heap memory: the GC's business, never checked
 * here; with a null base, {@code offset} is the absolute address, {@code dst}.
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

    // ---- 8-byte stores: the pointer rule, then the memory rules ------------------------------------------------

    /** {@code putAddress(long, long)}, {@code putLong(long, long)}. */
    public static void storeLong(long dst, long value, String op, int slot) {
        pointerSized(dst, value, dst, false, op, slot, null);
    }

    /**
     * {@code putLong(Object, long, long)} and its volatile, ordered, release, opaque, unaligned, CAS and getAndSet
     * forms; a null base makes {@code offset} an absolute address.
     */
    public static void storeLong(Object base, long offset, long value, String op, int slot) {
        if (base == null) {
            pointerSized(offset, value, offset, false, op, slot, null);
        }
    }

    /**
     * The one path of a pointer-sized store into native memory, for {@code Unsafe} and for {@code MemorySegment}
     * stores of {@code JAVA_LONG} and {@code ADDRESS}: the pointer rule, the memory rules (judged by the block that
     * holds {@code anchor}: the address itself, or the segment's start), then the dangling-pointer bookkeeping.
     * {@code segment} is a constant at every caller, so the JIT keeps one cache test.
     */
    static void pointerSized(long dst, long value, long anchor, boolean segment, String op, int slot,
            Object holderArena) {
        pointerRule(dst, value, op);
        boolean cached = segment ? SiteCache.hitSegment(slot, anchor, dst, 8) : SiteCache.hit(slot, dst, 8);
        if (!cached) {
            MemoryCheck.write(dst, 8, anchor, op, Violation.Access.WRITE, slot);
        }
        DanglingPointerRule.stored(dst, value, op, holderArena);
    }

    /** The pointer rule on a 64-bit store of {@code value} at native address {@code dst}. */
    static void pointerRule(long dst, long value, String op) {
        Rule broken = PointerRule.longStore(LivePointerSteps.INSTANCE, null, dst, value);
        if (broken != null) {
            Outcome.pointerStore(broken, op, dst, value);
        }
    }

    // ---- reference stores: the pointer rule ------------------------------------------------------------------

    /**
     * A reference store at {@code base + offset} ({@code putObject}/{@code putReference} and their variants).
     * Returns the base the original instruction must use: {@code base} itself, or — when the store is a violation
     * that report or count mode lets through — a heap sink, because a reference stored at a native address would
     * crash HotSpot inside its GC barrier. {@link #referenceOffset} gives the matching offset.
     */
    public static Object storeReference(Object base, long offset, Object value, String op) {
        Rule broken = PointerRule.referenceStore(LivePointerSteps.INSTANCE, base, offset);
        if (broken == null || !Outcome.referenceStore(broken, op, offset, value)) {
            return base;
        }
        return ReferenceSink.HOLDER;
    }

    /** The offset to use with the base {@link #storeReference} returned. */
    public static long referenceOffset(Object base, long offset) {
        return base == ReferenceSink.HOLDER ? ReferenceSink.OFFSET : offset;
    }

    // ---- other writes: the memory rules ----------------------------------------------------------------------

    /** A store, CAS or atomic update of {@code size} bytes at an absolute address. */
    public static void write(long dst, int size, String op, int slot) {
        if (!SiteCache.hit(slot, dst, size)) {
            MemoryCheck.write(dst, size, dst, op, Violation.Access.WRITE, slot);
        }
    }

    /** The same at {@code base + offset}. */
    public static void write(Object base, long offset, int size, String op, int slot) {
        if (base == null) {
            write(offset, size, op, slot);
        }
    }

    /** {@code setMemory(long address, long bytes, byte value)}. */
    public static void fill(long dst, long bytes, String op, int slot) {
        if (!SiteCache.hit(slot, dst, bytes)) {
            MemoryCheck.write(dst, bytes, dst, op, Violation.Access.FILL, slot);
        }
    }

    /** {@code setMemory(Object base, long offset, long bytes, byte value)}. */
    public static void fill(Object base, long offset, long bytes, String op, int slot) {
        if (base == null) {
            fill(offset, bytes, op, slot);
        }
    }

    /**
     * {@code copyMemory(long from, long to, long bytes)}: the whole destination range is a write; a source in a
     * freed block is a use-after-free. Bytes are data: a copy never runs the pointer rule.
     */
    public static void copy(long src, long dst, long bytes, String op, int slot) {
        copy(null, src, null, dst, bytes, op, slot);
    }

    /** {@code copyMemory(Object, long, Object, long, long)}, and copySwapMemory. */
    public static void copy(Object srcBase, long srcOffset, Object dstBase, long dstOffset, long bytes, String op,
            int slot) {
        if (dstBase == null && !SiteCache.hit(slot, dstOffset, bytes)) {
            MemoryCheck.write(dstOffset, bytes, dstOffset, op, Violation.Access.COPY, slot);
        }
        int sourceSlot = SiteCache.sourceSlot(slot);
        if (srcBase == null && !SiteCache.hit(sourceSlot, srcOffset, bytes)) {
            MemoryCheck.read(srcOffset, bytes, srcOffset, op, sourceSlot);
        }
    }

    // ---- allocation ------------------------------------------------------------------------------------------

    /** The size the original {@code allocateMemory}/{@code reallocateMemory} asks for: the block plus its redzone. */
    public static long allocationSize(long n) {
        return AllocationHooks.allocationSize(n);
    }

    /** Records the block the original {@code allocateMemory(allocationSize(n))} returned; returns its address. */
    public static long allocated(long address, long n, String op, String site) {
        return AllocationHooks.allocated(address, n, op, site, Block.Origin.ofSite(site));
    }

    /** The address the original {@code freeMemory} must free: 0 while the block waits in quarantine. */
    public static long freeing(long address, String op, String site) {
        return AllocationHooks.freeing(address, op, site);
    }

    /** The address the original {@code reallocateMemory} must start from (0: a fresh block, see reallocated). */
    public static long reallocSource(long address, String op) {
        return AllocationHooks.reallocSource(address, op);
    }

    /** Copies and quarantines the old block, records the new one; returns the new address. */
    public static long reallocated(long newAddress, long oldAddress, long n, String op, String site) {
        return AllocationHooks.reallocated(newAddress, oldAddress, n, op, site);
    }
}
