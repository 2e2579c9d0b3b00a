package io.github.unsafecheck.runtime.persistent;

import io.github.unsafecheck.runtime.raw.RawMemory;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersistentChunksTest {
    @Test
    void allocationsAreAlignedZeroedAndContained() {
        for (long align : new long[] {1, 8, 64, 4096}) {
            long p = PersistentChunks.allocate(100, align);
            assertEquals(0, p % align, "aligned to " + align);
            for (int i = 0; i < 100; i++) {
                assertEquals(0, RawMemory.getByte(p + i));
            }
            assertTrue(PersistentChunks.contains(p));
            assertTrue(PersistentChunks.contains(p + 99));
        }
    }

    @Test
    void fillingAChunkLinksANewOneInFront() {
        // Fill more than a chunk's worth: new chunks are linked in front, older ones stay reachable.
        int before = PersistentChunks.chunkCount();
        List<Long> blocks = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            blocks.add(PersistentChunks.allocate(8 << 10, 8));
        }
        assertTrue(PersistentChunks.chunkCount() > before);
        for (long b : blocks) {
            assertTrue(PersistentChunks.contains(b));
        }
    }

    @Test
    void largeAllocationsAreNotAGap() {
        long big = PersistentChunks.allocate(3 * PersistentChunks.CHUNK_SIZE, 64);
        assertTrue(PersistentChunks.contains(big));
        assertTrue(PersistentChunks.contains(big + 3 * PersistentChunks.CHUNK_SIZE - 1));
    }

    @Test
    void registeredRegionsOfAnySize() {
        long base = RawMemory.allocate(1000);
        assertFalse(PersistentChunks.contains(base + 500));
        PersistentChunks.register(base, 1000);
        assertTrue(PersistentChunks.contains(base));
        assertTrue(PersistentChunks.contains(base + 999));
        assertFalse(PersistentChunks.contains(base + 1000));
        assertFalse(PersistentChunks.contains(base - 1));
    }

    @Test
    void badArguments() {
        assertThrows(IllegalArgumentException.class, () -> PersistentChunks.allocate(0, 8));
        assertThrows(IllegalArgumentException.class, () -> PersistentChunks.allocate(8, 3));
        assertThrows(IllegalArgumentException.class, () -> PersistentChunks.register(0, 8));
    }

    /** Many threads allocate while others walk the list without a lock: every block is distinct and found. */
    @Test
    void lockFreeReadersSeeAConsistentListUnderContention() throws Exception {
        int writers = 4;
        int readers = 2;
        int perWriter = 2_000;
        ConcurrentLinkedQueue<Long> all = new ConcurrentLinkedQueue<>();
        AtomicBoolean done = new AtomicBoolean();
        AtomicReference<String> failure = new AtomicReference<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            threads.add(new Thread(() -> {
                await(start);
                for (int i = 0; i < perWriter; i++) {
                    long p = PersistentChunks.allocate(256, 16);
                    RawMemory.putLong(p, Thread.currentThread().getId());
                    all.add(p);
                    if (!PersistentChunks.contains(p)) {
                        failure.compareAndSet(null, "own block not found: " + p);
                    }
                }
            }));
        }
        for (int r = 0; r < readers; r++) {
            threads.add(new Thread(() -> {
                await(start);
                while (!done.get()) {
                    for (Long p : all) {
                        if (!PersistentChunks.contains(p)) {
                            failure.compareAndSet(null, "published block not found: " + p);
                        }
                    }
                }
            }));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (int i = 0; i < writers; i++) {
            threads.get(i).join();
        }
        done.set(true);
        for (Thread t : threads) {
            t.join();
        }
        assertNull(failure.get());
        assertEquals(writers * perWriter, all.size());
        assertEquals(all.size(), all.stream().distinct().count(), "no block handed out twice");
        List<Long> sorted = new ArrayList<>(all);
        sorted.sort(Long::compare);
        for (int i = 1; i < sorted.size(); i++) {
            assertTrue(sorted.get(i) - sorted.get(i - 1) >= 256, "blocks do not overlap");
        }
    }

    private static void await(CountDownLatch l) {
        try {
            l.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
