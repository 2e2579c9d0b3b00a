package io.github.unsafecheck.instrumenter.hooks;

import io.github.unsafecheck.runtime.hook.StackHooks;
import net.bytebuddy.asm.Advice;

/**
 * Byte Buddy advice inlined into LWJGL's {@code org.lwjgl.system.MemoryStack}: {@code nmalloc(int alignment, int size)}
 * — which every stack allocation reaches — asks for room for a redzone and records the block; {@code pop()} (which
 * {@code close()} calls) and {@code setPointer(int)} free what lay below the new stack pointer. Reads the stack's own
 * fields: {@code address} (its base, declared in {@code Pointer.Default}) and {@code pointer} (bytes still free).
 */
public final class StackAdvice {
    private StackAdvice() {
    }

    /** {@code long nmalloc(int alignment, int size)}. */
    public static final class Allocate {
        private Allocate() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.FieldValue("address") long stack, @Advice.FieldValue("pointer") int pointer,
                @Advice.Argument(0) int alignment, @Advice.Argument(value = 1, readOnly = false) int size,
                @Advice.Local("asked") int asked, @Advice.Local("top") int top) {
            asked = size;
            top = pointer;
            size = StackHooks.allocationSize(stack, pointer, alignment, size);
        }

        @Advice.OnMethodExit
        static void exit(@Advice.Return long address, @Advice.FieldValue("address") long stack,
                @Advice.Local("asked") int asked, @Advice.Local("top") int top) {
            StackHooks.allocated(address, asked, stack + top);
        }
    }

    /** {@code pop()}, {@code setPointer(int)}: the stack pointer moves up. */
    public static final class Pop {
        private Pop() {
        }

        @Advice.OnMethodEnter
        static int enter(@Advice.FieldValue("pointer") int pointer) {
            return pointer;
        }

        @Advice.OnMethodExit
        static void exit(@Advice.Enter int before, @Advice.FieldValue("pointer") int after,
                @Advice.FieldValue("address") long stack) {
            StackHooks.popped(stack, before, after);
        }
    }
}
