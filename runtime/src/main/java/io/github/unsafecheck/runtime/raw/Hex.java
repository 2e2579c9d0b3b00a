package io.github.unsafecheck.runtime.raw;

/** Addresses as reports show them: {@code 0x} and 16 hex digits. */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    public static String address(long value) {
        char[] out = new char[18];
        out[0] = '0';
        out[1] = 'x';
        for (int i = 17; i >= 2; i--) {
            out[i] = DIGITS[(int) (value & 0xF)];
            value >>>= 4;
        }
        return new String(out);
    }
}
