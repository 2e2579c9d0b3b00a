package io.github.unsafecheck.runtime.heap;

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
    // LO <= a < HI as one signed compare: a + BIAS maps LO to Long.MIN_VALUE, so anything below LO wraps to the top
    // and lands at or above LIMIT too. One add and one compare-and-branch per check, whatever the value and whatever
    // the profile says: two compares cost two branches in every rewritten store loop once both outcomes were seen.
    private static final long BIAS = Long.MIN_VALUE - LO;
    private static final long LIMIT = Long.MIN_VALUE + (HI - LO);

    private HeapRanges() {
    }

    /** True when {@code address} lies inside the Java heap's reserved ranges. */
    public static boolean contains(long address) {
        if (address + BIAS >= LIMIT) {
            return false;
        }
        return ONE_RANGE || LAYOUT.contains(address);
    }

    public static HeapLayout layout() {
        return LAYOUT;
    }
}
