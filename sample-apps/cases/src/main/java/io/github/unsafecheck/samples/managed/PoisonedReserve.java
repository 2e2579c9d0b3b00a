package io.github.unsafecheck.samples.managed;

import io.github.unsafecheck.runtime.ManagedMemory;

import static io.github.unsafecheck.samples.support.Unsafes.U;

/**
 * A slab that tells the checker what it hands out ({@code ManagedMemory}): its chunk is poisoned until handed out, in
 * 64-byte slots. A record of 64 bytes plus a trailing 8-byte checksum is written into one slot: the checksum runs into
 * the next slot, which is still the slab's reserve — rule {@code use-after-poison} (AddressSanitizer's name: the bytes
 * were never handed out, so it is not a use after free).
 */
public final class PoisonedReserve {
    public static void main(String[] args) {
        long chunk = U.allocateMemory(64 * 8);
        ManagedMemory.poison(chunk, 64 * 8);
        ManagedMemory.unpoison(chunk, 64);               // slot 0 handed out
        ManagedMemory.allocated(chunk, 64, "slab slot");
        U.setMemory(chunk, 64, (byte) 1);
        U.putLong(chunk + 64, 0xC0FFEEL); // expect: use-after-poison
    }
}
