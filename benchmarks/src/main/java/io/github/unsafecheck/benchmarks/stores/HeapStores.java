package io.github.unsafecheck.benchmarks.stores;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import io.github.unsafecheck.benchmarks.support.UnsafeAccess;
import sun.misc.Unsafe;

import java.util.concurrent.TimeUnit;

/**
 * Heap→heap stores with a non-null base, as collections and serializers do them. With the agent:
 * <ul>
 *   <li>{@code putLong(array, off, v)} with values inside the heap range: step 1 says "maybe a heap pointer", step 2
 *       ("the destination is heap memory": base != null) allows it — the longest path a correct long store takes;
 *   <li>{@code putObject(array, off, o)}: a reference store starts at step 2 (one null test), then the rewritten site
 *       asks {@code referenceOffset} for the offset to use (one identity compare).
 * </ul>
 * Each method returns an element read back, so the stores cannot be removed as dead.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HeapStores {
    static final int SLOTS = 1024;
    private static final Unsafe U = UnsafeAccess.UNSAFE;
    private static final long LONG_BASE = U.arrayBaseOffset(long[].class);
    private static final long REF_BASE = U.arrayBaseOffset(Object[].class);
    private static final long REF_SCALE = U.arrayIndexScale(Object[].class);

    private long[] longs;
    private Object[] refs;
    private Object[] values;
    private long heapWord;

    @Setup
    public void allocate() {
        longs = new long[SLOTS];
        refs = new Object[SLOTS];
        values = new Object[SLOTS];
        for (int i = 0; i < SLOTS; i++) {
            values[i] = new Object();
        }
        heapWord = HeapAddress.lowest();
    }

    /** {@code Unsafe.putLong(Object, long, long)} into a {@code long[]}, values inside the heap range. */
    @Benchmark
    @OperationsPerInvocation(SLOTS)
    public long putLongArray() {
        long[] a = longs;
        long h = heapWord;
        for (int i = 0; i < SLOTS; i++) {
            U.putLong(a, LONG_BASE + 8L * i, h + 8L * i);
        }
        return a[SLOTS - 1];
    }

    /** {@code Unsafe.putObject(Object, long, Object)} into an {@code Object[]}. */
    @Benchmark
    @OperationsPerInvocation(SLOTS)
    public Object putObjectArray() {
        Object[] a = refs;
        Object[] v = values;
        for (int i = 0; i < SLOTS; i++) {
            U.putObject(a, REF_BASE + REF_SCALE * i, v[i]);
        }
        return a[SLOTS - 1];
    }
}
