package io.github.unsafecheck.runtime.check;

import io.github.unsafecheck.runtime.blocks.Block;

/**
 * The questions of the memory rules, one per step. {@link MemoryRule} asks them in its order; the live
 * implementation is {@link LiveMemorySteps}, and a test substitutes one that records the order.
 */
public interface MemorySteps {
    /** Step 1: is the address inside the Java heap? */
    boolean isHeapDestination(long address);

    /** Step 2: is this thread running the checker's own code? */
    boolean inCheckerContext();

    /**
     * Step 3, only for a block the program poisoned or freed through {@code ManagedMemory}: is this thread inside
     * {@code ManagedMemory.managing()}, doing the pool's own bookkeeping?
     */
    boolean inManagingContext();

    /** Step 3: the tracked block (live or quarantined) whose memory or redzone holds {@code address}, or null. */
    Block blockHolding(long address);

    /** Step 4: the tracked block with the lowest base in {@code (from, to)}, or null. */
    Block blockStartingIn(long from, long to);

    /** Step 5: is memory the checker never saw reported ({@code strict})? */
    boolean strict();

    /** Step 6: is the address inside a persistent chunk or a registered persistent region? */
    boolean inPersistentChunk(long address);

    /** Frees: the tracked block of {@code family} (live or freed) that starts exactly at {@code base}, or null. */
    Block blockAt(long base, Block.Family family);

    /** Frees: the innermost block of {@code family} whose memory or redzone holds {@code address}, or null. */
    Block blockHolding(long address, Block.Family family);

    /** Frees: a block that started at {@code base} and has gone back to malloc, if still remembered. */
    Block released(long base);
}
