package io.github.unsafecheck.runtime.check;

import io.github.unsafecheck.runtime.blocks.Allocations;
import io.github.unsafecheck.runtime.blocks.Block;
import io.github.unsafecheck.runtime.heap.HeapRanges;
import io.github.unsafecheck.runtime.persistent.PersistentChunks;

/** The memory rules' steps against the real heap ranges, thread state, tracked blocks and persistent chunks. */
public final class LiveMemorySteps implements MemorySteps {
    private final Allocations allocations;
    private final boolean strict;

    /** Against {@code allocations}; null means the runtime's registry ({@link Allocations#get()}). */
    public LiveMemorySteps(Allocations allocations, boolean strict) {
        this.allocations = allocations;
        this.strict = strict;
    }

    private Allocations allocations() {
        return allocations != null ? allocations : Allocations.get();
    }

    @Override
    public boolean isHeapDestination(long address) {
        return HeapRanges.contains(address);
    }

    @Override
    public boolean inCheckerContext() {
        return ThreadContexts.inCheckerContext();
    }

    @Override
    public boolean inManagingContext() {
        return ThreadContexts.inManagingContext();
    }

    @Override
    public Block blockHolding(long address) {
        return allocations().holding(address);
    }

    @Override
    public Block blockStartingIn(long from, long to) {
        return allocations().lowestStartingIn(from, to);
    }

    @Override
    public boolean strict() {
        return strict;
    }

    @Override
    public boolean inPersistentChunk(long address) {
        return PersistentChunks.contains(address);
    }

    @Override
    public Block blockAt(long base, Block.Family family) {
        return allocations().at(base, family);
    }

    @Override
    public Block blockHolding(long address, Block.Family family) {
        return allocations().holding(address, family);
    }

    @Override
    public Block released(long base) {
        return allocations().released(base);
    }
}
