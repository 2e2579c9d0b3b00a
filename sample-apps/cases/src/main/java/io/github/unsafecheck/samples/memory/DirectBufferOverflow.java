package io.github.unsafecheck.samples.memory;

import java.nio.ByteBuffer;

import static io.github.unsafecheck.samples.support.Unsafes.U;
import static io.github.unsafecheck.samples.support.Unsafes.addressOf;

/**
 * A frame encoder writes through a direct buffer's address, as Netty and Agrona do, and so skips the buffer's own
 * bounds checks. The frame reserves 2 bytes for its checksum; the checksum is an int.
 *
 * <p>Under unsafecheck direct buffers are tracked like any native block (through the JDK's own allocation call
 * sites): rule {@code overflow}.
 */
public final class DirectBufferOverflow {
    public static void main(String[] args) {
        ByteBuffer frame = ByteBuffer.allocateDirect(100);
        long address = addressOf(frame);
        int checksumAt = frame.capacity() - 2;      // room for a short
        U.putInt(address, 96);                      // the frame's length field: fine
        U.putInt(address + checksumAt, 0xC0FFEE); // expect: overflow
        System.out.printf("encoded a %d-byte frame at 0x%x%n", frame.capacity(), address);
    }
}
