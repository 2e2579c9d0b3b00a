package com.example;

import example.lib.HeapAddress;

import static example.lib.Unsafes.U;

/** An allocator (declared in the allocators option) may keep heap addresses in native memory it manages. */
final class Pool {
    private Pool() {
    }

    static void storeHeader(Object o) {
        long slot = U.allocateMemory(8);
        U.putLong(slot, HeapAddress.of(o)); // allowed: allocator context
        U.freeMemory(slot);
    }
}
