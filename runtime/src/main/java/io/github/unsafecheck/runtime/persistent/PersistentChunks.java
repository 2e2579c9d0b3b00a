package io.github.unsafecheck.runtime.persistent;

import io.github.unsafecheck.runtime.raw.RawMemory;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Go's {@code persistentalloc} chunks, in Java: off-heap memory that is never freed and that may legitimately hold
 * heap pointers, because whoever owns it keeps those objects reachable by other means (as the Go runtime does for
 * its finalizer queue and itabs).
 *
 * <p>Memory comes in 256 KiB chunks. Each chunk's first word links to the chunk allocated before it; a new chunk is
 * published by writing that link first and then swinging the list head with a CAS, so a reader that loads the head
 * always sees a fully linked list. Chunks are never freed or unlinked, so {@link #contains} walks the list without
 * any lock. Memory a library owns (any size) is registered as a region: a descriptor {@code {next, base, size}}
 * allocated in a chunk and published the same way. Unlike Go, allocations too large for a chunk are not a gap: they
 * get a block of their own, registered as a region.
 */
public final class PersistentChunks {
    /** Go's persistentChunkSize. */
    public static final long CHUNK_SIZE = 256 << 10;
    private static final long LINK_SIZE = 8;
    private static final long REGION_DESCRIPTOR = 24;

    private static final AtomicLong CHUNKS = new AtomicLong();
    private static final AtomicLong REGIONS = new AtomicLong();

    /** The chunk being carved up and the offset of its free part; guarded by the class lock. */
    private static long current;
    private static long used;

    private PersistentChunks() {
    }

    /**
     * Allocates {@code size} zeroed bytes aligned to {@code align} (a power of two) that live until the JVM exits.
     */
    public static long allocate(long size, long align) {
        if (size <= 0 || align <= 0 || Long.bitCount(align) != 1 || align > 4096) {
            throw new IllegalArgumentException("size " + size + " and align " + align
                    + ": size must be positive, align a power of two up to 4096");
        }
        if (size > CHUNK_SIZE - LINK_SIZE - align) {
            long block = RawMemory.allocate(size + align);
            RawMemory.setMemory(block, size + align, (byte) 0);
            long aligned = alignUp(block, align);
            register(block, size + align);
            return aligned;
        }
        synchronized (PersistentChunks.class) {
            if (current != 0) {
                long address = alignUp(current + used, align);
                if (address + size <= current + CHUNK_SIZE) {
                    used = address + size - current;
                    return address;
                }
            }
            // A fresh chunk always fits the request: larger ones were sent to their own block above.
            current = newChunk();
            long address = alignUp(current + LINK_SIZE, align);
            used = address + size - current;
            return address;
        }
    }

    private static long alignUp(long address, long align) {
        return (address + align - 1) & -align;
    }

    /** Declares memory the caller owns and keeps alive as persistent: heap pointers may be stored in it. */
    public static void register(long base, long size) {
        if (base == 0 || size <= 0) {
            throw new IllegalArgumentException("region " + base + "+" + size + " is empty");
        }
        long descriptor = allocate(REGION_DESCRIPTOR, 8);
        RawMemory.putLong(descriptor + 8, base);
        RawMemory.putLong(descriptor + 16, size);
        publish(REGIONS, descriptor);
    }

    /**
     * True when {@code address} lies inside a persistent chunk or a registered region. It walks lists, so the rules
     * ask it last: the pointer rule just before it reports, the memory rules only under {@code strict}, for memory no
     * tracked block holds.
     */
    public static boolean contains(long address) {
        for (long chunk = CHUNKS.get(); chunk != 0; chunk = RawMemory.getLong(chunk)) {
            if (Long.compareUnsigned(address - chunk, CHUNK_SIZE) < 0) {
                return true;
            }
        }
        for (long region = REGIONS.get(); region != 0; region = RawMemory.getLong(region)) {
            long base = RawMemory.getLong(region + 8);
            long size = RawMemory.getLong(region + 16);
            if (Long.compareUnsigned(address - base, size) < 0) {
                return true;
            }
        }
        return false;
    }

    /** Number of chunks, for diagnostics and tests. */
    public static int chunkCount() {
        int n = 0;
        for (long chunk = CHUNKS.get(); chunk != 0; chunk = RawMemory.getLong(chunk)) {
            n++;
        }
        return n;
    }

    private static long newChunk() {
        long chunk = RawMemory.allocate(CHUNK_SIZE);
        RawMemory.setMemory(chunk, CHUNK_SIZE, (byte) 0);
        publish(CHUNKS, chunk);
        return chunk;
    }

    /** Links {@code node} in front of the list: the link word is written before the CAS that publishes it. */
    private static void publish(AtomicLong head, long node) {
        for (;;) {
            long old = head.get();
            RawMemory.putLong(node, old);
            if (head.compareAndSet(old, node)) {
                return;
            }
        }
    }
}
