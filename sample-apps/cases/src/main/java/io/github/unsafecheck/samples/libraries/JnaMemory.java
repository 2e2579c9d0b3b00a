package io.github.unsafecheck.samples.libraries;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/**
 * Correct JNA memory use (expect: none), the good twin of {@link JnaUseAfterFree}: {@code Memory} and
 * {@code Native.malloc} blocks written through {@code Pointer} up to their last byte, read back, freed once.
 */
public final class JnaMemory {
    public static void main(String[] args) {
        Memory m = new Memory(64);
        m.setString(0, "hello");
        m.setInt(60, 1);
        long raw = Native.malloc(32);
        Pointer p = new Pointer(raw);
        p.setLong(24, Pointer.nativeValue(m)); // a native pointer in native memory
        p.write(0, new byte[] {1, 2, 3}, 0, 3);
        System.out.println(p.getPointer(24).getString(0) + " " + m.getInt(60));
        Native.free(raw);
        m.close();
    }
}
