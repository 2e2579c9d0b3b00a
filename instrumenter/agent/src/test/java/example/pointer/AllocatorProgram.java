package example.pointer;

import example.support.RealAddress;

import static example.support.Unsafes.U;

/**
 * A pool that keeps heap addresses in the native memory it manages, run with
 * {@code allocators=example.pointer.AllocatorProgram$Pool#link}: inside {@code link} the store is allowed, outside
 * it is not, and an allocator that throws leaves allocator context behind it.
 */
public final class AllocatorProgram {
    static final class Pool {
        void link(long slot, long value, boolean fail) {
            U.putAddress(slot, value);                   // allowed: allocator context
            if (fail) {
                throw new IllegalStateException("pool failure");
            }
        }
    }

    public static void main(String[] args) {
        byte[] array = new byte[64];
        long heapAddress = RealAddress.of(array);
        long slot = U.allocateMemory(16);
        Pool pool = new Pool();
        pool.link(slot, heapAddress, false);
        try {
            pool.link(slot, heapAddress, true);
        } catch (IllegalStateException expected) {
            System.out.println("allocator threw");
        }
        try {
            U.putAddress(slot, heapAddress); // expect: heap-pointer
        } catch (Error e) {
            System.out.println("caught " + e.getClass().getName());
        }
        java.lang.ref.Reference.reachabilityFence(array);
        System.out.println("allocator done");
    }
}
