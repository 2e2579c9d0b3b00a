package io.github.unsafecheck.samples.libraries.agrona;

import io.github.unsafecheck.samples.libraries.Expect;
import org.agrona.ExpandableDirectByteBuffer;

/**
 * {@code ExpandableDirectByteBuffer} growing from 64 bytes to about 1 MiB, one record at a time: each growth
 * allocates a new direct buffer and copies the old one over with Unsafe. Then a GC frees the outgrown buffers
 * through their cleaners (into the checker's quarantine) while writing goes on in the new one — a write through a
 * stale address would now be a use-after-free.
 */
final class ExpandableWorkload {
    private static final int RECORDS = 40_000;
    private static final int RECORD = 24; // long sequence, int length, then an ASCII string padded to 24 bytes

    private ExpandableWorkload() {
    }

    static void run(Expect expect) {
        ExpandableDirectByteBuffer buffer = new ExpandableDirectByteBuffer(64);
        int growths = 0;
        int capacity = buffer.capacity();
        for (int i = 0; i < RECORDS; i++) {
            int at = i * RECORD;
            buffer.putLong(at, Expect.pattern(i));
            buffer.putStringWithoutLengthAscii(at + 8, label(i));
            if (buffer.capacity() != capacity) {
                growths++;
                capacity = buffer.capacity();
            }
        }
        expect.isTrue(growths >= 10, "the buffer grew " + growths + " times");
        verify(expect, buffer);

        System.gc(); // the outgrown buffers' cleaners free them now (or soon): the checker quarantines them
        byte[] tail = new byte[100_000];
        java.util.Arrays.fill(tail, (byte) 0x3C);
        int end = RECORDS * RECORD;
        buffer.putBytes(end, tail); // grows once more
        expect.equal(0x3C3C3C3C3C3C3C3CL, buffer.getLong(end + tail.length - 8), "bulk write after GC");
        verify(expect, buffer);
        expect.done("expandable-direct-buffer grew " + growths + " times to " + buffer.capacity());
    }

    private static void verify(Expect expect, ExpandableDirectByteBuffer buffer) {
        for (int i = 0; i < RECORDS; i++) {
            int at = i * RECORD;
            expect.equal(Expect.pattern(i), buffer.getLong(at), "record " + i);
            if (i % 97 == 0) {
                expect.equal(label(i), buffer.getStringWithoutLengthAscii(at + 8, RECORD - 8), "label " + i);
            }
        }
    }

    private static String label(int i) {
        String s = "rec-" + i;
        return s + "................".substring(0, RECORD - 8 - s.length());
    }
}
