package io.github.unsafecheck.samples.memory;

import static io.github.unsafecheck.samples.support.Unsafes.U;

/**
 * The good twin of {@link UseAfterFree}, {@link DoubleFree}, {@link InteriorFree} and {@link DanglingPointer}
 * (expect: none, with the opt-in dangling-pointer rule on): every block freed exactly once, at the address malloc
 * returned, and no pointer to it left behind — the owner forgets it, the parent lets go of the child first, and
 * the interior pointer is turned back into the block's address.
 */
// options: rules=all
public final class FreeOnce {
    private static final long HEADER = 8;

    public static void main(String[] args) {
        long session = U.allocateMemory(64);
        U.putLong(session, 1);
        U.freeMemory(session);
        session = 0;                              // forget it: no stale address to write through
        if (session != 0) {
            U.putLong(session, 2);
        }

        long child = U.allocateMemory(32);
        long parent = U.allocateMemory(16);
        U.putAddress(parent, child);
        U.putAddress(parent, 0);                  // let go of the child ...
        U.freeMemory(child);                      // ... then free it
        U.freeMemory(parent);

        long message = U.allocateMemory(HEADER + 56);
        long payload = message + HEADER;
        U.setMemory(payload, 56, (byte) 'm');
        U.freeMemory(payload - HEADER);           // the block's own address

        long frame = U.allocateMemory(64);
        U.putInt(frame, 0xBADC0DE);
        if (U.getInt(frame) != 0xC0DE) {
            U.freeMemory(frame);                  // the error path frees and clears ...
            frame = 0;
        }
        if (frame != 0) {
            U.freeMemory(frame);                  // ... so the cleanup does not free again
        }
        System.out.println("four blocks, each freed once, at its own address, with no pointer left to it");
    }
}
