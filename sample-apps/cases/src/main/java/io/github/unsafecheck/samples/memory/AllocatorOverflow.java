package io.github.unsafecheck.samples.memory;

import static io.github.unsafecheck.samples.support.Unsafes.U;
import static io.github.unsafecheck.samples.support.Unsafes.addressOf;

/**
 * A declared allocator that runs past its own block: a handle pool of four slots whose {@code pin} forgets to check
 * that it is full. Being an allocator ({@code allocators=…#pin}) lets it keep heap pointers in its slots — the first
 * four stores are allowed — but not write past the end of its memory: the fifth store lands in the block's redzone
 * and is an {@code overflow}, as it would be anywhere else. Allocator context exempts the pointer rules only, as Go's
 * {@code mallocing} exempts only the pointer check.
 */
// options: allocators=io.github.unsafecheck.samples.memory.AllocatorOverflow$HandlePool#pin
public final class AllocatorOverflow {
    static final class HandlePool {
        private static final int SLOTS = 4;
        private final long slots = U.allocateMemory(8 * SLOTS);
        private final Object[] pinned = new Object[SLOTS + 1];
        private int used;

        long pin(Object o) {
            pinned[used] = o;
            long slot = slots + 8L * used++;
            U.putAddress(slot, addressOf(o)); // expect: overflow
            return slot;
        }
    }

    public static void main(String[] args) {
        HandlePool pool = new HandlePool();
        for (int i = 0; i < HandlePool.SLOTS; i++) {
            pool.pin("object " + i);
        }
        System.out.println("pinned " + HandlePool.SLOTS + " objects; pinning one more runs past the pool's block");
        pool.pin("one too many");
    }
}
