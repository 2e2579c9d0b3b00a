package io.github.unsafecheck.benchmarks.segments;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.util.concurrent.TimeUnit;

/**
 * {@code MemorySegment} stores into a native segment of a confined arena (JDK 22+; compiled from src/main/java22 at
 * release 22, and skipped by the runner on older JDKs). With the agent each {@code set} call site is rewritten in
 * place: the pointer rule judges the value ({@code JAVA_LONG}) or the stored segment's address ({@code ADDRESS}), and
 * the memory rules judge the write against the tracked block that holds the segment. The baseline already pays the
 * JDK's own bounds and liveness checks, which raw {@code Unsafe} stores do not.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SegmentStores {
    static final int SLOTS = 1024;
    /** A layout's var handle: coordinates (segment, base offset); JDK 22+. */
    private static final VarHandle LONG = ValueLayout.JAVA_LONG.varHandle();

    private Arena arena;
    private MemorySegment segment;

    @Setup
    public void allocate() {
        arena = Arena.ofConfined();
        segment = arena.allocate(SLOTS * 8L, 8);
    }

    @TearDown
    public void free() {
        arena.close();
    }

    /** {@code set(JAVA_LONG, offset, long)} with native addresses as values. */
    @Benchmark
    @OperationsPerInvocation(SLOTS)
    public long setLong() {
        MemorySegment s = segment;
        long b = s.address();
        for (int i = 0; i < SLOTS; i++) {
            s.set(ValueLayout.JAVA_LONG, 8L * i, b + 8L * ((i + 1) & (SLOTS - 1)));
        }
        return s.get(ValueLayout.JAVA_LONG, 8L * (SLOTS - 1));
    }

    /** The same stores through the layout's {@code VarHandle}, as generated bindings (jextract) write them. */
    @Benchmark
    @OperationsPerInvocation(SLOTS)
    public long setLongVarHandle() {
        MemorySegment s = segment;
        long b = s.address();
        for (int i = 0; i < SLOTS; i++) {
            LONG.set(s, 8L * i, b + 8L * ((i + 1) & (SLOTS - 1)));
        }
        return s.get(ValueLayout.JAVA_LONG, 8L * (SLOTS - 1));
    }

    /**
     * {@code set(ADDRESS, offset, segment)}: the same ring of native pointers, stored the FFM way (a different address
     * per slot: one value everywhere would let C2 vectorise the baseline into a fill).
     */
    @Benchmark
    @OperationsPerInvocation(SLOTS)
    public long setAddress() {
        MemorySegment s = segment;
        long b = s.address();
        for (int i = 0; i < SLOTS; i++) {
            s.set(ValueLayout.ADDRESS, 8L * i, MemorySegment.ofAddress(b + 8L * ((i + 1) & (SLOTS - 1))));
        }
        return s.get(ValueLayout.JAVA_LONG, 8L * (SLOTS - 1));
    }
}
