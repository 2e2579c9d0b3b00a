package io.github.unsafecheck.benchmarks.mixes;

import org.lwjgl.system.MemoryStack;
import org.lwjgl.system.MemoryUtil;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.nio.IntBuffer;
import java.util.concurrent.TimeUnit;

/**
 * LWJGL's memory as a renderer uses it. {@link #memPut}: {@code memPutLong}/{@code memPutInt} into an
 * {@code nmemAlloc} block — with the agent, LWJGL's own {@code Unsafe} call sites in {@code MemoryUtil} are the
 * rewritten ones and the block is tracked (the built-in hooks), so each store is a hit in its site's cache.
 * {@link #memPutTwoBlocks}: the same stores alternating between two blocks: every LWJGL write goes through the same
 * few {@code MemoryUtil} call sites, whose cache holds one block, so each store misses and looks its block up.
 * {@link #stackFrame}: one {@code MemoryStack} frame — push, two allocations written, pop — which with the agent
 * records two blocks and frees them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LwjglMemory {
    static final int STORES = 1024;

    private long block;
    private long other;

    @Setup
    public void setUp() {
        block = MemoryUtil.nmemAlloc(8L * STORES);
        other = MemoryUtil.nmemAlloc(8L * STORES);
    }

    @TearDown
    public void tearDown() {
        MemoryUtil.nmemFree(block);
        MemoryUtil.nmemFree(other);
    }

    @Benchmark
    @OperationsPerInvocation(STORES)
    public long memPut() {
        long b = block;
        for (int i = 0; i < STORES; i += 2) {
            MemoryUtil.memPutLong(b + 8L * i, i);
            MemoryUtil.memPutInt(b + 8L * i + 8, i);
        }
        return MemoryUtil.memGetLong(b + 8L * (STORES - 2));
    }

    @Benchmark
    @OperationsPerInvocation(STORES)
    public long memPutTwoBlocks() {
        long b = block;
        long o = other;
        for (int i = 0; i < STORES; i += 2) {
            MemoryUtil.memPutLong(b + 8L * i, i);
            MemoryUtil.memPutLong(o + 8L * i, i);
        }
        return MemoryUtil.memGetLong(b + 8L * (STORES - 2)) + MemoryUtil.memGetLong(o);
    }

    @Benchmark
    public int stackFrame() {
        try (MemoryStack stack = MemoryStack.stackPush()) {
            IntBuffer viewport = stack.mallocInt(4);
            long address = MemoryUtil.memAddress(viewport);
            MemoryUtil.memPutInt(address + 12, 720);
            long scratch = stack.nmalloc(8, 32);
            MemoryUtil.memPutLong(scratch + 24, address);
            return MemoryUtil.memGetInt(MemoryUtil.memGetLong(scratch + 24) + 12);
        }
    }
}
