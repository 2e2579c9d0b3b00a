package io.github.unsafecheck.benchmarks.mixes;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.internal.PlatformDependent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * A realistic mix: Netty pooled direct buffers, one per message, as a channel pipeline's encoder uses them: allocate
 * from the pool, write a header and a payload, read a field back, release to the pool. With the agent, Netty's
 * {@code PlatformDependent0} (its {@code Unsafe} calls) holds the rewritten sites; the pool's chunks are direct
 * buffers whose allocation is tracked. On JDK 23+ both sides run with {@code --sun-misc-unsafe-memory-access=allow}:
 * without it Netty 4.2 does not use {@code Unsafe} at all (see the runner's case).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NettyMessages {
    static final int MESSAGES = 64;

    private ByteBufAllocator allocator;
    private final byte[] payload = new byte[200];
    private long sequence;

    @Setup
    public void setUp() {
        if (!PlatformDependent.hasUnsafe()) {
            throw new IllegalStateException("Netty does not use Unsafe here (on JDK 23+ it needs "
                    + "--sun-misc-unsafe-memory-access=allow): the figure would not measure the checker");
        }
        allocator = PooledByteBufAllocator.DEFAULT;
        if (!allocator.directBuffer(8).release()) {
            throw new IllegalStateException("a pooled buffer did not go back to the pool");
        }
        for (int i = 0; i < payload.length; i++) {
            payload[i] = (byte) i;
        }
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public long encode() {
        long sum = 0;
        for (int i = 0; i < MESSAGES; i++) {
            ByteBuf buf = allocator.directBuffer(256);
            long seq = ++sequence;
            buf.writeLong(seq);
            buf.writeInt(payload.length);
            buf.writeShort(7);
            buf.writeBytes(payload);
            buf.writeLong(seq * 31);
            sum += buf.getLong(0) + buf.getInt(8);
            buf.release();
        }
        return sum;
    }
}
