package io.github.unsafecheck.samples.libraries.jna;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.github.unsafecheck.samples.libraries.BadWrite;

/**
 * Bugs planted in the use of JNA, each run through {@link BadWrite}: a {@code Native.malloc} block overflowed through
 * a plain {@code Pointer} (which has no bounds, unlike {@code Memory}), written after {@code Native.free}, freed
 * twice (glibc would abort the JVM); a {@code Memory} written through a raw pointer kept after {@code close()}, and a
 * {@code Memory} whose memory the program freed itself before closing it.
 */
final class JnaBugs {
    private JnaBugs() {
    }

    static void run() {
        long block = Native.malloc(64);
        Pointer p = new Pointer(block);
        BadWrite.attempt(() -> p.setLong(60, 1L)); // bug: overflow
        Native.free(block);
        BadWrite.attempt(() -> p.setInt(8, 1)); // bug: use-after-free
        BadWrite.attempt(() -> Native.free(block)); // bug: double-free
        Memory m = new Memory(128);
        Pointer raw = new Pointer(Pointer.nativeValue(m));
        m.close();
        BadWrite.attempt(() -> raw.setShort(16, (short) 1)); // bug: use-after-free (Memory closed)
        Memory n = new Memory(32);
        Native.free(Pointer.nativeValue(n));
        BadWrite.attempt(n::close); // bug: double-free (Memory's own free after the program's)
        System.out.println("bugs planted");
    }
}
