package io.github.unsafecheck.samples.libraries.netty;

import io.github.unsafecheck.samples.libraries.Expect;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.CompositeByteBuf;

/**
 * Composite buffers over direct components from two allocators: copies (component by component into one new
 * direct buffer), {@code getBytes} into a direct buffer and writing the composite into another, then
 * {@code consolidate} (one new component, the old ones released). Checked byte by byte.
 */
final class CompositeWorkload {
    private static final int COMPONENTS = 40;

    private CompositeWorkload() {
    }

    static void run(Expect expect, ByteBufAllocator unpooled, ByteBufAllocator pooled) {
        CompositeByteBuf composite = unpooled.compositeDirectBuffer(COMPONENTS);
        int total = 0;
        for (int c = 0; c < COMPONENTS; c++) {
            ByteBufAllocator alloc = c % 2 == 0 ? unpooled : pooled;
            int size = 100 + c * 37;
            ByteBuf part = alloc.directBuffer(size);
            for (int i = 0; i < size; i++) {
                part.writeByte(value(total + i));
            }
            composite.addComponent(true, part);
            total += size;
        }
        expect.equal(total, composite.readableBytes(), "composite length");

        ByteBuf copy = composite.copy();
        expect.isTrue(copy.isDirect(), "copy is direct");
        ByteBuf target = pooled.directBuffer(total + 64);
        target.writeLong(-1L);
        target.writeBytes(composite, composite.readerIndex(), total);
        ByteBuf got = unpooled.directBuffer(total);
        composite.getBytes(0, got, 0, total);
        got.writerIndex(total);
        for (int i = 0; i < total; i++) {
            expect.equal(value(i), copy.getByte(i), "copy " + i);
            expect.equal(value(i), target.getByte(8 + i), "writeBytes " + i);
            expect.equal(value(i), got.getByte(i), "getBytes " + i);
        }

        composite.consolidate();
        expect.equal(1, composite.numComponents(), "consolidated");
        for (int i = 0; i < total; i += 7) {
            expect.equal(value(i), composite.getByte(i), "consolidated " + i);
        }
        composite.release();
        copy.release();
        target.release();
        got.release();
        expect.done("composite " + COMPONENTS + " components, " + total + " bytes");
    }

    private static byte value(int i) {
        return (byte) (i * 31 + (i >>> 8));
    }
}
