package io.github.unsafecheck.runtime.check;

import io.github.unsafecheck.runtime.UnsafeCheckRuntime;
import io.github.unsafecheck.runtime.blocks.Allocations;
import io.github.unsafecheck.runtime.blocks.Block;
import io.github.unsafecheck.runtime.blocks.DanglingPointers;
import io.github.unsafecheck.runtime.config.Rule;
import io.github.unsafecheck.runtime.heap.HeapRanges;
import io.github.unsafecheck.runtime.stack.StackCapture;

import java.util.function.Predicate;

/**
 * The opt-in {@code dangling-pointer} rule. Off, it costs nothing: {@link #ENABLED} is a constant the JIT folds.
 * On, every checked 8-byte store whose value points into a live tracked block is remembered (with the storing
 * site); when that block is freed — {@code freeMemory}, an arena closing, a direct buffer's cleaner — the pointers
 * still stored in live native memory are reported. A report, never an exception: the pointer is not used yet.
 */
public final class DanglingPointerRule {
    public static final boolean ENABLED = UnsafeCheckRuntime.options().rules().contains(Rule.DANGLING_POINTER);
    private static final DanglingPointers STORES = new DanglingPointers();
    /** Whether a segment's arena is open; set by the FFM hooks (JDK 22+), the only ones that pass arenas. */
    private static volatile Predicate<Object> arenaAlive = arena -> true;

    private DanglingPointerRule() {
    }

    /**
     * A store of {@code value} at native address {@code dst}, made through a segment whose arena
     * ({@code MemorySegment.Scope}) is {@code holderArena}, or at a plain address (null).
     */
    public static void stored(long dst, long value, String op, Object holderArena) {
        if (!ENABLED || value == 0 || HeapRanges.contains(value) || ThreadContexts.inCheckerContext()) {
            return;
        }
        Block target = Allocations.get().holding(value);
        if (target != null && target.isLive() && value - target.base < target.size) {
            STORES.stored(dst, value, target, StackCapture.here().site(), Thread.currentThread().getName(),
                    holderArena);
        }
    }

    public static void arenaLiveness(Predicate<Object> alive) {
        arenaAlive = alive;
    }

    /** Called when {@code freed} has just been freed by the program (into quarantine or for good). */
    public static void freed(Block freed, String op) {
        if (!ENABLED) {
            return;
        }
        for (DanglingPointers.Store s : STORES.dangling(freed, Allocations.get(), arenaAlive)) {
            Outcome.dangling(op, s.dst, s.value, freed, s.storedAt, s.storedBy);
        }
    }
}
