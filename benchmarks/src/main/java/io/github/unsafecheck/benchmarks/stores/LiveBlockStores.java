package io.github.unsafecheck.benchmarks.stores;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * Data stores into one live tracked block: the memory rules' fast path (the block this call site hit last, one
 * compare once the JIT has hoisted the block's bounds out of the loop). The values are plain data with the top bit
 * set, never in any heap range, so the pointer rule leaves at its first compare for the 8-byte stores.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LiveBlockStores extends NativeBlock {
    /** {@code Unsafe.putInt(long, int)}: 4-byte stores, the memory rules only. */
    @Benchmark
    @OperationsPerInvocation(SLOTS)
    public int putInt() {
        long b = block;
        for (int i = 0; i < SLOTS; i++) {
            U.putInt(b + 4L * i, i);
        }
        return U.getInt(b + 4L * (SLOTS - 1));
    }

    /** {@code Unsafe.putLong(long, long)} of data: the pointer rule's first compare, then the memory rules. */
    @Benchmark
    @OperationsPerInvocation(SLOTS)
    public long putLongData() {
        long b = block;
        for (int i = 0; i < SLOTS; i++) {
            U.putLong(b + 8L * i, Long.MIN_VALUE | i);
        }
        return U.getLong(b + 8L * (SLOTS - 1));
    }
}
