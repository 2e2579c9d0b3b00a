package io.github.unsafecheck.samples.memory;

import static io.github.unsafecheck.samples.support.Unsafes.U;

/**
 * A growing log buffer: {@code reallocateMemory} may move the block, and a writer that captured the old address
 * writes into freed memory. Whether malloc moves it depends on what lies behind the block, so the bug comes and goes.
 *
 * <p>Under unsafecheck a reallocation always moves the block and keeps the old one in quarantine, so the write
 * through the old address is stopped on every run: rule {@code use-after-free}.
 */
public final class ReallocMove {
    public static void main(String[] args) {
        long log = U.allocateMemory(64);
        long writerCursor = log;                  // a writer keeps the address it was given
        log = U.reallocateMemory(log, 4096);      // the log grows
        U.putLong(log + 64, 1);                   // through the new address: fine
        System.out.printf("the log grew from 0x%x to 0x%x%n", writerCursor, log);
        U.putLong(writerCursor + 16, 2); // expect: use-after-free
        U.freeMemory(log);
    }
}
