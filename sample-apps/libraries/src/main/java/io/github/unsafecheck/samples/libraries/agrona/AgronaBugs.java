package io.github.unsafecheck.samples.libraries.agrona;

import io.github.unsafecheck.samples.libraries.BadWrite;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;

/**
 * Two bugs planted in the use of Agrona, each a real way to corrupt memory with it:
 * <ul>
 *   <li>{@code overflow}: with {@code -Dagrona.disable.bounds.checks=true} (as latency-sensitive deployments run it),
 *       an 8-byte write 4 bytes before the end of a 64-byte direct buffer;
 *   <li>{@code use-after-free}: the direct buffer under an {@code UnsafeBuffer} is freed with {@code BufferUtil.free}
 *       while the {@code UnsafeBuffer} still wraps it, and then written through.
 * </ul>
 * Each bad write is attempted once; the program catches what stops it and says whether the memory changed.
 */
public final class AgronaBugs {
    static final long MARK = 0x0BADF00DDEADBEEFL;

    private AgronaBugs() {
    }

    public static void main(String[] args) {
        switch (args[0]) {
            case "overflow":
                overflow();
                break;
            case "use-after-free":
                useAfterFree();
                break;
            default:
                throw new IllegalArgumentException(args[0]);
        }
    }

    private static void overflow() {
        UnsafeBuffer buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(64));
        long before = buffer.getLong(60); // bounds checks are off: this reads 4 bytes past the end
        BadWrite.attempt(() -> buffer.putLong(60, MARK)); // the planted overflow
        System.out.println("past the end " + (buffer.getLong(60) == before ? "untouched" : "CHANGED"));
    }

    private static void useAfterFree() {
        ByteBuffer direct = ByteBuffer.allocateDirect(256);
        UnsafeBuffer buffer = new UnsafeBuffer(direct);
        buffer.putLong(0, 1L);
        BufferUtil.free(direct); // runs the buffer's cleaner: its memory goes back to the allocator
        BadWrite.attempt(() -> buffer.putLong(128, MARK)); // the planted use-after-free
    }
}
