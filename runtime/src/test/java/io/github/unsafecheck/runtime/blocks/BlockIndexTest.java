package io.github.unsafecheck.runtime.blocks;

import io.github.unsafecheck.runtime.blocks.Trace;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page index, on made-up addresses (nothing is written to them). */
class BlockIndexTest {
    private static final long PAGE = 1L << BlockIndex.PAGE_SHIFT;
    private static long ids;

    private static Block block(long base, long size, long redzone) {
        return new Block(++ids, base, size, redzone, Block.Origin.UNSAFE, null, null, Trace.here("site", false));
    }

    @Test
    void findsTheBlockHoldingAnAddressAcrossPageBoundaries() {
        BlockIndex index = new BlockIndex();
        long base = 0x7f00_0000_0000L + PAGE - 40; // 40 bytes before a page boundary, 100 + 16 bytes long
        Block b = block(base, 100, 16);
        index.add(b);
        assertSame(b, index.holding(base));
        assertSame(b, index.holding(base + 39));
        assertSame(b, index.holding(base + 40), "first byte of the next page");
        assertSame(b, index.holding(base + 115), "last redzone byte");
        assertNull(index.holding(base + 116));
        assertNull(index.holding(base - 1));
        assertEquals(1, index.size());
    }

    @Test
    void largeBlocksLiveOutsideThePages() {
        BlockIndex index = new BlockIndex();
        long base = 0x7f00_0000_0000L;
        long size = (BlockIndex.MAX_PAGED_PAGES + 4) * PAGE;
        Block big = block(base, size, 64);
        Block small = block(base + size + 64, 32, 0);
        index.add(big);
        index.add(small);
        assertSame(big, index.holding(base + size / 2));
        assertSame(big, index.holding(base + size + 63));
        assertSame(small, index.holding(base + size + 64));
        assertSame(small, index.lowestStartingIn(base, base + size + 100));
        assertEquals(Set.of(big, small), Set.copyOf(index.overlapping(base + 8, base + size + 65)));
        assertTrue(index.remove(big));
        assertFalse(index.remove(big), "already gone");
        assertNull(index.holding(base + size / 2));
        assertEquals(1, index.size());
    }

    @Test
    void removeTakesOnlyThatBlockFromEveryPage() {
        BlockIndex index = new BlockIndex();
        long base = 0x7f00_0000_0000L;
        Block spanning = block(base + 16, 3 * PAGE, 0);
        Block neighbour = block(base, 16, 0);
        index.add(spanning);
        index.add(neighbour);
        Block stranger = block(base + 16, 3 * PAGE, 0); // same base, never added
        assertFalse(index.remove(stranger));
        assertTrue(index.remove(spanning));
        for (long a = base + 16; a < base + 16 + 3 * PAGE; a += PAGE / 2) {
            assertNull(index.holding(a), Long.toHexString(a));
        }
        assertSame(neighbour, index.holding(base + 15));
    }

    @Test
    void lowestStartingInWalksPagesOrTheWholeIndex() {
        BlockIndex index = new BlockIndex();
        long base = 0x7f00_0000_0000L;
        Block first = block(base + 5 * PAGE + 8, 8, 0);
        Block second = block(base + 5 * PAGE + 64, 8, 0);
        Block far = block(base + 900 * PAGE, 8, 0);
        index.add(second);
        index.add(far);
        index.add(first);
        // A short range: walked page by page.
        assertSame(first, index.lowestStartingIn(base + 4 * PAGE, base + 6 * PAGE));
        assertSame(second, index.lowestStartingIn(first.base, base + 6 * PAGE), "bounds are exclusive");
        assertNull(index.lowestStartingIn(base, first.base));
        // A range of more pages than the index has: every indexed page is looked at instead.
        assertSame(first, index.lowestStartingIn(base, base + 1_000_000 * PAGE));
        assertSame(far, index.lowestStartingIn(second.base, Long.MAX_VALUE));
        assertNull(index.lowestStartingIn(far.base, Long.MAX_VALUE));
    }

    @Test
    void forEachVisitsEachBlockOnce() {
        BlockIndex index = new BlockIndex();
        long base = 0x7f00_0000_0000L;
        List<Block> added = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Block b = block(base + i * 3 * PAGE, 2 * PAGE + i, 64);
            index.add(b);
            added.add(b);
        }
        Block big = block(base + 1000 * PAGE, 64 * PAGE, 0);
        index.add(big);
        added.add(big);
        List<Block> seen = new ArrayList<>();
        index.forEach(seen::add);
        seen.sort((x, y) -> Long.compare(x.id, y.id));
        assertEquals(added, seen);
        assertEquals(51, index.size());
    }

    /** Threads add, find and remove neighbouring blocks that share pages: every lookup sees its own block. */
    @Test
    void concurrentAddFindRemoveOnSharedPages() throws Exception {
        BlockIndex index = new BlockIndex();
        int threads = 4;
        int rounds = 50_000;
        long base = 0x7f00_0000_0000L;
        AtomicReference<String> failure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            long lane = base + t * 48; // four 48-byte blocks interleaved on the same pages
            workers.add(new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < rounds && failure.get() == null; i++) {
                        long at = lane + (i % 64) * 4 * 48 * 2;
                        Block b = block(at, 40, 8);
                        index.add(b);
                        if (index.holding(at + 39) != b || index.holding(at + 47) != b) {
                            failure.set("lost " + b.describe());
                        }
                        if (!index.remove(b)) {
                            failure.set("could not remove " + b.describe());
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
        }
        workers.forEach(Thread::start);
        start.countDown();
        for (Thread w : workers) {
            w.join();
        }
        assertNull(failure.get(), failure::get);
        assertEquals(0, index.size());
        List<Block> left = new ArrayList<>();
        index.forEach(left::add);
        assertTrue(left.isEmpty(), left::toString);
    }
}
