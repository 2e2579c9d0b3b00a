package io.github.unsafecheck.benchmarks.mixes;

import org.agrona.concurrent.UnsafeBuffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

/**
 * A realistic mix: messages encoded into an Agrona {@code UnsafeBuffer} over a direct buffer, the way a messaging
 * codec writes them (a header of fixed fields, a payload copied in, a short ASCII symbol), wrapping around the buffer.
 * With the agent, Agrona's own {@code Unsafe} calls inside {@code UnsafeBuffer} are the rewritten sites, and the
 * direct buffer's allocation is tracked, so every store is checked against it. Stores are a part of the work here,
 * not all of it, as in a real program.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AgronaMessages {
    static final int MESSAGES = 256;
    private static final int CAPACITY = 64 * 1024;
    /**
     * Timestamps are epoch nanoseconds, as a codec writes them. A counter from zero (an earlier version wrote
     * {@code seq * 31}) walks into the heap's address range within seconds (JDK 17 places a compressed-oops heap at
     * 24–32 GB) and is then, correctly by the rules, a heap-pointer candidate: the README's {@code data=} case.
     */
    private static final long EPOCH_NANOS = 1_764_000_000_000_000_000L;

    private UnsafeBuffer buffer;
    private final byte[] payload = new byte[40];
    private long sequence;

    @Setup
    public void allocate() {
        buffer = new UnsafeBuffer(ByteBuffer.allocateDirect(CAPACITY));
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) ('a' + i % 26);
        }
    }

    /** One message: 8-byte sequence, 8-byte timestamp, 4-byte length, the payload, a 4-byte-prefixed symbol. */
    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public long encode() {
        UnsafeBuffer b = buffer;
        int offset = (int) (sequence * 64 % CAPACITY);
        for (int i = 0; i < MESSAGES; i++) {
            long seq = ++sequence;
            b.putLong(offset, seq);
            b.putLong(offset + 8, EPOCH_NANOS + seq * 31);
            b.putInt(offset + 16, payload.length);
            b.putBytes(offset + 20, payload);
            offset += 20 + payload.length;
            offset += b.putStringAscii(offset, "EURUSD");
            offset = (offset + 7) & ~7;
            if (offset > CAPACITY - 128) {
                offset = 0;
            }
        }
        return b.getLong(0) + b.getLong(offset == 0 ? 64 : offset - 8);
    }
}
