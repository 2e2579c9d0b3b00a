package io.github.unsafecheck.samples.libraries.lwjgl;

import io.github.unsafecheck.samples.libraries.Expect;
import org.lwjgl.system.MemoryUtil;
import org.lwjgl.system.libc.LibCStdlib;

/**
 * LWJGL's JNI bindings of C's own allocator ({@code LibCStdlib.nmalloc}, {@code ncalloc}, {@code nrealloc},
 * {@code nfree}: native methods), run with {@code track=} naming them: memory from a JNI {@code malloc} is tracked
 * like any other, and its correct use stays silent under strict.
 */
final class LibcBlocks {
    /** The {@code track} entries this section needs. */
    static final String TRACK = "track=org.lwjgl.system.libc.LibCStdlib#nmalloc=alloc"
            + ":org.lwjgl.system.libc.LibCStdlib#ncalloc=calloc"
            + ":org.lwjgl.system.libc.LibCStdlib#nrealloc=realloc"
            + ":org.lwjgl.system.libc.LibCStdlib#nfree=free";

    private LibcBlocks() {
    }

    static void run(Expect expect) {
        long[] blocks = new long[64];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = i % 2 == 0 ? LibCStdlib.nmalloc(32 + i) : LibCStdlib.ncalloc(4, 8 + i);
            MemoryUtil.memSet(blocks[i], i, 32 + (i % 2 == 0 ? i : 3L * i));
            MemoryUtil.memPutLong(blocks[i], Expect.pattern(i));
        }
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = LibCStdlib.nrealloc(blocks[i], 256);
            MemoryUtil.memPutLong(blocks[i] + 248, Expect.pattern(i + 1000));
            expect.equal(Expect.pattern(i), MemoryUtil.memGetLong(blocks[i]), "realloc kept block " + i);
        }
        for (long b : blocks) {
            LibCStdlib.nfree(b);
        }
        expect.done("libc-jni-malloc");
    }
}
