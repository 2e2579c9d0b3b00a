package io.github.unsafecheck.instrumenter.hooks;

import io.github.unsafecheck.runtime.hook.DowncallHooks;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Byte Buddy advice inlined into the JDK's {@code jdk.internal.foreign.abi.AbstractLinker.downcallHandle(MemorySegment,
 * FunctionDescriptor, Linker.Option...)} (JDK 22+): the handle it returns goes through the runtime, which wraps a
 * downcall bound to the C allocator and gives any other back. Typed as {@code Object}: the instrumenter is built for
 * JDK 17, and needs no FFM type to weave this.
 */
public final class LinkerAdvice {
    private LinkerAdvice() {
    }

    @Advice.OnMethodExit
    static void exit(@Advice.Argument(0) Object symbol, @Advice.Argument(1) Object descriptor,
            @Advice.Return(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object handle) {
        handle = DowncallHooks.wrap(symbol, descriptor, handle);
    }
}
