package io.github.unsafecheck.samples.memory;

import static io.github.unsafecheck.samples.support.Unsafes.U;

/**
 * A double free: the error path of a decoder frees the frame, and the cleanup at the end frees it again. glibc
 * notices (a freed chunk carries a key) and aborts the whole JVM: SIGABRT, "free(): double free detected", no Java
 * stack, no hs_err file. Had another free come in between, the heap would have been corrupted silently instead.
 *
 * <p>Under unsafecheck the second free is stopped before it reaches malloc: rule {@code double-free}.
 */
public final class DoubleFree {
    public static void main(String[] args) {
        long frame = U.allocateMemory(64);
        U.putInt(frame, 0xBADC0DE);
        if (!decode(frame)) {
            U.freeMemory(frame);                 // the error path releases the frame ...
            System.out.println("decoding failed: the error path freed the frame");
        }
        U.freeMemory(frame); // expect: double-free
        System.out.println("the cleanup freed it again, and the program goes on");
        U.freeMemory(U.allocateMemory(64));
        System.out.println("malloc still works");
    }

    private static boolean decode(long frame) {
        return U.getInt(frame) == 0xC0DE;
    }
}
