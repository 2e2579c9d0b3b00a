package io.github.unsafecheck.runtime.check;

import io.github.unsafecheck.runtime.heap.HeapRanges;
import io.github.unsafecheck.runtime.persistent.PersistentChunks;

/** The pointer rule's steps against the real heap ranges, thread state and persistent chunks. */
public final class LivePointerSteps implements PointerSteps {
    public static final LivePointerSteps INSTANCE = new LivePointerSteps();

    private LivePointerSteps() {
    }

    @Override
    public boolean isHeapPointer(long value) {
        return HeapRanges.contains(value);
    }

    @Override
    public boolean isHeapDestination(Object base, long offset) {
        return base != null || HeapRanges.contains(offset);
    }

    @Override
    public boolean inCheckerContext() {
        return ThreadContexts.inCheckerContext();
    }

    @Override
    public boolean inAllocatorContext() {
        return ThreadContexts.inAllocatorContext();
    }

    @Override
    public boolean inPersistentChunk(long address) {
        return PersistentChunks.contains(address);
    }
}
