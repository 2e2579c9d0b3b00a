package io.github.unsafecheck.instrumenter;

import java.nio.charset.StandardCharsets;

/**
 * The pre-filter: does a class file name one of the hooked classes at all? A call to {@code sun/misc/Unsafe.putLong}
 * needs a {@code CONSTANT_Class} entry pointing at the UTF-8 entry {@code sun/misc/Unsafe}, so a class whose constant
 * pool holds no such exact UTF-8 entry cannot contain a call to rewrite. One pass over the constant pool, no
 * allocation: classes that never touch Unsafe (nearly all of them) cost a few microseconds.
 */
public final class ConstantPoolFilter {
    private final byte[][] names;
    /**
     * {@code lengths[n]}: some name is {@code n} bytes long. Most UTF-8 entries are ruled out by their length alone,
     * with one array read: the filter runs on every class offered, most of them before the JIT compiled it.
     */
    private final boolean[] lengths;

    public ConstantPoolFilter(String... internalNames) {
        names = new byte[internalNames.length][];
        int longest = 0;
        for (int i = 0; i < internalNames.length; i++) {
            names[i] = internalNames[i].getBytes(StandardCharsets.UTF_8);
            longest = Math.max(longest, names[i].length);
        }
        lengths = new boolean[longest + 1];
        for (byte[] name : names) {
            lengths[name.length] = true;
        }
    }

    /** True when the constant pool holds one of the names, or when the class file cannot be read (let ASM judge). */
    public boolean mayReference(byte[] b) {
        if (b.length < 10 || (b[0] & 0xFF) != 0xCA || (b[1] & 0xFF) != 0xFE) {
            return true;
        }
        int count = u2(b, 8);
        int p = 10;
        for (int i = 1; i < count; i++) {
            if (p >= b.length) {
                return true;
            }
            int tag = b[p];
            switch (tag) {
                case 1: { // Utf8
                    int len = u2(b, p + 1);
                    if (len < lengths.length && lengths[len] && matches(b, p + 3, len)) {
                        return true;
                    }
                    p += 3 + len;
                    break;
                }
                case 7: case 8: case 16: case 19: case 20:
                    p += 3;
                    break;
                case 15:
                    p += 4;
                    break;
                case 3: case 4: case 9: case 10: case 11: case 12: case 17: case 18:
                    p += 5;
                    break;
                case 5: case 6:
                    p += 9;
                    i++;
                    break;
                default:
                    return true;
            }
        }
        return false;
    }

    private boolean matches(byte[] b, int at, int len) {
        outer:
        for (byte[] name : names) {
            if (name.length != len || at + len > b.length) {
                continue;
            }
            for (int k = 0; k < len; k++) {
                if (b[at + k] != name[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static int u2(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }
}
