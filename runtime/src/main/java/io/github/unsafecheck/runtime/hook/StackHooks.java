package io.github.unsafecheck.runtime.hook;

import io.github.unsafecheck.runtime.UnsafeCheckRuntime;
import io.github.unsafecheck.runtime.blocks.Allocations;
import io.github.unsafecheck.runtime.blocks.Block;
import io.github.unsafecheck.runtime.blocks.Trace;
import io.github.unsafecheck.runtime.check.ThreadContexts;
import io.github.unsafecheck.runtime.stack.LibraryFrames;

/**
 * The hooks woven into LWJGL's {@code MemoryStack}: every allocation from a frame ({@code nmalloc}, which
 * {@code malloc}, {@code calloc}, {@code mallocInt}, a struct's {@code calloc(stack)} all reach) is a block inside the
 * stack's buffer, and popping the frame ({@code pop}, {@code close}, or {@code setPointer}, which LWJGL's generated
 * bindings use) frees the blocks it held. A write through such an address afterwards is a {@code use-after-free} —
 * until a later frame is given the same bytes, which a stack does at once: the bytes of a popped frame belong to the
 * next push, and from then on a stale write lands in live memory (as in C without AddressSanitizer's fake stacks).
 *
 * <p>The stack grows down: a newer allocation lies below an older one, so running off an allocation's end runs into
 * the one made before it. Each allocation asks for {@link #STACK_REDZONE} more bytes when the stack has room for them;
 * the gap up to the previous allocation (that redzone and any alignment padding) is the block's redzone, so a write
 * just past the end is an {@code overflow} rather than a write into the neighbour. A stack short of room gets no
 * redzone: the program never runs out of stack because of the checker.
 *
 * <p>Not an API for application code: the signatures are a contract with the instrumenter only.
 */
public final class StackHooks {
    /** Bytes asked for after each stack allocation, when there is room (at most the {@code redzone} option). */
    static final int STACK_REDZONE = 16;
    private static final String KIND = "MemoryStack allocation";

    static {
        UnsafeCheckRuntime.reporter();
    }

    private StackHooks() {
    }

    /**
     * The size {@code nmalloc(alignment, size)} must allocate: {@code size} plus the stack redzone, if the stack (the
     * bytes below {@code stackAddress + pointer}) has room for both after alignment.
     */
    public static int allocationSize(long stackAddress, int pointer, int alignment, int size) {
        long redzone = Math.min(STACK_REDZONE, Allocations.get().redzone());
        if (size <= 0 || redzone == 0 || size > Integer.MAX_VALUE - redzone || alignment <= 0
                || ThreadContexts.inCheckerContext()) {
            return size;
        }
        long address = (stackAddress + pointer - size - redzone) & ~((long) alignment - 1);
        return address - stackAddress >= 0 ? size + (int) redzone : size;
    }

    /**
     * {@code nmalloc} returned {@code address} for {@code size} bytes; {@code top} is where the stack pointer was
     * before ({@code stackAddress + pointer}): the gap between the block's end and it is the block's redzone.
     */
    public static void allocated(long address, int size, long top) {
        if (size <= 0 || ThreadContexts.inCheckerContext()) {
            return;
        }
        ThreadContexts.enterAllocator();
        try {
            Allocations a = Allocations.get();
            long redzone = Math.max(0, top - (address + size));
            a.trackInside(address, size, redzone, Block.Origin.STACK, KIND,
                    Trace.inside(LibraryFrames.lwjgl(), a.recordsStacks()));
        } finally {
            ThreadContexts.exitAllocator();
        }
    }

    /**
     * The stack pointer moved up from {@code stackAddress + before} to {@code stackAddress + after} ({@code pop},
     * {@code close}, {@code setPointer}): the allocations in between are freed, all with the trace of this pop.
     */
    public static void popped(long stackAddress, int before, int after) {
        if (after <= before || ThreadContexts.inCheckerContext()) {
            return;
        }
        Allocations a = Allocations.get();
        a.popStack(stackAddress + before, stackAddress + after, Trace.inside(LibraryFrames.lwjgl(),
                a.recordsStacks()));
    }
}
