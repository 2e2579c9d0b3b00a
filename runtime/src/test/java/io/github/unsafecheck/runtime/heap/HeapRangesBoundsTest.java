package io.github.unsafecheck.runtime.heap;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link HeapRanges#contains} tests the bounds with one biased compare (a + BIAS >= LIMIT) instead of two: it must
 * give exactly the answer of the plain two-sided test, at the edges and where the bias wraps around.
 */
class HeapRangesBoundsTest {
    private final HeapLayout layout = HeapRanges.layout();

    @Test
    void edgesOfTheHeap() {
        long lo = layout.lowest();
        long hi = layout.highest();
        assertTrue(HeapRanges.contains(lo));
        assertFalse(HeapRanges.contains(lo - 1));
        assertFalse(HeapRanges.contains(hi));
        assertEquals(layout.contains(hi - 1), HeapRanges.contains(hi - 1));
        assertTrue(HeapRanges.contains(layout.addressOf(new Object())));
    }

    @Test
    void valuesWhereTheBiasWrapsAreNotHeapAddresses() {
        long[] values = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1,
            layout.lowest() + Long.MIN_VALUE, layout.highest() + Long.MIN_VALUE, 0x00007f0000000000L};
        for (long v : values) {
            assertEquals(reference(v), HeapRanges.contains(v), () -> "0x" + Long.toHexString(v));
        }
    }

    @Test
    void agreesWithTheTwoSidedTestAroundAndInsideTheHeap() {
        SplittableRandom random = new SplittableRandom(7);
        long lo = layout.lowest();
        long span = layout.highest() - lo;
        for (int i = 0; i < 100_000; i++) {
            long near = lo - span + random.nextLong(3 * span);
            long anywhere = random.nextLong();
            assertEquals(reference(near), HeapRanges.contains(near), () -> "0x" + Long.toHexString(near));
            assertEquals(reference(anywhere), HeapRanges.contains(anywhere),
                    () -> "0x" + Long.toHexString(anywhere));
        }
    }

    private boolean reference(long a) {
        return a >= layout.lowest() && a < layout.highest() && layout.contains(a);
    }
}
