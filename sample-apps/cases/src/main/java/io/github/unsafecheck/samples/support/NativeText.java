package io.github.unsafecheck.samples.support;

import java.nio.charset.StandardCharsets;

import static io.github.unsafecheck.samples.support.Unsafes.U;

/**
 * Zero-terminated ASCII in native memory, and the hexadecimal the samples print. Helpers only: the writes a case is
 * about are written out in the case itself, so that a report names the case's own line.
 */
public final class NativeText {
    private NativeText() {
    }

    /** Writes {@code text} and a terminating zero at {@code address}. */
    public static void put(long address, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < bytes.length; i++) {
            U.putByte(address + i, bytes[i]);
        }
        U.putByte(address + bytes.length, (byte) 0);
    }

    /** The zero-terminated text at {@code address}, at most {@code max} bytes, unprintable bytes as '.'. */
    public static String get(long address, int max) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < max; i++) {
            byte b = U.getByte(address + i);
            if (b == 0) {
                break;
            }
            sb.append(b >= 32 && b < 127 ? (char) b : '.');
        }
        return sb.toString();
    }

    /** Up to 8 ASCII characters packed into a little-endian long, zero-padded: one 8-byte store writes them. */
    public static long packed(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length > 8) {
            throw new IllegalArgumentException("more than 8 characters: " + text);
        }
        long v = 0;
        for (int i = bytes.length - 1; i >= 0; i--) {
            v = (v << 8) | (bytes[i] & 0xFF);
        }
        return v;
    }

    /** {@code 0x} and 16 hexadecimal digits. */
    public static String hex(long v) {
        return String.format("0x%016x", v);
    }
}
