package io.github.unsafecheck.benchmarks.stores;

import io.github.unsafecheck.benchmarks.support.UnsafeAccess;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import sun.misc.Unsafe;

/**
 * The state of the native store benchmarks: one block of {@link #SLOTS} words from {@code allocateMemory}, which the
 * agent rewrites too, so that with the agent the block is tracked and every store is checked against it. JMH runs
 * a superclass's {@code @Setup} and {@code @TearDown} for the benchmark class's state.
 */
public abstract class NativeBlock {
    static final int SLOTS = 1024;
    static final Unsafe U = UnsafeAccess.UNSAFE;

    long block;

    @Setup
    public void allocate() {
        block = U.allocateMemory(SLOTS * 8L);
    }

    @TearDown
    public void free() {
        U.freeMemory(block);
    }
}
