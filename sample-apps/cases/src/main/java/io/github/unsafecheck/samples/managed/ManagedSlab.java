package io.github.unsafecheck.samples.managed;

import io.github.unsafecheck.runtime.ManagedMemory;

import static io.github.unsafecheck.samples.support.Unsafes.U;

/**
 * A slab using {@code ManagedMemory} correctly (expect: none), the good twin of {@link PoisonedReserve}: slots handed
 * out and taken back, each freed slot holding the free-list link the slab writes into it — its own bookkeeping, inside
 * {@code ManagedMemory.managing()} — and handed out again.
 */
public final class ManagedSlab {
    public static void main(String[] args) {
        long chunk = U.allocateMemory(64 * 8);
        ManagedMemory.poison(chunk, 64 * 8);
        long free = 0;
        int handedOut = 0;
        for (int round = 0; round < 100; round++) {
            long slot;
            if (free != 0) {
                slot = free;
                try (ManagedMemory.Scope s = ManagedMemory.managing()) {
                    free = U.getLong(slot);
                }
            } else {
                slot = chunk + 64L * handedOut++;
                ManagedMemory.unpoison(slot, 64);
            }
            ManagedMemory.allocated(slot, 64, "slab slot");
            U.setMemory(slot, 64, (byte) round);
            ManagedMemory.freed(slot);
            try (ManagedMemory.Scope s = ManagedMemory.managing()) {
                U.putLong(slot, free);
            }
            free = slot;
        }
        System.out.println("100 rounds on " + handedOut + " slot(s)");
    }
}
