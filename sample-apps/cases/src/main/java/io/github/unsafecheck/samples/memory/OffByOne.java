package io.github.unsafecheck.samples.memory;

import static io.github.unsafecheck.samples.support.NativeText.hex;
import static io.github.unsafecheck.samples.support.Unsafes.U;

/**
 * Off by one: a week of visit counters in a 56-byte native block, and a loop that runs {@code day <= 7}. The
 * eighth write lands in the 8 bytes after the block, where glibc keeps the size of the block next door. Nothing
 * notices: the data is silently wrong, and glibc aborts the JVM later, when that block is freed, far from this loop.
 *
 * <p>Under unsafecheck every block the program allocates gets a redzone after it; the write lands there and is
 * stopped before it happens: rule {@code overflow}.
 */
public final class OffByOne {
    private static final int DAYS = 7;

    public static void main(String[] args) {
        long visits = U.allocateMemory(DAYS * 8);       // long visits[7]
        long nextDoor = U.allocateMemory(DAYS * 8);     // the next block malloc hands out
        U.setMemory(visits, DAYS * 8, (byte) 0);
        long pastTheEnd = visits + DAYS * 8;
        long before = U.getLong(pastTheEnd);
        System.out.printf("visits[7] at 0x%x; the next block starts %d bytes after it%n", visits, nextDoor - visits);
        System.out.printf("the 8 bytes past the end hold %s%s%n", hex(before),
                nextDoor - visits == 64 ? " (glibc's size field of the next block)" : "");
        try {
            for (int day = 0; day <= DAYS; day++) {     // the bug: <= instead of <
                U.putLong(visits + day * 8L, 100 + day); // expect: overflow
            }
        } finally {
            long after = U.getLong(pastTheEnd);
            System.out.printf("now they hold %s: %s%n", hex(after), after == before ? "untouched" : "overwritten");
        }
    }
}
