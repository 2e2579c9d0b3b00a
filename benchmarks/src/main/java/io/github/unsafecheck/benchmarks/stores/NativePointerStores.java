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
 * Native→native pointer stores: a ring of native pointers written into a native block, the pointer rule's fast path
 * (step 1: "the value is not a heap pointer", two compares against JIT constants). With the agent, each
 * {@code U.put…} call below is rewritten in place into {@code UnsafeHooks.storeLong(…)} + the original call; the
 * runner checks the agent's coverage report for that before it trusts a figure.
 *
 * <p>One invocation writes {@link #SLOTS} words (a single store is below JMH's resolution); each method returns a
 * word read back, so the stores are observable and cannot be removed as dead.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NativePointerStores extends NativeBlock {
    /** {@code Unsafe.putAddress(long, long)}. */
    @Benchmark
    @OperationsPerInvocation(SLOTS)
    public long putAddress() {
        long b = block;
        for (int i = 0; i < SLOTS; i++) {
            U.putAddress(b + 8L * i, b + 8L * ((i + 1) & (SLOTS - 1)));
        }
        return U.getAddress(b + 8L * (SLOTS - 1));
    }

    /** {@code Unsafe.putLong(Object, long, long)} with a null base: an absolute address. */
    @Benchmark
    @OperationsPerInvocation(SLOTS)
    public long putLongNullBase() {
        long b = block;
        for (int i = 0; i < SLOTS; i++) {
            U.putLong(null, b + 8L * i, b + 8L * ((i + 1) & (SLOTS - 1)));
        }
        return U.getLong(b + 8L * (SLOTS - 1));
    }

    /** {@code Unsafe.putLong(long, long)}. */
    @Benchmark
    @OperationsPerInvocation(SLOTS)
    public long putLongAddress() {
        long b = block;
        for (int i = 0; i < SLOTS; i++) {
            U.putLong(b + 8L * i, b + 8L * ((i + 1) & (SLOTS - 1)));
        }
        return U.getLong(b + 8L * (SLOTS - 1));
    }
}
