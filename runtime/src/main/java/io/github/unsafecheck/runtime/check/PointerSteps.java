package io.github.unsafecheck.runtime.check;

/**
 * The questions of the pointer rule, one predicate per step. {@link PointerRule} asks them in the order of Go's
 * {@code cgoCheckWriteBarrier}; the live implementation is {@link LivePointerSteps}, tests substitute one that
 * records the order.
 */
public interface PointerSteps {
    /** Step 1 (64-bit value): is the value an address inside the Java heap? */
    boolean isHeapPointer(long value);

    /** Step 2: is the destination heap memory (a non-null base object, or an absolute address inside the heap)? */
    boolean isHeapDestination(Object base, long offset);

    /** Step 3: is this thread running the checker's own code? */
    boolean inCheckerContext();

    /** Step 4: is this thread inside an allocator? */
    boolean inAllocatorContext();

    /** Step 5: is the destination inside a persistent chunk or registered persistent region? */
    boolean inPersistentChunk(long address);
}
