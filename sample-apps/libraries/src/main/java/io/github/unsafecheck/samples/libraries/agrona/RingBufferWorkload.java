package io.github.unsafecheck.samples.libraries.agrona;

import io.github.unsafecheck.samples.libraries.Expect;
import org.agrona.BitUtil;
import org.agrona.BufferUtil;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.ringbuffer.ManyToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.OneToOneRingBuffer;
import org.agrona.concurrent.ringbuffer.RingBuffer;
import org.agrona.concurrent.ringbuffer.RingBufferDescriptor;

/**
 * Agrona's ring buffers over an aligned direct {@code UnsafeBuffer}, with real threads: a one-to-one buffer fed by
 * one producer, a many-to-one buffer fed by three (half through {@code write}, half through
 * {@code tryClaim}/{@code commit}). The buffer is small, so it wraps thousands of times (padding records included).
 * Every message carries its producer, sequence number and a payload derived from both; the consumer checks each.
 */
final class RingBufferWorkload {
    private static final int CAPACITY = 16 * 1024;
    private static final int MESSAGE_TYPE = 7;

    private RingBufferWorkload() {
    }

    static void run(Expect expect) throws InterruptedException {
        oneToOne(expect, 100_000);
        manyToOne(expect, 3, 40_000);
    }

    private static void oneToOne(Expect expect, int messages) throws InterruptedException {
        RingBuffer ring = new OneToOneRingBuffer(newRingMemory());
        Thread producer = new Thread(() -> produce(ring, 0, messages, false), "agrona-producer-0");
        producer.start();
        long[] next = consume(expect, ring, 1, messages);
        producer.join();
        expect.equal(messages, next[0], "one-to-one: every message arrived in order");
        expect.done("one-to-one-ring-buffer " + messages + " messages");
    }

    private static void manyToOne(Expect expect, int producers, int perProducer) throws InterruptedException {
        RingBuffer ring = new ManyToOneRingBuffer(newRingMemory());
        Thread[] threads = new Thread[producers];
        for (int p = 0; p < producers; p++) {
            int id = p;
            threads[p] = new Thread(() -> produce(ring, id, perProducer, id % 2 == 1), "agrona-producer-" + p);
            threads[p].start();
        }
        long[] next = consume(expect, ring, producers, (long) producers * perProducer);
        for (Thread t : threads) {
            t.join();
        }
        for (int p = 0; p < producers; p++) {
            expect.equal(perProducer, next[p], "many-to-one: producer " + p + " in order");
        }
        expect.done("many-to-one-ring-buffer " + producers + "x" + perProducer + " messages");
    }

    private static UnsafeBuffer newRingMemory() {
        return new UnsafeBuffer(BufferUtil.allocateDirectAligned(CAPACITY + RingBufferDescriptor.TRAILER_LENGTH,
                BitUtil.CACHE_LINE_LENGTH));
    }

    /** Message: int producer, long sequence, then (sequence % 61) payload bytes of (producer + sequence + j). */
    private static void produce(RingBuffer ring, int producer, int messages, boolean claim) {
        UnsafeBuffer scratch = new UnsafeBuffer(new byte[12 + 64]);
        for (long seq = 0; seq < messages; seq++) {
            int payload = (int) (seq % 61);
            int length = 12 + payload;
            if (claim) {
                int index;
                while ((index = ring.tryClaim(MESSAGE_TYPE, length)) <= 0) {
                    Thread.yield(); // more threads than cores on a small CI machine: let the others run
                }
                encode(ring.buffer(), index, producer, seq, payload);
                ring.commit(index);
            } else {
                encode(scratch, 0, producer, seq, payload);
                while (!ring.write(MESSAGE_TYPE, scratch, 0, length)) {
                    Thread.yield();
                }
            }
        }
    }

    private static void encode(MutableDirectBuffer b, int at, int producer, long seq, int payload) {
        b.putInt(at, producer);
        b.putLong(at + 4, seq);
        for (int j = 0; j < payload; j++) {
            b.putByte(at + 12 + j, (byte) (producer + seq + j));
        }
    }

    private static long[] consume(Expect expect, RingBuffer ring, int producers, long total) {
        long[] next = new long[producers];
        long[] received = {0};
        while (received[0] < total) {
            int n = ring.read((type, buffer, index, length) -> {
                expect.equal(MESSAGE_TYPE, type, "message type");
                check(buffer, index, length, next);
                received[0]++;
            });
            if (n == 0) {
                Thread.yield();
            }
        }
        return next;
    }

    private static void check(DirectBuffer b, int at, int length, long[] next) {
        int producer = b.getInt(at);
        long seq = b.getLong(at + 4);
        if (seq != next[producer] || length != 12 + seq % 61) {
            throw new AssertionError("producer " + producer + ": expected message " + next[producer] + ", got " + seq
                    + " of length " + length);
        }
        for (int j = 0; j < length - 12; j++) {
            if (b.getByte(at + 12 + j) != (byte) (producer + seq + j)) {
                throw new AssertionError("producer " + producer + " message " + seq + ": payload byte " + j);
            }
        }
        next[producer]++;
    }
}
