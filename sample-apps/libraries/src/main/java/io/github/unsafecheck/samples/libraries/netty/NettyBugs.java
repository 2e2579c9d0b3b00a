package io.github.unsafecheck.samples.libraries.netty;

import io.github.unsafecheck.samples.libraries.BadWrite;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.internal.PlatformDependent;

/**
 * A bug planted in the use of Netty: an unpooled direct buffer written after {@code release()}. Netty stops that
 * itself ({@code IllegalReferenceCountException}) unless {@code -Dio.netty.buffer.checkAccessible=false}, a documented
 * setting that high-throughput servers use to skip the reference-count check on every access; run so, the write
 * goes through Unsafe into memory that was freed ({@code use-after-free}). Netty's pooled buffers do not free on
 * release — their memory stays in the pool's chunk — so this is a bug the checker can see only on unpooled ones.
 */
public final class NettyBugs {
    static final long MARK = 0x0BADF00DDEADBEEFL;

    private NettyBugs() {
    }

    public static void main(String[] args) {
        System.out.println("netty hasUnsafe=" + PlatformDependent.hasUnsafe() + " noCleaner="
                + PlatformDependent.useDirectBufferNoCleaner());
        ByteBuf buf = new UnpooledByteBufAllocator(true).directBuffer(256);
        buf.writeLong(1L);
        buf.release(); // frees the memory: the buffer's last reference is gone
        BadWrite.attempt(() -> buf.setLong(128, MARK)); // the planted use-after-free
    }
}
