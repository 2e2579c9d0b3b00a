package io.github.unsafecheck.samples.libraries.agrona;

import io.github.unsafecheck.samples.libraries.Expect;
import org.agrona.BufferUtil;
import org.agrona.concurrent.UnsafeBuffer;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * {@code UnsafeBuffer} over direct buffers — plain, aligned (Aeron's way) and wrapped by raw address — with every
 * kind of write Agrona makes through Unsafe: typed puts in both byte orders, strings, bulk copies between direct
 * buffers and from arrays, {@code setMemory}, and the atomic and ordered operations. Everything is read back.
 */
final class UnsafeBufferWorkload {
    private static final int CAPACITY = 64 * 1024;

    private UnsafeBufferWorkload() {
    }

    static void run(Expect expect) {
        UnsafeBuffer plain = new UnsafeBuffer(ByteBuffer.allocateDirect(CAPACITY));
        UnsafeBuffer aligned = new UnsafeBuffer(BufferUtil.allocateDirectAligned(CAPACITY, 64));
        expect.equal(0L, aligned.addressOffset() & 63, "allocateDirectAligned aligns the address");

        typedPuts(expect, plain);
        typedPuts(expect, aligned);
        bulk(expect, plain, aligned);
        atomics(expect, aligned);

        // wrap(address, length): the form Aeron uses over memory it got elsewhere; here, the aligned buffer's.
        UnsafeBuffer byAddress = new UnsafeBuffer(aligned.addressOffset(), CAPACITY);
        byAddress.putLong(CAPACITY - 8, 77L);
        expect.equal(77L, aligned.getLong(CAPACITY - 8), "a write by address is seen through the wrapped buffer");

        // A heap UnsafeBuffer: the same code, a byte[] base (heap memory, nothing to check).
        UnsafeBuffer heap = new UnsafeBuffer(new byte[256]);
        heap.putLong(8, -3L);
        expect.equal(-3L, heap.getLong(8), "heap UnsafeBuffer");
        expect.done("unsafe-buffer");
    }

    private static void typedPuts(Expect expect, UnsafeBuffer b) {
        for (int i = 0; i + 8 <= CAPACITY; i += 8) {
            b.putLong(i, Expect.pattern(i));
        }
        for (int i = 0; i + 8 <= CAPACITY; i += 8) {
            expect.equal(Expect.pattern(i), b.getLong(i), "putLong at " + i);
        }
        for (int i = 0; i + 4 <= 4096; i += 4) {
            b.putInt(i, i * 31, ByteOrder.BIG_ENDIAN);
        }
        for (int i = 0; i + 4 <= 4096; i += 4) {
            expect.equal(i * 31, b.getInt(i, ByteOrder.BIG_ENDIAN), "big-endian putInt at " + i);
        }
        b.putShort(4096, (short) -2);
        b.putChar(4098, 'x');
        b.putByte(4100, (byte) 7);
        b.putDouble(4104, Math.PI);
        b.putFloat(4112, 2.5f);
        expect.equal(-2, b.getShort(4096), "putShort");
        expect.equal('x', b.getChar(4098), "putChar");
        expect.equal(7, b.getByte(4100), "putByte");
        expect.equal(Double.doubleToLongBits(Math.PI), Double.doubleToLongBits(b.getDouble(4104)), "putDouble");
        expect.equal(Float.floatToIntBits(2.5f), Float.floatToIntBits(b.getFloat(4112)), "putFloat");

        int written = b.putStringAscii(5000, "unsafecheck agrona");
        expect.equal("unsafecheck agrona", b.getStringAscii(5000), "putStringAscii");
        int utf8 = b.putStringUtf8(5000 + written, "zero false alarms ✓");
        expect.equal("zero false alarms ✓", b.getStringUtf8(5000 + written), "putStringUtf8");
        expect.equal(4 + "zero false alarms ✓".getBytes(StandardCharsets.UTF_8).length, utf8, "UTF-8 length");
        // The last byte of the buffer, exactly at its end: a write that must be allowed.
        b.putByte(CAPACITY - 1, (byte) 0x11);
        expect.equal(0x11, b.getByte(CAPACITY - 1), "last byte");
    }

    private static void bulk(Expect expect, UnsafeBuffer a, UnsafeBuffer b) {
        byte[] bytes = new byte[10_000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7);
        }
        a.putBytes(100, bytes);
        b.putBytes(CAPACITY - bytes.length, a, 100, bytes.length); // direct to direct, up to b's last byte
        byte[] back = new byte[bytes.length];
        b.getBytes(CAPACITY - bytes.length, back);
        expect.isTrue(java.util.Arrays.equals(bytes, back), "putBytes direct → direct");

        ByteBuffer src = ByteBuffer.allocateDirect(512);
        for (int i = 0; i < 512; i++) {
            src.put(i, (byte) (255 - i));
        }
        a.putBytes(20_000, src, 0, 512); // from a ByteBuffer
        expect.equal((byte) 0, a.getByte(20_000 + 255), "putBytes from a ByteBuffer");

        a.setMemory(30_000, 20_000, (byte) 0x5A);
        expect.equal(0x5A5A5A5A5A5A5A5AL, a.getLong(30_000), "setMemory start");
        expect.equal(0x5A5A5A5A5A5A5A5AL, a.getLong(30_000 + 20_000 - 8), "setMemory end");
        expect.equal(Expect.pattern(30_000 + 20_000), a.getLong(30_000 + 20_000), "setMemory stops at its end");
    }

    private static void atomics(Expect expect, UnsafeBuffer b) {
        b.putLongVolatile(0, 1L);
        expect.isTrue(b.compareAndSetLong(0, 1L, 2L), "compareAndSetLong");
        expect.equal(2L, b.getAndAddLong(0, 40L), "getAndAddLong");
        expect.equal(42L, b.getLongVolatile(0), "after getAndAddLong");
        b.putLongOrdered(8, 5L);
        expect.equal(5L, b.addLongOrdered(8, 1L), "addLongOrdered");
        expect.equal(6L, b.getAndSetLong(8, 9L), "getAndSetLong");
        b.putIntVolatile(16, 3);
        expect.isTrue(b.compareAndSetInt(16, 3, 4), "compareAndSetInt");
        expect.equal(4, b.getAndAddInt(16, 1), "getAndAddInt");
        b.putIntOrdered(20, 8);
        expect.equal(8, b.addIntOrdered(20, 2), "addIntOrdered");
        expect.equal(10, b.getAndSetInt(20, 0), "getAndSetInt");
        b.putShortVolatile(24, (short) 12);
        b.putByteVolatile(26, (byte) 13);
        expect.equal(12, b.getShortVolatile(24), "putShortVolatile");
        expect.equal(13, b.getByteVolatile(26), "putByteVolatile");
    }
}
