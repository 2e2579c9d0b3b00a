package io.github.unsafecheck.runtime.memory;

/**
 * The Java heap's address ranges as JIT constants: the first question of the pointer rule ("is the value a heap
 * pointer?") must cost two compares, because almost every correct write ends there.
 *
 * <p>The fields are {@code static final}, so C2 folds them into the compiled code of every rewritten call site.
 * When the heap is one range (every collector but single-generation ZGC), the exact test is folded away too. When
 * discovery failed both bounds are 0 and nothing is a heap address; the agent says so at start.
 */
public final class HeapRanges {
    private static final HeapLayout LAYOUT = HeapDiscovery.discover();
    private static final long LO = LAYOUT.lowest();
    private static final long HI = LAYOUT.highest();
    private static final boolean ONE_RANGE = LAYOUT.rangeCount() <= 1;

    private HeapRanges() {
    }

    /** True when {@code address} lies inside the Java heap's reserved ranges. */
    public static boolean contains(long address) {
        if (address < LO || address >= HI) {
            return false;
        }
        return ONE_RANGE || LAYOUT.contains(address);
    }

    public static HeapLayout layout() {
        return LAYOUT;
    }
}
