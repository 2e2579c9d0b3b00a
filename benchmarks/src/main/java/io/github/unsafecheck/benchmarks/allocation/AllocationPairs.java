package io.github.unsafecheck.benchmarks.allocation;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import io.github.unsafecheck.benchmarks.support.UnsafeAccess;
import sun.misc.Unsafe;

import java.util.concurrent.TimeUnit;

/**
 * An {@code allocateMemory} + one store + {@code freeMemory} pair, as a pool-less native buffer's life. With the agent
 * both calls are rewritten into the allocation hooks: the block is recorded with its tail redzone (and, unless
 * {@code stacks=false}, the allocating stack), the store is checked against it, and the free moves it into the
 * quarantine, whose oldest blocks really go back to malloc. The runner runs this with the default options and with
 * {@code stacks=false}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AllocationPairs {
    private static final Unsafe U = UnsafeAccess.UNSAFE;

    /** A small block: the size a native list node or a message header would have. */
    private static final long SIZE = 64;

    @Benchmark
    public long allocateWriteFree() {
        long a = U.allocateMemory(SIZE);
        U.putLong(a, SIZE);
        long first = U.getLong(a);
        U.freeMemory(a);
        return first;
    }
}
