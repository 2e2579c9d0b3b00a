package io.github.unsafecheck.runtime.config;

import java.util.Locale;

/** Byte sizes as options write them: {@code 4096}, {@code 64k}, {@code 64m}, {@code 1g}. */
public final class Sizes {
    private Sizes() {
    }

    /** The number of bytes, or -1 when the text is not a size. */
    public static long parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return -1;
        }
        long unit = 1;
        char last = t.charAt(t.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            unit = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30;
            t = t.substring(0, t.length() - 1);
        }
        if (t.isEmpty() || t.length() > 12 || !t.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(t) * unit;
    }
}
