package io.github.unsafecheck.samples.libraries.lwjgl;

import io.github.unsafecheck.samples.libraries.Expect;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryUtil;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;

import static org.lwjgl.system.MemoryUtil.memAddress;

/**
 * {@code memAlloc}/{@code memCalloc}/{@code memRealloc}/{@code memFree} buffers, written through {@code memPut*} (the
 * {@code Unsafe} call sites inside LWJGL, which the agent rewrites), {@code memSet}, {@code memCopy} and the buffers'
 * own puts, and read back.
 */
final class HeapBuffers {
    private HeapBuffers() {
    }

    static void run(Expect expect) {
        for (int size = 16; size <= 1 << 16; size <<= 1) {
            ByteBuffer b = MemoryUtil.memAlloc(size);
            long a = memAddress(b);
            for (int i = 0; i + 8 <= size; i += 8) {
                MemoryUtil.memPutLong(a + i, Expect.pattern(i));
            }
            MemoryUtil.memPutInt(a + size - 4, size);
            MemoryUtil.memPutByte(a + size - 5, (byte) 7);
            expect.equal(size, MemoryUtil.memGetInt(a + size - 4), "last int of " + size);
            expect.equal(Expect.pattern(0), MemoryUtil.memGetLong(a), "first long of " + size);
            ByteBuffer grown = MemoryUtil.memRealloc(b, size * 2);
            long g = memAddress(grown);
            expect.equal(size, MemoryUtil.memGetInt(g + size - 4), "realloc kept the data of " + size);
            MemoryUtil.memSet(g + size, 0x5A, size);
            expect.equal(0x5A5A5A5A, MemoryUtil.memGetInt(g + 2L * size - 4), "memSet to the end");
            ByteBuffer copy = MemoryUtil.memCalloc(size * 2);
            expect.equal(0L, MemoryUtil.memGetLong(memAddress(copy) + 2L * size - 8), "calloc'd");
            MemoryUtil.memCopy(g, memAddress(copy), size * 2L);
            expect.equal(0x5A, copy.get(2 * size - 1) & 0xFF, "memCopy to the end");
            MemoryUtil.memFree(copy);
            MemoryUtil.memFree(grown);
        }
        IntBuffer ints = MemoryUtil.memAllocInt(1000);
        LongBuffer longs = MemoryUtil.memCallocLong(1000);
        PointerBuffer pointers = MemoryUtil.memAllocPointer(100);
        for (int i = 0; i < 1000; i++) {
            ints.put(i, i * 3);
            MemoryUtil.memPutLong(memAddress(longs) + 8L * i, Expect.pattern(i));
        }
        for (int i = 0; i < 100; i++) {
            pointers.put(i, memAddress(ints) + 4L * i); // native pointers into native memory
        }
        expect.equal(297, MemoryUtil.memGetInt(pointers.get(99)), "pointer read back");
        expect.equal(Expect.pattern(999), longs.get(999), "long read back");
        ByteBuffer text = MemoryUtil.memUTF8("unsafecheck ✓ LWJGL");
        expect.equal("unsafecheck ✓ LWJGL", MemoryUtil.memUTF8(text, text.remaining() - 1), "UTF-8 round trip");
        MemoryUtil.memFree(text);
        MemoryUtil.memFree(pointers);
        MemoryUtil.memFree(longs);
        MemoryUtil.memFree(ints);
        expect.done("mem-alloc-buffers");
    }
}
