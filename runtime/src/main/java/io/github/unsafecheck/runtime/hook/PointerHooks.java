package io.github.unsafecheck.runtime.hook;

import io.github.unsafecheck.runtime.UnsafeCheckRuntime;
import io.github.unsafecheck.runtime.check.MemoryCheck;
import io.github.unsafecheck.runtime.check.SiteCache;
import io.github.unsafecheck.runtime.report.Violation;

/**
 * The hooks woven into JNA's {@code com.sun.jna.Pointer} write methods ({@code setLong}, {@code setInt},
 * {@code write(offset, byte[], …)}, {@code setMemory}…). JNA writes through JNI ({@code Native.setLong(pointer, peer,
 * offset, value)}), not through {@code Unsafe}: there is no call site to rewrite, so the check goes into JNA's own
 * method instead, in front of the JNI call. The memory rules judge {@code [peer + offset, + length)} as they judge an
 * {@code Unsafe} write; {@code setLong} runs the pointer rule first, as {@code putLong} does. ({@code Memory}'s own
 * bounds check runs before this one and throws first for a write past a {@code Memory}'s end; a plain
 * {@code Pointer} has none.)
 *
 * <p>Not an API for application code: the signatures are a contract with the instrumenter only.
 */
public final class PointerHooks {
    static {
        UnsafeCheckRuntime.reporter();
    }

    private PointerHooks() {
    }

    /** A write of {@code length} bytes at {@code peer + offset}. */
    public static void write(long peer, long offset, long length, String op, int slot) {
        long dst = peer + offset;
        if (length > 0 && !SiteCache.hit(slot, dst, length)) {
            MemoryCheck.write(dst, length, dst, op, Violation.Access.WRITE, slot);
        }
    }

    /** {@code setLong}: a 64-bit store, checked like {@code putLong(address, value)}. */
    public static void storeLong(long peer, long offset, long value, String op, int slot) {
        long dst = peer + offset;
        UnsafeHooks.pointerSized(dst, value, dst, false, op, slot, null);
    }
}
