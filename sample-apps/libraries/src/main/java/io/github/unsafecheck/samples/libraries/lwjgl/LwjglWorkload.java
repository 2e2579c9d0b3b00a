package io.github.unsafecheck.samples.libraries.lwjgl;

import io.github.unsafecheck.samples.libraries.Expect;
import org.lwjgl.system.MemoryUtil;

/**
 * Correct, heavy use of LWJGL 3.3's memory: {@code memAlloc} buffers of every kind, the {@code nmem*} functions
 * (growth, alignment, a linked list of native nodes), {@code MemoryStack} frames on several threads, and — when run
 * with {@code track=} naming them — LWJGL's JNI bindings of C's {@code malloc}/{@code free}. Prints the allocator LWJGL
 * chose (system or jemalloc: the tests assert which), one {@code ok} line per section, then, with the argument
 * {@code bugs}, plants the bugs of {@link LwjglBugs}.
 */
public final class LwjglWorkload {
    private LwjglWorkload() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("lwjgl allocator=" + MemoryUtil.getAllocator().getClass().getSimpleName());
        Expect expect = new Expect();
        HeapBuffers.run(expect);
        NativeBlocks.run(expect);
        StackFrames.run(expect, 4, 2_000);
        if (args.length > 0 && args[0].equals("libc")) {
            LibcBlocks.run(expect);
        }
        if (args.length > 1 && args[1].equals("bugs")) {
            LwjglBugs.run();
        }
        System.out.println("done");
    }
}
