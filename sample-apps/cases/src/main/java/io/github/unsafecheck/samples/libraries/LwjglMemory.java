package io.github.unsafecheck.samples.libraries;

import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;

/**
 * Correct LWJGL memory use (expect: none), the good twin of {@link StackUseAfterPop}: stack frames used inside their
 * scope, nested, and reused by the next frame; {@code memAlloc} buffers and {@code nmem*} blocks written to their last
 * byte, grown and freed; a native pointer stored in native memory. Before LWJGL's memory was known, every write here
 * was a {@code wild-write} under {@code strict}.
 */
public final class LwjglMemory {
    public static void main(String[] args) {
        long sum = 0;
        for (int frame = 0; frame < 100; frame++) {
            try (MemoryStack stack = MemoryStack.stackPush()) {
                IntBuffer v = stack.mallocInt(4);
                MemoryUtil.memPutInt(MemoryUtil.memAddress(v) + 12, frame);
                try (MemoryStack inner = stack.push()) {
                    long scratch = inner.nmalloc(8, 32);
                    MemoryUtil.memPutLong(scratch + 24, MemoryUtil.memAddress(v)); // a native pointer: fine
                    sum += MemoryUtil.memGetInt(MemoryUtil.memGetLong(scratch + 24) + 12);
                }
            }
        }
        ByteBuffer b = MemoryUtil.memAlloc(64);
        MemoryUtil.memPutLong(MemoryUtil.memAddress(b) + 56, sum);
        b = MemoryUtil.memRealloc(b, 4096);
        MemoryUtil.memSet(MemoryUtil.memAddress(b) + 64, 0, 4096 - 64);
        long block = MemoryUtil.nmemCalloc(16, 8);
        MemoryUtil.memPutLong(block + 120, MemoryUtil.memGetLong(MemoryUtil.memAddress(b) + 56));
        System.out.println("sum " + MemoryUtil.memGetLong(block + 120));
        MemoryUtil.nmemFree(block);
        MemoryUtil.memFree(b);
    }
}
