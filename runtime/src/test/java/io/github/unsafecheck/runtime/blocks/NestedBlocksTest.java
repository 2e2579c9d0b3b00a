package io.github.unsafecheck.runtime.blocks;

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

/**
 * Blocks inside blocks: a stack's frames in its buffer, a pool's pieces in its chunk, poison. The innermost block
 * answers, frees find blocks of their own family, a container's children die with it, poison splits.
 */
class NestedBlocksTest {
    private final Allocations a = new Allocations(16, 1 << 20, false);

    private static Trace t(String site) {
        return Trace.here(site, false);
    }

    private Block chunk(long size) {
        long base = RawMemory.allocate(size + 16);
        return a.track(base, size, 16, Block.Origin.UNSAFE, t("chunk"));
    }

    @Test
    void aChildInsideALiveBlockIsFoundFirstAndMakesItAContainer() {
        Block chunk = chunk(1024);
        Block piece = a.trackInside(chunk.base + 64, 100, 0, Block.Origin.CLIENT, "piece", t("piece"));
        assertSame(chunk, piece.parent());
        assertTrue(chunk.isContainer());
        assertSame(piece, a.holding(chunk.base + 64));
        assertSame(piece, a.holding(chunk.base + 163));
        assertSame(chunk, a.holding(chunk.base + 164), "the chunk's own bytes around its pieces");
        assertSame(chunk, a.holding(chunk.base + 10));
        assertEquals("piece", piece.kind());
        assertTrue(piece.describe().startsWith("piece #"));
    }

    @Test
    void aFreeFindsTheBlockOfItsOwnFamilyWhenBothStartAtOneAddress() {
        Block chunk = chunk(512);
        Block first = a.trackInside(chunk.base, 64, 0, Block.Origin.CLIENT, null, t("first"));
        assertSame(first, a.holding(chunk.base));
        assertSame(chunk, a.at(chunk.base), "a heap free of the chunk finds the chunk");
        assertSame(chunk, a.at(chunk.base, Block.Family.HEAP));
        assertSame(first, a.at(chunk.base, Block.Family.CLIENT));
        assertNull(a.at(chunk.base + 64, Block.Family.CLIENT));
        assertSame(chunk, a.holding(chunk.base + 8, Block.Family.HEAP));
    }

    @Test
    void largeBlocksNestToo() {
        // Above the paged limit (64 KiB): the ordered map, where a child may share its parent's base.
        long base = 0x7e00_0000_0000L;
        Block big = a.track(base, 1 << 20, 0, Block.Origin.FUNCTION, "big", t("big"));
        Block child = a.trackInside(base, 256 << 10, 0, Block.Origin.CLIENT, "child", t("child"));
        Block small = a.trackInside(base + (512 << 10), 64, 0, Block.Origin.CLIENT, "small", t("small"));
        assertSame(child, a.holding(base));
        assertSame(child, a.holding(base + (256 << 10) - 1));
        assertSame(big, a.holding(base + (256 << 10)), "past the child: the chunk again");
        assertSame(small, a.holding(base + (512 << 10) + 10));
        assertSame(big, a.holding(base + (1 << 20) - 1));
        assertNull(a.holding(base + (1 << 20)));
        assertSame(big, a.at(base));
        assertSame(child, a.at(base, Block.Family.CLIENT));
    }

    @Test
    void aNewPieceReplacesFreedOnesItOverlapsButNeverItsContainer() {
        Block chunk = chunk(256);
        Block old = a.trackInside(chunk.base, 128, 0, Block.Origin.CLIENT, null, t("old"));
        assertFalse(a.free(old, t("freed"), null));
        assertSame(old, a.holding(chunk.base + 8), "freed, still known");
        Block fresh = a.trackInside(chunk.base + 64, 64, 0, Block.Origin.CLIENT, null, t("fresh"));
        assertSame(fresh, a.holding(chunk.base + 70));
        assertSame(chunk, a.holding(chunk.base + 8), "the overlapped freed piece is forgotten: its bytes are reused");
        assertTrue(chunk.isLive());
    }

    @Test
    void freeingAContainerForgetsWhatLayInsideAndKillsLiveChildren() {
        Block chunk = chunk(256);
        Block live = a.trackInside(chunk.base + 16, 32, 0, Block.Origin.STACK, null, t("live"));
        assertTrue(live.covers(live.base, 8));
        assertFalse(a.free(chunk, t("chunk freed")));
        assertFalse(live.covers(live.base, 8), "a call site that cached the child no longer passes");
        assertSame(chunk, a.holding(chunk.base + 16), "the freed chunk judges its old children's bytes");
        assertEquals(Block.QUARANTINED, chunk.state());
    }

