package io.github.unsafecheck.samples.memory;

import java.nio.ByteBuffer;

import static io.github.unsafecheck.samples.support.Unsafes.U;
import static io.github.unsafecheck.samples.support.Unsafes.addressOf;

/**
 * The good twin of {@link OffByOne}, {@link CopyOverflow}, {@link DirectBufferOverflow} and {@link ReallocMove}
 * (expect: none): the same writes, each up to the last byte it may touch and not one further. A checker that
 * flagged the last element of a block would be switched off.
 */
public final class InBounds {
    private static final int DAYS = 7;

    public static void main(String[] args) {
        long visits = U.allocateMemory(DAYS * 8);
        for (int day = 0; day < DAYS; day++) {
            U.putLong(visits + day * 8L, 100 + day);
        }
        U.putByte(visits + DAYS * 8 - 1, (byte) 1);       // the very last byte
        U.setMemory(visits, DAYS * 8, (byte) 0);           // the whole block

        long record = U.allocateMemory(64);
        long slot = U.allocateMemory(64);
        U.setMemory(record, 64, (byte) 'r');
        U.copyMemory(record, slot, 64);                    // exactly the slot's size

        ByteBuffer frame = ByteBuffer.allocateDirect(100);
        long address = addressOf(frame);
        U.putInt(address + frame.capacity() - 4, 0xC0FFEE); // an int checksum needs 4 bytes

        long log = U.allocateMemory(64);
        log = U.reallocateMemory(log, 4096);               // keep only the address realloc returns
        U.putLong(log + 4096 - 8, 1);

        for (long block : new long[] {visits, record, slot, log}) {
            U.freeMemory(block);
        }
        System.out.println("wrote up to the last byte of four blocks and a direct buffer, never past it");
    }
}
