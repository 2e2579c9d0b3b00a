package io.github.unsafecheck.runtime.hook;

import io.github.unsafecheck.runtime.raw.RawMemory;

/**
 * Where a skipped reference store goes instead of native memory: element 0 of a heap array. The store stays a
 * valid heap store for HotSpot's barriers, and the value it leaves behind is harmless.
 */
final class ReferenceSink {
    static final Object[] HOLDER = new Object[1];
    static final long OFFSET = RawMemory.OBJECT_ARRAY_BASE;

    private ReferenceSink() {
    }
}
