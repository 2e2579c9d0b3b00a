package io.github.unsafecheck.samples.libraries.netty;

import io.github.unsafecheck.samples.libraries.Expect;
import io.netty.buffer.AdaptiveByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.internal.PlatformDependent;

/**
 * Netty 4.2 on JDK 24+ without {@code sun.misc.Unsafe} and with native access: it allocates direct memory by calling
 * C's {@code malloc} and {@code free} through FFM downcalls ({@code CleanerJava24Linker}), which the agent wraps.
 * Pooled, unpooled and adaptive direct buffers, typed writes and growth, everything read back. Netty writes this
 * memory through {@code ByteBuffer}s (no call site the agent checks): what this run shows is that Netty keeps working
 * with its allocation wrapped, and that the memory is tracked (the tests read the leak list).
 */
public final class NettyFfmWorkload {
    private NettyFfmWorkload() {
    }

    public static void main(String[] args) {
        System.out.println("netty hasUnsafe=" + PlatformDependent.hasUnsafe());
        Expect expect = new Expect();
        run(expect, "unpooled", new UnpooledByteBufAllocator(true));
        run(expect, "pooled", new PooledByteBufAllocator(true));
        run(expect, "adaptive", new AdaptiveByteBufAllocator(true, true));
        System.out.println("done");
    }

    private static void run(Expect expect, String name, ByteBufAllocator alloc) {
        for (int round = 0; round < 200; round++) {
            ByteBuf buf = alloc.directBuffer(64);
            for (int i = 0; i < 2048; i++) {
                buf.writeLong(Expect.pattern(round * 10_000L + i));
            }
            buf.setInt(8, round);
            expect.equal(round, buf.getInt(8), name + " round " + round);
            expect.equal(Expect.pattern(round * 10_000L + 2047), buf.getLong(8 * 2047), name + " last long");
            buf.release();
        }
        expect.done(name + "-ffm-buffers");
    }
}
