package io.github.unsafecheck.samples.libraries;

import static io.github.unsafecheck.samples.support.Unsafes.U;

/**
 * A program's own allocator declared with {@code track} (expect: none), the good twin of {@link TrackedPoolOverflow}:
 * a free-list pool whose {@code release} pushes the piece on its list by writing the link into the piece. Declared as
 * a free function, {@code release} is held back while the piece waits in quarantine, and runs later in the checker's
 * own context — so the pool's own write into the freed piece is never reported, and a piece is never handed out again
 * while a stale write could still reach it.
 */
// options: track=io.github.unsafecheck.samples.libraries.TrackedPool$Pool#take=alloc:io.github.unsafecheck.samples.libraries.TrackedPool$Pool#release=free
public final class TrackedPool {
    static final class Pool {
        private final long chunk = U.allocateMemory(1 << 18);
        private long top;
        private long free;

        long take(long n) {
            if (free != 0) {
                long p = free;
                free = U.getLong(p);
                return p;
            }
            long p = chunk + top;
            top += (n + 15) & ~15L;
            return p;
        }

        void release(long p) {
            U.putLong(p, free);
            free = p;
        }
    }

    public static void main(String[] args) {
        Pool pool = new Pool();
        for (int i = 0; i < 1000; i++) {
            long p = pool.take(48);
            U.putLong(p + 40, i);
            pool.release(p);
        }
        System.out.println("1000 pieces taken and released");
    }
}
