package io.github.unsafecheck.samples.libraries.netty;

import io.github.unsafecheck.samples.libraries.Expect;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One allocator's direct buffers: every typed write, bulk writes from arrays and direct {@code ByteBuffer}s,
 * {@code setZero}, strings, and growth from 16 bytes to 1 MiB (a reallocation each time the writer index passes
 * the capacity), then a buffer of several MiB (unpooled even in a pool). Everything is read back, then released.
 */
final class DirectBufferWorkload {
    private DirectBufferWorkload() {
    }

    static void run(Expect expect, String name, ByteBufAllocator alloc) {
        growth(expect, alloc);
        typedAndBulk(expect, alloc);
        huge(expect, alloc);
        expect.done(name + "-direct-buffers");
    }

    private static void growth(Expect expect, ByteBufAllocator alloc) {
        ByteBuf buf = alloc.directBuffer(16);
        expect.isTrue(buf.isDirect() && buf.hasMemoryAddress(), "a direct buffer with an address: " + buf);
        int capacity = buf.capacity();
        int growths = 0;
        for (int i = 0; i < 128 * 1024; i++) {
            buf.writeLong(Expect.pattern(i));
            if (buf.capacity() != capacity) {
                growths++;
                capacity = buf.capacity();
            }
        }
        expect.isTrue(growths >= 5, "grew " + growths + " times");
        for (int i = 0; i < 128 * 1024; i++) {
            expect.equal(Expect.pattern(i), buf.readLong(), "long " + i);
        }
        expect.isTrue(buf.release(), "released");
    }

    private static void typedAndBulk(Expect expect, ByteBufAllocator alloc) {
        ByteBuf buf = alloc.directBuffer(8192, 8192);
        buf.writeByte(1).writeShort(-2).writeShortLE(3).writeMedium(0x123456).writeInt(-5).writeIntLE(6)
                .writeLong(-7L).writeLongLE(8L).writeChar('c').writeFloat(1.5f).writeDouble(2.25);
        expect.equal(1, buf.readByte(), "byte");
        expect.equal(-2, buf.readShort(), "short");
        expect.equal(3, buf.readShortLE(), "shortLE");
        expect.equal(0x123456, buf.readMedium(), "medium");
        expect.equal(-5, buf.readInt(), "int");
        expect.equal(6, buf.readIntLE(), "intLE");
        expect.equal(-7L, buf.readLong(), "long");
        expect.equal(8L, buf.readLongLE(), "longLE");
        expect.equal('c', buf.readChar(), "char");
        expect.equal(Float.floatToIntBits(1.5f), Float.floatToIntBits(buf.readFloat()), "float");
        expect.equal(Double.doubleToLongBits(2.25), Double.doubleToLongBits(buf.readDouble()), "double");

        buf.clear();
        byte[] bytes = new byte[3000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 13);
        }
        buf.writeBytes(bytes);
        ByteBuffer nio = ByteBuffer.allocateDirect(2000);
        for (int i = 0; i < 2000; i++) {
            nio.put(i, (byte) (i ^ 0x55));
        }
        buf.writeBytes(nio);
        int text = ByteBufUtil.writeUtf8(buf, "zero false alarms ✓");
        buf.writeZero(100);
        buf.setZero(10, 20);
        buf.setBytes(8192 - 16, bytes, 0, 16); // up to the last byte
        expect.equal(3000 + 2000 + text + 100, buf.writerIndex(), "writer index");

        byte[] back = new byte[3000];
        buf.getBytes(0, back);
        for (int i = 0; i < 3000; i++) {
            expect.equal(i >= 10 && i < 30 ? 0 : (byte) (i * 13), back[i], "array bytes " + i);
        }
        for (int i = 0; i < 2000; i++) {
            expect.equal((byte) (i ^ 0x55), buf.getByte(3000 + i), "ByteBuffer bytes " + i);
        }
        expect.equal("zero false alarms ✓", buf.toString(5000, text, StandardCharsets.UTF_8), "utf8");
        expect.equal(bytes[15], buf.getByte(8191), "last byte");
        buf.release();
    }

    private static void huge(Expect expect, ByteBufAllocator alloc) {
        int size = 6 * 1024 * 1024; // above a pool's chunk size: allocated on its own
        ByteBuf buf = alloc.directBuffer(size, size);
        for (int i = 0; i < size; i += 8) {
            buf.setLong(i, Expect.pattern(i));
        }
        for (int i = 0; i < size; i += 4096) {
            expect.equal(Expect.pattern(i), buf.getLong(i), "huge buffer at " + i);
        }
        buf.release();
    }
}
