package io.github.unsafecheck.samples.libraries.lwjgl;

import io.github.unsafecheck.samples.libraries.Expect;
import org.lwjgl.system.MemoryUtil;

/**
 * The {@code nmem*} functions: a block grown by {@code nmemRealloc} from 16 bytes to 1 MiB keeping its data, aligned
 * blocks, and a linked list of {@code nmemCalloc} nodes whose first 8 bytes point at the next node
 * ({@code memPutAddress}: native pointers in native memory, which the pointer rule must let through).
 */
final class NativeBlocks {
    private NativeBlocks() {
    }

    static void run(Expect expect) {
        long block = MemoryUtil.nmemAlloc(16);
        MemoryUtil.memPutLong(block, Expect.pattern(1));
        MemoryUtil.memPutLong(block + 8, Expect.pattern(16));
        for (long size = 32; size <= 1 << 20; size <<= 1) {
            block = MemoryUtil.nmemRealloc(block, size);
            MemoryUtil.memPutLong(block + size - 8, Expect.pattern(size));
            expect.equal(Expect.pattern(1), MemoryUtil.memGetLong(block), "first long after growing to " + size);
            expect.equal(Expect.pattern(size / 2), MemoryUtil.memGetLong(block + size / 2 - 8), "previous end");
        }
        MemoryUtil.nmemFree(block);

        for (long alignment = 16; alignment <= 4096; alignment <<= 2) {
            long aligned = MemoryUtil.nmemAlignedAlloc(alignment, alignment * 4);
            expect.equal(0, aligned & (alignment - 1), "aligned to " + alignment);
            MemoryUtil.memSet(aligned, 0x11, alignment * 4);
            MemoryUtil.memPutLong(aligned + alignment * 4 - 8, Expect.pattern(alignment));
            expect.equal(Expect.pattern(alignment), MemoryUtil.memGetLong(aligned + alignment * 4 - 8), "aligned end");
            MemoryUtil.nmemAlignedFree(aligned);
        }

        long head = 0;
        for (int i = 0; i < 1000; i++) {
            long node = MemoryUtil.nmemCalloc(1, 24);
            MemoryUtil.memPutAddress(node, head);
            MemoryUtil.memPutLong(node + 8, Expect.pattern(i));
            MemoryUtil.memPutInt(node + 16, i);
            head = node;
        }
        int count = 0;
        for (long n = head; n != 0; ) {
            expect.equal(999 - count, MemoryUtil.memGetInt(n + 16), "node " + count);
            long next = MemoryUtil.memGetAddress(n);
            MemoryUtil.nmemFree(n);
            n = next;
            count++;
        }
        expect.equal(1000, count, "list length");
        expect.done("nmem-functions");
    }
}
