package io.github.unsafecheck.instrumenter;

import io.github.unsafecheck.runtime.AllocatorContext;
import net.bytebuddy.asm.Advice;

/**
 * Byte Buddy advice that runs a declared allocator method ({@code allocators=pkg.Class#method}) in allocator
 * context. The advice code is inlined into the method, so the method's own class calls the runtime.
 */
public final class AllocatorAdvice {
    private AllocatorAdvice() {
    }

    @Advice.OnMethodEnter
    public static void enter() {
        AllocatorContext.enter();
    }

    /** Also on exceptions: an allocator that throws must not leave its thread in allocator context. */
    @Advice.OnMethodExit(onThrowable = Throwable.class)
    public static void exit() {
        AllocatorContext.exit();
    }

    /** Constructors cannot catch around their super call, so their exit advice runs on normal return only. */
    public static final class ForConstructor {
        private ForConstructor() {
        }

        @Advice.OnMethodEnter
        public static void enter() {
            AllocatorContext.enter();
        }

        @Advice.OnMethodExit
        public static void exit() {
            AllocatorContext.exit();
        }
    }
}
