package io.github.unsafecheck.samples.memory;

import io.github.unsafecheck.samples.support.NativeText;

import static io.github.unsafecheck.samples.support.Unsafes.U;

/**
 * A use after free: a session lives in a native struct {@code { char user[16]; char status[16]; }}. Alice logs out
 * and her struct is freed, but her idle timer still holds its address. Bob logs in and malloc hands him the same 64
 * bytes; when Alice's timer fires, it marks "her" session expired, and Bob is the one logged out. No crash, no
 * error: the wrong user's data changed.
 *
 * <p>Under unsafecheck a freed block stays in quarantine for a while (Bob gets other memory) and a write into it is
 * stopped: rule {@code use-after-free}.
 */
public final class UseAfterFree {
    private static final long USER = 0;
    private static final long STATUS = 16;

    public static void main(String[] args) {
        long alice = U.allocateMemory(64);
        NativeText.put(alice + USER, "alice");
        NativeText.put(alice + STATUS, "active");
        long aliceTimer = alice;                 // the idle timer keeps the session's address
        U.freeMemory(alice);                     // Alice logs out

        long bob = U.allocateMemory(64);         // Bob logs in
        NativeText.put(bob + USER, "bob");
        NativeText.put(bob + STATUS, "active");
        System.out.printf("alice's session 0x%x was freed; bob's session is at 0x%x%s%n", alice, bob,
                bob == alice ? " — the same memory" : "");
        try {
            U.putLong(aliceTimer + STATUS, NativeText.packed("expired")); // expect: use-after-free
        } finally {
            System.out.printf("bob's session: user=%s status=%s%n", NativeText.get(bob + USER, 16),
                    NativeText.get(bob + STATUS, 16));
        }
    }
}
