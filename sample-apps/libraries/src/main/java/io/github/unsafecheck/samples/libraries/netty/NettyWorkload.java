package io.github.unsafecheck.samples.libraries.netty;

import io.github.unsafecheck.samples.libraries.Expect;
import io.netty.buffer.AdaptiveByteBufAllocator;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.internal.PlatformDependent;

/**
 * Correct, heavy use of Netty's direct buffers through its Unsafe path: unpooled, pooled (several threads) and
 * adaptive allocators, growth, composite buffers and their copies. Prints which memory path Netty took — the
 * tests assert it was the Unsafe one, or a clean run would prove nothing — then one {@code ok} line per section.
 */
public final class NettyWorkload {
    private NettyWorkload() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.out.println("netty hasUnsafe=" + PlatformDependent.hasUnsafe() + " noCleaner="
                + PlatformDependent.useDirectBufferNoCleaner() + " directPreferred="
                + PlatformDependent.directBufferPreferred());
        if (!PlatformDependent.hasUnsafe()) {
            throw new AssertionError("Netty is not using sun.misc.Unsafe: "
                    + PlatformDependent.getUnsafeUnavailabilityCause());
        }
        Expect expect = new Expect();
        ByteBufAllocator unpooled = new UnpooledByteBufAllocator(true);
        DirectBufferWorkload.run(expect, "unpooled", unpooled);
        DirectBufferWorkload.run(expect, "pooled", new PooledByteBufAllocator(true));
        DirectBufferWorkload.run(expect, "adaptive", new AdaptiveByteBufAllocator(true, true));
        PooledThreadsWorkload.run(expect, new PooledByteBufAllocator(true), 4, 20_000);
        CompositeWorkload.run(expect, unpooled, new PooledByteBufAllocator(true));
        System.out.println("done");
    }
}
