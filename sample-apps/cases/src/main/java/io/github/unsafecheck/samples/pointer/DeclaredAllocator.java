package io.github.unsafecheck.samples.pointer;

import java.util.ArrayList;
import java.util.List;

import static io.github.unsafecheck.samples.support.Unsafes.U;
import static io.github.unsafecheck.samples.support.Unsafes.addressOf;

/**
 * An allocator that keeps heap pointers in the native memory it manages (expect: none): a handle pool whose slots
 * point at the Java objects it pins, like Go's {@code mallocgc} keeping Go pointers in its own structures while
 * {@code m.mallocing} is set. Declared with the agent option {@code allocators=Class#method}, the method runs in
 * allocator context and its stores are allowed; the same store outside it is still a {@code heap-pointer}.
 */
// options: allocators=io.github.unsafecheck.samples.pointer.DeclaredAllocator$HandlePool#pin
public final class DeclaredAllocator {
    /** Pins objects: a native slot per object holds its address; the pool keeps the object reachable. */
    static final class HandlePool {
        private final long slots = U.allocateMemory(8 * 16);
        private final List<Object> pinned = new ArrayList<>();

        long pin(Object o) {
            pinned.add(o);
            long slot = slots + 8L * (pinned.size() - 1);
            U.putAddress(slot, addressOf(o));  // allowed: this method is a declared allocator
            return slot;
        }
    }

    public static void main(String[] args) {
        HandlePool pool = new HandlePool();
        long first = pool.pin("first");
        long second = pool.pin(new int[] {1, 2, 3});
        System.out.printf("pinned two objects into native slots 0x%x and 0x%x%n", first, second);
    }
}
