package example.memory;

import java.lang.reflect.Field;
import java.nio.Buffer;
import java.nio.ByteBuffer;

import static example.support.Unsafes.U;

/** The native address of a direct buffer, as Netty and Agrona read it: Buffer.address through Unsafe. */
final class Addresses {
    private static final long ADDRESS;

    static {
        try {
            Field f = Buffer.class.getDeclaredField("address");
            ADDRESS = U.objectFieldOffset(f);
        } catch (NoSuchFieldException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private Addresses() {
    }

    static long of(ByteBuffer direct) {
        return U.getLong(direct, ADDRESS);
    }

    static String bytes(long address, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(String.format("%02x", U.getByte(address + i)));
        }
        return sb.toString();
    }
}
