package io.github.unsafecheck.samples.memory;

import static io.github.unsafecheck.samples.support.Unsafes.U;

/**
 * A copy that overflows: the record format grew from 64 to 72 bytes, the copy uses the new size, the cache slot
 * still has the old one. {@code copyMemory} writes the last 8 bytes past the end of the slot.
 *
 * <p>Under unsafecheck a copy into native memory is checked as a write of its whole destination range: rule
 * {@code overflow}.
 */
public final class CopyOverflow {
    private static final int RECORD_SIZE = 72;      // was 64
    private static final int SLOT_SIZE = 64;

    public static void main(String[] args) {
        long record = U.allocateMemory(RECORD_SIZE);
        U.setMemory(record, RECORD_SIZE, (byte) 'r');
        long slot = U.allocateMemory(SLOT_SIZE);
        U.copyMemory(record, slot, RECORD_SIZE); // expect: overflow
        System.out.printf("copied a %d-byte record into a %d-byte slot%n", RECORD_SIZE, SLOT_SIZE);
        U.freeMemory(record);
    }
}
