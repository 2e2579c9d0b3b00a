package io.github.unsafecheck.samples.libraries;

import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

import java.nio.IntBuffer;

/**
 * LWJGL users' most common bug: a buffer from a {@code MemoryStack} frame outlives the frame. A helper returns the
 * {@code IntBuffer} it allocated on the stack for a viewport query; the caller keeps it, pops nothing itself, and
 * writes into it later — by then the frame is gone and the next frame's data (here, a uniform's value) lives there.
 * LWJGL does not notice: the stack is one buffer, always valid memory.
 *
 * <p>Under unsafecheck each stack allocation is a block inside the stack's buffer, freed when its frame is popped,
 * so the late write is stopped: rule {@code use-after-free} — until another frame is given those bytes (the stack
 * reuses them at once, and then the write lands in live memory, which no checker without a fake stack can tell).
 */
public final class StackUseAfterPop {
    static IntBuffer viewport() {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer v = stack.mallocInt(4);
            v.put(0, 0).put(1, 0).put(2, 1280).put(3, 720);
            return v; // the frame is popped on return: v now points at freed stack memory
        }
    }

    public static void main(String[] args) {
        IntBuffer v = viewport();
        System.out.println("viewport " + v.get(2) + "x" + v.get(3) + " at 0x" + Long.toHexString(MemoryUtil.memAddress(v)));
        MemoryUtil.memPutInt(MemoryUtil.memAddress(v) + 8, 1920); // expect: use-after-free
        System.out.println("resized the viewport through a popped frame");
    }
}
