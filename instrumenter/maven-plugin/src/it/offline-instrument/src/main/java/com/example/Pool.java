package com.example;

import example.lib.HeapAddress;

import static example.lib.Unsafes.U;

/**
 * An allocator (declared in the allocators option) may keep heap addresses in native memory it manages; and a bump
 * allocator of pieces of one chunk, declared in the track option, whose pieces are blocks of their own.
 */
final class Pool {
    private static final long CHUNK = U.allocateMemory(4096);
    private static long top;

    private Pool() {
    }

    static long take(long n) {
        long p = CHUNK + top;
        top += (n + 15) & ~15L;
        return p;
    }

    static void storeHeader(Object o) {
        long slot = U.allocateMemory(8);
        U.putLong(slot, HeapAddress.of(o)); // allowed: allocator context
        U.freeMemory(slot);
    }
}
