package io.github.unsafecheck.runtime.blocks;

import io.github.unsafecheck.runtime.blocks.Trace;
import io.github.unsafecheck.runtime.raw.RawMemory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllocationsTest {
    private static Block track(Allocations a, long size) {
        long base = RawMemory.allocate(size + a.redzone());
        return a.track(base, size, a.redzone(), Block.Origin.UNSAFE, Trace.here("site", false));
    }

    @Test
    void quarantineReleasesTheOldestFirstWhenOverBudget() {
        Allocations a = new Allocations(0, 256, false);
        Block[] blocks = new Block[8];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = track(a, 64);
        }
        for (Block b : blocks) {
            assertFalse(a.free(b, Trace.here("f", false)));
        }
        assertEquals(256, a.quarantinedBytes());
        for (int i = 0; i < 4; i++) {
            assertEquals(Block.RELEASED, blocks[i].state(), "oldest released: " + i);
            assertSame(blocks[i], a.released(blocks[i].base));
        }
        for (int i = 4; i < 8; i++) {
            assertEquals(Block.QUARANTINED, blocks[i].state(), "newest held: " + i);
        }
    }

    @Test
    void aNewBlockOverlappingAStaleOneReplacesIt() {
        Allocations a = new Allocations(16, 1 << 20, false);
        long base = RawMemory.allocate(256);
        Block stale = a.track(base, 128, 16, Block.Origin.UNSAFE, Trace.here("s", false));
        // The program freed it through code the checker cannot see; malloc hands the memory out again.
        Block fresh = a.track(base + 64, 32, 16, Block.Origin.UNSAFE, Trace.here("s", false));
        assertNull(a.at(stale.base));
        assertSame(fresh, a.holding(base + 70));
    }

    /** Many threads allocate, look up and free at once: every lookup finds its own block, nothing is left live. */
    @Test
    void concurrentTrackingAndFreeing() throws Exception {
        Allocations a = new Allocations(16, 64 << 10, true);
        int threads = 4;
        int each = 20_000;
        AtomicReference<String> failure = new AtomicReference<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            ts.add(new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < each; i++) {
                    Block b = track(a, 48);
                    if (a.holding(b.base + 47) != b || !b.covers(b.base, 48)) {
                        failure.compareAndSet(null, "lookup of own live block failed");
                    }
                    if (a.free(b, Trace.here("f", false))) {
                        RawMemory.free(b.base);
                    }
                    if (b.isLive()) {
                        failure.compareAndSet(null, "freed block still live");
                    }
                }
            }));
        }
        ts.forEach(Thread::start);
        go.countDown();
        for (Thread t : ts) {
            t.join();
        }
        assertNull(failure.get());
        assertEquals(0, a.live().size());
        assertTrue(a.quarantinedBytes() <= 64 << 10);
    }
}
