package example.functions;

import static example.support.Unsafes.U;

/**
 * A small allocator of the test's own, as a program would write one: first-fit over a free list inside one chunk
 * from {@code allocateMemory}. Each piece has an 8-byte header before it holding its capacity; a free piece holds the
 * next free piece's address in its first 8 bytes. Declared with
 * {@code track=example.functions.Pool#take=alloc:…#give=free:…#resize=realloc:…#zeroed=calloc}.
 */
public final class Pool {
    private final long chunk;
    private final long size;
    private long top;
    private long free;
    private int live;

    public Pool(long size) {
        this.chunk = U.allocateMemory(size);
        this.size = size;
    }

    /** {@code n} bytes, or 0 when the chunk is full. */
    public long take(long n) {
        long previous = 0;
        for (long p = free; p != 0; p = U.getLong(p)) {
            if (U.getLong(p - 8) >= n) {
                long next = U.getLong(p);
                if (previous == 0) {
                    free = next;
                } else {
                    U.putLong(previous, next);
                }
                live++;
                return p;
            }
            previous = p;
        }
        long capacity = (n + 7) & ~7L;
        if (top + 8 + capacity > size) {
            return 0;
        }
        long p = chunk + top + 8;
        U.putLong(p - 8, capacity);
        top += 8 + capacity;
        live++;
        return p;
    }

    /** Takes the piece back: its first 8 bytes become the free-list link. */
    public void give(long p) {
        U.putLong(p, free);
        free = p;
        live--;
    }

    /** C's realloc, built on take and give. */
    public long resize(long p, long n) {
        if (p == 0) {
            return take(n);
        }
        if (n == 0) {
            give(p);
            return 0;
        }
        long capacity = U.getLong(p - 8);
        if (capacity >= n) {
            return p;
        }
        long q = take(n);
        if (q != 0) {
            U.copyMemory(p, q, capacity);
            give(p);
        }
        return q;
    }

    /** C's calloc. */
    public long zeroed(int count, int each) {
        long n = (long) count * each;
        long p = take(n);
        if (p != 0) {
            U.setMemory(p, n, (byte) 0);
        }
        return p;
    }

    /** Pieces handed out and not given back. */
    public int live() {
        return live;
    }

    /** The free list's length; a piece on it twice would make it loop. */
    public int freePieces() {
        int n = 0;
        for (long p = free; p != 0 && n < 1_000_000; p = U.getLong(p)) {
            n++;
        }
        return n;
    }
}
