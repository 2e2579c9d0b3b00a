package io.github.unsafecheck.samples.libraries.lwjgl;

import io.github.unsafecheck.samples.libraries.Expect;
import org.lwjgl.PointerBuffer;
import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;

import java.nio.ByteBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code MemoryStack} frames as LWJGL code uses them, on several threads (each has its own stack): nested
 * {@code stackPush}/{@code close}, every kind of allocation, every byte of each allocation written, the stack pointer
 * saved and restored by hand as LWJGL's generated bindings do ({@code getPointer}/{@code setPointer}), and a frame
 * whose bytes the next frame reuses.
 */
final class StackFrames {
    private StackFrames() {
    }

    static void run(Expect expect, int threads, int rounds) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> ts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            ts.add(new Thread(() -> {
                try {
                    for (int r = 0; r < rounds; r++) {
                        round(id, r);
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "stack-" + t));
        }
        ts.forEach(Thread::start);
        for (Thread t : ts) {
            t.join();
        }
        if (failure.get() != null) {
            throw new AssertionError("a stack thread failed", failure.get());
        }
        expect.equal((long) threads * rounds, ROUNDS.get(), "rounds");
        expect.done("memory-stack");
    }

    private static final java.util.concurrent.atomic.AtomicLong ROUNDS = new java.util.concurrent.atomic.AtomicLong();

    private static void round(int id, int r) {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer ints = stack.mallocInt(16);
            LongBuffer longs = stack.callocLong(8);
            ByteBuffer bytes = stack.malloc(13);
            long raw = stack.nmalloc(8, 40);
            for (int i = 0; i < 16; i++) {
                MemoryUtil.memPutInt(MemoryUtil.memAddress(ints) + 4L * i, id * 100 + i);
            }
            for (int i = 0; i < 13; i++) {
                MemoryUtil.memPutByte(MemoryUtil.memAddress(bytes) + i, (byte) i);
            }
            for (int i = 0; i < 5; i++) {
                MemoryUtil.memPutLong(raw + 8L * i, Expect.pattern(i + r));
            }
            check(longs.get(7) == 0, "calloc'd on the stack");
            int saved = stack.getPointer();
            long scratch = stack.nmalloc(4, 64);
            MemoryUtil.memSet(scratch, 0x33, 64);
            stack.setPointer(saved); // as generated bindings release their temporaries
            try (MemoryStack inner = stack.push()) {
                PointerBuffer pointers = inner.mallocPointer(4);
                pointers.put(0, raw).put(1, MemoryUtil.memAddress(ints));
                ByteBuffer text = inner.UTF8("frame " + r);
                check(MemoryUtil.memUTF8(text, text.remaining() - 1).equals("frame " + r), "UTF-8 on the stack");
                long reused = inner.nmalloc(8, 64); // the bytes the scratch block had
                MemoryUtil.memSet(reused, 0x44, 64);
                check(pointers.get(0) == raw, "pointer on the stack");
            }
            for (int i = 0; i < 16; i++) {
                check(ints.get(i) == id * 100 + i, "int " + i);
            }
            check(MemoryUtil.memGetLong(raw + 32) == Expect.pattern(4 + r), "raw stack block");
            check(bytes.get(12) == 12, "byte 12");
        }
        ROUNDS.incrementAndGet();
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError(what);
        }
    }
}