    @Test
    void aQuarantinedHeapChildIsReleasedBeforeItsContainer() {
        Block chunk = chunk(256);
        Block piece = a.trackInside(chunk.base, 64, 16, Block.Origin.FUNCTION, "Pool.take block", t("take"));
        List<Long> released = new ArrayList<>();
        assertFalse(a.free(piece, t("give"), released::add));
        assertTrue(released.isEmpty(), "held in quarantine");
        a.free(chunk, t("chunk freed"));
        assertEquals(List.of(piece.base), released, "the pool's free runs before the chunk goes");
        assertEquals(Block.RELEASED, piece.state());
    }

    @Test
    void aStackPopFreesTheFramesBlocksWithOneTrace() {
        Block buffer = chunk(4096);
        long top = buffer.base + 4096;
        Block x = a.trackInside(top - 32, 16, 16, Block.Origin.STACK, null, t("x"));
        Block y = a.trackInside(top - 64, 8, 24, Block.Origin.STACK, null, t("y"));
        Trace pop = t("pop");
        assertEquals(1, a.popStack(top - 64, top - 32, pop), "only y's frame");
        assertEquals(Block.QUARANTINED, y.state());
        assertEquals("pop", y.freedAt());
        assertTrue(x.isLive());
        assertSame(y, a.holding(top - 60), "a use after pop finds the popped block");
        Block z = a.trackInside(top - 56, 8, 16, Block.Origin.STACK, null, t("z"));
        assertSame(z, a.holding(top - 56));
        assertSame(buffer, a.holding(top - 60), "the next frame reused the bytes: the popped block is gone");
        assertEquals(2, a.popStack(top - 64, top, pop), "the outer frame: z and x");
        assertFalse(x.isLive());
    }

    @Test
    void poisonSplitsAndMerges() {
        Block chunk = chunk(1024);
        Block p = a.poison(chunk.base, chunk.base + 1024, t("poisoned"));
        assertEquals(Block.Origin.POISON, p.origin);
        assertFalse(p.isLive());
        assertSame(chunk, p.parent());
        a.unpoison(chunk.base + 256, chunk.base + 512);
        assertSame(chunk, a.holding(chunk.base + 300));
        Block low = a.holding(chunk.base + 10);
        Block high = a.holding(chunk.base + 600);
        assertEquals(Block.Origin.POISON, low.origin);
        assertEquals(256, low.size);
        assertEquals(chunk.base + 512, high.base);
        assertEquals(512, high.size);
        assertEquals("poisoned", high.freedAt(), "the remainders keep the poisoning's history");
        a.poison(chunk.base + 200, chunk.base + 300, t("again"));
        assertEquals(200, a.holding(chunk.base + 10).size, "poison over poison: the old one is cut, not lost");
        assertEquals(chunk.base + 200, a.holding(chunk.base + 250).base);
        assertSame(chunk, a.holding(chunk.base + 400));
    }

    @Test
    void freedMarksAreBoundedAndForgotten() {
        long base = 0x7d00_0000_0000L;
        List<Block> marks = new ArrayList<>();
        for (int i = 0; i < Allocations.MAX_MARKS + 10; i++) {
            Block b = a.trackInside(base + 32L * i, 16, 0, Block.Origin.CLIENT, null, t("m"));
            a.free(b, t("f"), null);
            marks.add(b);
        }
        assertNull(a.holding(marks.get(0).base), "the oldest mark is forgotten");
        assertSame(marks.get(marks.size() - 1), a.holding(marks.get(marks.size() - 1).base));
    }

    /** Threads each with their own stack inside one shared buffer push, allocate and pop at once. */
    @Test
    void concurrentStacksInOneBuffer() throws Exception {
        Block buffer = chunk(4 * 8192);
        int threads = 4;
        AtomicReference<String> failure = new AtomicReference<>();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> ts = new ArrayList<>();
        for (int n = 0; n < threads; n++) {
            long top = buffer.base + 8192L * (n + 1);
            ts.add(new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 20_000; i++) {
                    Block s = a.trackInside(top - 64, 32, 32, Block.Origin.STACK, null, t("s"));
                    if (a.holding(top - 60) != s || !s.covers(top - 64, 32)) {
                        failure.compareAndSet(null, "lookup of own stack block failed");
                    }
                    a.popStack(top - 64, top, t("p"));
                    if (s.isLive()) {
                        failure.compareAndSet(null, "popped block still live");
                    }
                }
            }));
        }
        ts.forEach(Thread::start);
        go.countDown();
        for (Thread th : ts) {
            th.join();
        }
        assertNull(failure.get(), failure.get());
        assertTrue(buffer.isLive());
    }
}
