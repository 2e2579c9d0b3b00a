package io.github.unsafecheck.samples.libraries.lwjgl;

import io.github.unsafecheck.samples.libraries.BadWrite;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;
import org.lwjgl.system.libc.LibCStdlib;

/**
 * Bugs planted in the use of LWJGL, each run through {@link BadWrite} (the tests read which line reported what):
 * an {@code nmemAlloc} block overflowed, written after {@code nmemFree}, freed twice (glibc would abort the JVM:
 * the second free must never reach it), a {@code MemoryStack} allocation kept past its frame and written, and a JNI
 * {@code malloc} block ({@code LibCStdlib}, declared with {@code track=}) freed twice.
 */
final class LwjglBugs {
    static final long MARK = 0x0BADF00DDEADBEEFL;

    private LwjglBugs() {
    }

    static void run() {
        long block = MemoryUtil.nmemAlloc(64);
        BadWrite.attempt(() -> MemoryUtil.memPutLong(block + 60, MARK)); // bug: overflow
        MemoryUtil.nmemFree(block);
        BadWrite.attempt(() -> MemoryUtil.memPutLong(block + 8, MARK)); // bug: use-after-free
        BadWrite.attempt(() -> MemoryUtil.nmemFree(block)); // bug: double-free
        long kept;
        try (MemoryStack stack = MemoryStack.stackPush()) {
            kept = stack.nmalloc(8, 32);
            MemoryUtil.memPutLong(kept, 1L);
        }
        long address = kept;
        BadWrite.attempt(() -> MemoryUtil.memPutInt(address + 8, 7)); // bug: use-after-free (after pop)
        long c = LibCStdlib.nmalloc(16);
        LibCStdlib.nfree(c);
        BadWrite.attempt(() -> LibCStdlib.nfree(c)); // bug: double-free (JNI free)
        System.out.println("bugs planted");
    }
}
