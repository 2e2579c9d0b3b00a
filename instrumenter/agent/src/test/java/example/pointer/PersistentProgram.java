package example.pointer;

import example.support.RealAddress;
import io.github.unsafecheck.runtime.PersistentMemory;

import static example.support.Unsafes.U;

/**
 * Heap pointers may live in persistent memory: allocated from unsafecheck's persistent chunks, or registered by
 * their owner. The same store into ordinary native memory is still a violation.
 */
public final class PersistentProgram {
    public static void main(String[] args) {
        byte[] array = new byte[64];
        long heapAddress = RealAddress.of(array);

        long persistent = PersistentMemory.allocate(64, 8);
        U.putAddress(persistent, heapAddress);           // allowed: a persistent chunk
        long big = PersistentMemory.allocate(1 << 20, 64);
        U.putAddress(big + (1 << 19), heapAddress);      // allowed: larger than a chunk, still persistent

        long owned = U.allocateMemory(256);
        PersistentMemory.register(owned, 256);
        U.putLong(null, owned + 128, heapAddress);       // allowed: registered by its owner

        long ordinary = U.allocateMemory(64);
        try {
            U.putAddress(ordinary, heapAddress); // expect: heap-pointer
        } catch (Error e) {
            System.out.println("caught " + e.getClass().getName());
        }
        java.lang.ref.Reference.reachabilityFence(array);
        System.out.println("persistent done");
    }
}
