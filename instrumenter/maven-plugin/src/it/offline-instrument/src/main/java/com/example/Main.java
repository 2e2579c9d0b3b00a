package com.example;

import example.lib.HeapAddress;

import static example.lib.Unsafes.U;

public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        storeHeapPointer(new byte[16]);
        Pool.storeHeader(new byte[16]);
        System.out.println("done");
    }

    static void storeHeapPointer(Object o) {
        long slot = U.allocateMemory(8);
        U.putLong(slot, HeapAddress.of(o)); // unsafecheck: violation
        U.freeMemory(slot);
    }
}
