package com.example;

import example.lib.HeapAddress;
import org.junit.jupiter.api.Test;

import static example.lib.Unsafes.U;

/** Under the agent (throw mode) this test would fail with UnsafeWriteError; skipped, it passes. */
class UncheckedTest {
    @Test
    void storesAHeapAddressUnchecked() {
        long slot = U.allocateMemory(8);
        U.putLong(slot, HeapAddress.of(new byte[8]));
        U.freeMemory(slot);
    }
}
