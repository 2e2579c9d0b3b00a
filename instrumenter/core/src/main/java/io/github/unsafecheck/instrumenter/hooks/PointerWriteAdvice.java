package io.github.unsafecheck.instrumenter.hooks;

import io.github.unsafecheck.instrumenter.hooks.HookConstants.Op;
import io.github.unsafecheck.instrumenter.hooks.HookConstants.Slot;
import io.github.unsafecheck.instrumenter.hooks.HookConstants.Width;
import io.github.unsafecheck.runtime.hook.PointerHooks;
import net.bytebuddy.asm.Advice;

/**
 * Byte Buddy advice inlined into JNA's {@code com.sun.jna.Pointer} write methods, whose writes are JNI calls the
 * call-site rewriter cannot see. Reads the pointer's {@code peer} (its address) and checks
 * {@code [peer + offset, + bytes)} before the JNI call.
 */
public final class PointerWriteAdvice {
    private PointerWriteAdvice() {
    }

    /** {@code setByte/setShort/setChar/setInt/setFloat/setDouble/setPointer/setNativeLong(long offset, value)}. */
    public static final class Fixed {
        private Fixed() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.FieldValue("peer") long peer, @Advice.Argument(0) long offset, @Width int width,
                @Op String op, @Slot int slot) {
            PointerHooks.write(peer, offset, width, op, slot);
        }
    }

    /** {@code setLong(long offset, long value)}: the pointer rule too. */
    public static final class StoreLong {
        private StoreLong() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.FieldValue("peer") long peer, @Advice.Argument(0) long offset,
                @Advice.Argument(1) long value, @Op String op, @Slot int slot) {
            PointerHooks.storeLong(peer, offset, value, op, slot);
        }
    }

    /** {@code write(long offset, T[] buf, int index, int length)}. */
    public static final class Array {
        private Array() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.FieldValue("peer") long peer, @Advice.Argument(0) long offset,
                @Advice.Argument(3) int length, @Width int width, @Op String op, @Slot int slot) {
            PointerHooks.write(peer, offset, (long) width * length, op, slot);
        }
    }

    /** {@code setMemory(long offset, long length, byte value)}. */
    public static final class Fill {
        private Fill() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.FieldValue("peer") long peer, @Advice.Argument(0) long offset,
                @Advice.Argument(1) long length, @Op String op, @Slot int slot) {
            PointerHooks.write(peer, offset, length, op, slot);
        }
    }
}
