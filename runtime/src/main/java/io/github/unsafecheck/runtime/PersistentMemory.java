package io.github.unsafecheck.runtime;

import io.github.unsafecheck.runtime.persistent.PersistentChunks;

/**
 * Persistent native memory: never freed, and allowed to hold Java heap pointers because its owner keeps the
 * objects reachable by other means. The counterpart of Go's {@code persistentalloc}.
 */
public final class PersistentMemory {
    private PersistentMemory() {
    }

    /** {@code size} zeroed bytes, aligned to {@code align} (a power of two up to 4096), that live until exit. */
    public static long allocate(long size, long align) {
        return PersistentChunks.allocate(size, align);
    }

    /** Declares {@code [base, base + size)}, memory the caller owns and never frees, as persistent. */
    public static void register(long base, long size) {
        PersistentChunks.register(base, size);
    }

    /** True when the address is inside persistent memory. */
    public static boolean contains(long address) {
        return PersistentChunks.contains(address);
    }
}
