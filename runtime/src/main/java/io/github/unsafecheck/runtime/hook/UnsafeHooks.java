package io.github.unsafecheck.runtime.hook;

import io.github.unsafecheck.runtime.UnsafeCheckRuntime;
import io.github.unsafecheck.runtime.blocks.Block;
import io.github.unsafecheck.runtime.check.LivePointerSteps;
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
 * <p>The memory hooks take a cache slot (a constant per call site): a write inside the block that site wrote into
 * last costs two compares; only a miss goes to {@link MemoryViolations}.
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
    public static void storeLong(long address, long value, String op, int slot) {
        Rule broken = PointerRule.longStore(LivePointerSteps.INSTANCE, null, address, value);
        if (broken != null) {
            PointerViolations.longStore(broken, op, address, value);
        }
        if (!SiteCache.hit(slot, address, 8)) {
            MemoryViolations.write(null, address, 8, op, slot, Violation.Access.WRITE);
        }
        DanglingPointerHooks.stored(address, value, op);
    }

    /**
     * {@code putLong(Object, long, long)} and its volatile, ordered, release, opaque, unaligned, CAS and getAndSet
     * forms; a null base makes {@code offset} an absolute address.
     */
    public static void storeLong(Object base, long offset, long value, String op, int slot) {
        Rule broken = PointerRule.longStore(LivePointerSteps.INSTANCE, base, offset, value);
        if (broken != null) {
            PointerViolations.longStore(broken, op, offset, value);
        }
        if (base == null) {
            if (!SiteCache.hit(slot, offset, 8)) {
                MemoryViolations.write(null, offset, 8, op, slot, Violation.Access.WRITE);
            }
            DanglingPointerHooks.stored(offset, value, op);
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
        if (broken == null || !PointerViolations.referenceStore(broken, op, offset, value)) {
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
    public static void write(long address, int size, String op, int slot) {
        if (!SiteCache.hit(slot, address, size)) {
            MemoryViolations.write(null, address, size, op, slot, Violation.Access.WRITE);
        }
    }

    /** The same at {@code base + offset}: a non-null base is heap memory, the GC's business. */
    public static void write(Object base, long offset, int size, String op, int slot) {
        if (base == null) {
            write(offset, size, op, slot);
        }
    }

    /** {@code setMemory(long address, long bytes, byte value)}. */
    public static void fill(long address, long bytes, String op, int slot) {
        if (!SiteCache.hit(slot, address, bytes)) {
            MemoryViolations.write(null, address, bytes, op, slot, Violation.Access.FILL);
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
    public static void copy(long from, long to, long bytes, String op, int slot) {
        copy(null, from, null, to, bytes, op, slot);
    }

    /** {@code copyMemory(Object, long, Object, long, long)}, and copySwapMemory. */
    public static void copy(Object fromBase, long fromOffset, Object toBase, long toOffset, long bytes, String op,
            int slot) {
        if (toBase == null && !SiteCache.hit(slot, toOffset, bytes)) {
            MemoryViolations.write(null, toOffset, bytes, op, slot, Violation.Access.COPY);
        }
        int sourceSlot = slot ^ (SiteCache.SLOTS >>> 1);
        if (fromBase == null && !SiteCache.hit(sourceSlot, fromOffset, bytes)) {
            MemoryViolations.read(null, fromOffset, bytes, op, sourceSlot);
        }
    }

    // ---- allocation ------------------------------------------------------------------------------------------

    /** The size the original {@code allocateMemory}/{@code reallocateMemory} asks for: the block plus its redzone. */
    public static long allocationSize(long n) {
        return AllocationHooks.allocationSize(n);
    }

    /** Records the block the original {@code allocateMemory(allocationSize(n))} returned; returns its address. */
    public static long allocated(long address, long n, String op, String site) {
        return AllocationHooks.allocated(address, n, op, site, origin(site));
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

    private static Block.Origin origin(String site) {
        if (site.startsWith("java.nio.DirectByteBuffer")) {
            return Block.Origin.DIRECT_BUFFER;
        }
        return site.startsWith("jdk.internal.foreign.") ? Block.Origin.SEGMENT : Block.Origin.UNSAFE;
    }
}
