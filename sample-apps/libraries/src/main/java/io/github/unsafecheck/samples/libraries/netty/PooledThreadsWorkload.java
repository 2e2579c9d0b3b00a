package io.github.unsafecheck.samples.libraries.netty;

import io.github.unsafecheck.samples.libraries.Expect;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A pooled allocator shared by several threads, each with its own thread cache: buffers of many sizes (tiny to
 * several pages) are allocated, filled, kept in a window, verified and released out of allocation order, so that
 * the pool hands freed runs back out.
 */
final class PooledThreadsWorkload {
    private PooledThreadsWorkload() {
    }

    static void run(Expect expect, ByteBufAllocator alloc, int threads, int buffersPerThread)
            throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicLong released = new AtomicLong();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers[t] = new Thread(() -> {
                try {
                    released.addAndGet(work(alloc, id, buffersPerThread));
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "netty-pooled-" + t);
            workers[t].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        if (failure.get() != null) {
            throw new AssertionError("a pooled worker failed", failure.get());
        }
        expect.equal((long) threads * buffersPerThread, released.get(), "buffers verified and released");
        expect.done("pooled-threads " + threads + "x" + buffersPerThread + " buffers");
    }

    /** Returns how many buffers were verified and released. */
    private static int work(ByteBufAllocator alloc, int id, int count) {
        int released = 0;
        ArrayDeque<ByteBuf> window = new ArrayDeque<>();
        ArrayDeque<Integer> seeds = new ArrayDeque<>();
        for (int i = 0; i < count; i++) {
            int seed = id * 1_000_003 + i;
            int size = 8 + (seed * 7919 & 0x7FFF) % (i % 10 == 0 ? 40_000 : 600);
            ByteBuf buf = alloc.directBuffer(size);
            for (int j = 0; j + 8 <= size; j += 8) {
                buf.writeLong(seed + (long) j);
            }
            window.add(buf);
            seeds.add(seed);
            if (window.size() > 32 || i == count - 1) {
                // Release every other one first: the pool reuses runs out of order.
                int n = window.size();
                for (int k = 0; k < n; k++) {
                    ByteBuf b = window.poll();
                    int s = seeds.poll();
                    verify(b, s);
                    if (k % 2 == 0) {
                        b.release();
                        released++;
                    } else {
                        window.add(b);
                        seeds.add(s);
                    }
                }
            }
        }
        while (!window.isEmpty()) {
            ByteBuf b = window.poll();
            verify(b, seeds.poll());
            b.release();
            released++;
        }
        return released;
    }

    private static void verify(ByteBuf b, int seed) {
        for (int j = 0; j + 8 <= b.writerIndex(); j += 8) {
            if (b.getLong(j) != seed + (long) j) {
                throw new AssertionError("buffer " + seed + " at " + j + ": " + b.getLong(j));
            }
        }
    }
}
