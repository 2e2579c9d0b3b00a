package io.github.unsafecheck.samples.pointer;

import static io.github.unsafecheck.samples.support.Unsafes.U;

/**
 * Correct off-heap code: a linked list in native memory, each node {@code { long value; Node *next; }}. Native
 * pointers in native memory are exactly what native memory is for: unsafecheck stays silent (expect: none).
 */
public final class NativeLinkedList {
    public static void main(String[] args) {
        long head = 0;
        for (long v = 1; v <= 1_000; v++) {
            long node = U.allocateMemory(16);
            U.putLong(node, v);
            U.putAddress(node + 8, head);
            head = node;
        }
        long sum = 0;
        int count = 0;
        for (long node = head; node != 0; ) {
            sum += U.getLong(node);
            count++;
            long next = U.getAddress(node + 8);
            U.freeMemory(node);
            node = next;
        }
        System.out.printf("built, walked and freed a native list of %d nodes; sum of values = %d%n", count, sum);
    }
}
