package io.github.unsafecheck.instrumenter.hooks;

import io.github.unsafecheck.instrumenter.hooks.HookConstants.FreeSpec;
import io.github.unsafecheck.instrumenter.hooks.HookConstants.Spec;
import io.github.unsafecheck.runtime.hook.FunctionHooks;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Byte Buddy advice inlined into an allocation or free function named by role (declared with {@code track=}, or
 * built in: LWJGL's {@code nmemAlloc} family, JNA's {@code Native.malloc}/{@code free}). The arguments travel boxed
 * ({@code @AllArguments}), so one advice fits any signature the role accepts; the hook decides and may hand back
 * other arguments (the size grown by the redzone) or ask to skip the call (a free held in quarantine, a double free).
 * The function's own code runs in between, unchanged. The exit advice runs also when the function throws: the hooks
 * count how deep the thread is in hooked functions, and only the outermost call is tracked.
 */
public final class FunctionAdvice {
    private FunctionAdvice() {
    }

    /** alloc, calloc, aligned-alloc. */
    public static final class Alloc {
        private Alloc() {
        }

        @Advice.OnMethodEnter
        static void enter(@Spec String spec,
                @Advice.AllArguments(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object[] args,
                @Advice.Local("asked") Object[] asked, @Advice.Local("called") Object[] called) {
            asked = args;
            called = FunctionHooks.allocating(spec, args);
            if (called != FunctionHooks.LEAVE) {
                args = called;
            }
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Spec String spec, @Advice.Return long address, @Advice.Thrown Throwable thrown,
                @Advice.Local("asked") Object[] asked, @Advice.Local("called") Object[] called) {
            FunctionHooks.allocated(spec, address, thrown, asked, called);
        }
    }

    /** realloc: may skip the call ({@code realloc(p, 0)} of a tracked block is its free, held in quarantine). */
    public static final class Realloc {
        private Realloc() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static boolean enter(@Spec String spec, @FreeSpec String freeSpec, @Advice.Origin Class<?> type,
                @Advice.This(optional = true) Object self,
                @Advice.AllArguments(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object[] args,
                @Advice.Local("asked") Object[] asked, @Advice.Local("called") Object[] called) {
            asked = args;
            called = FunctionHooks.reallocating(spec, freeSpec, type, self, args);
            if (called == null) {
                return true;
            }
            if (called != FunctionHooks.LEAVE) {
                args = called;
            }
            return false;
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Spec String spec, @FreeSpec String freeSpec, @Advice.Origin Class<?> type,
                @Advice.This(optional = true) Object self, @Advice.Return long address,
                @Advice.Thrown Throwable thrown, @Advice.Local("asked") Object[] asked,
                @Advice.Local("called") Object[] called) {
            FunctionHooks.reallocated(spec, freeSpec, type, self, address, thrown, asked, called);
        }
    }

    /** free: skipped while the block waits in quarantine, and for a double or invalid free. */
    public static final class Free {
        private Free() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class)
        static boolean enter(@Spec String spec, @Advice.Origin Class<?> type,
                @Advice.This(optional = true) Object self, @Advice.AllArguments Object[] args) {
            return FunctionHooks.freeing(spec, type, self, args);
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit() {
            FunctionHooks.freed();
        }
    }
}
