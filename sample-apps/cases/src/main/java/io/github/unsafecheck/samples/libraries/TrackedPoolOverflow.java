package io.github.unsafecheck.samples.libraries;

import static io.github.unsafecheck.samples.support.Unsafes.U;

/**
 * A program's own allocator, declared with the agent option {@code track}: a bump allocator over one chunk. Its
 * blocks are pieces of a block the checker already knows, so without the declaration a write past a piece's end
 * lands in the chunk and looks fine. Declared ({@code Arena#alloc=alloc}), each piece is a block with a redzone of its
 * own: a message header written 4 bytes past a 32-byte piece is rule {@code overflow}, naming the line that took the
 * piece.
 */
// options: track=io.github.unsafecheck.samples.libraries.TrackedPoolOverflow$Arena#alloc=alloc
public final class TrackedPoolOverflow {
    static final class Arena {
        private final long chunk = U.allocateMemory(1 << 12);
        private long top;

        long alloc(long n) {
            long p = chunk + top;
            top += (n + 15) & ~15L;
            return p;
        }
    }

    public static void main(String[] args) {
        Arena arena = new Arena();
        long header = arena.alloc(32);
        long body = arena.alloc(64);
        U.putLong(body, 0x0102030405060708L);
        U.putLong(header + 24, 7L);                 // the last 8 bytes of the header: fine
        U.putLong(header + 28, 0x7FFF_FFFFL); // expect: overflow
    }
}
