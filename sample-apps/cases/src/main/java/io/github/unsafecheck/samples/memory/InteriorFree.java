package io.github.unsafecheck.samples.memory;

import static io.github.unsafecheck.samples.support.Unsafes.U;

/**
 * An invalid free: a message buffer starts with an 8-byte length header, and the code hands out the address of the
 * payload after it. The consumer frees what it was given, a pointer malloc never returned: glibc aborts ("free():
 * invalid pointer"), or with a lucky header, frees a bogus chunk and corrupts its heap.
 *
 * <p>Under unsafecheck a free of an address inside a block, not at its start, is stopped before it reaches malloc:
 * rule {@code invalid-free}.
 */
public final class InteriorFree {
    private static final long HEADER = 8;

    public static void main(String[] args) {
        long message = U.allocateMemory(HEADER + 56);
        U.putLong(message, 56);                   // the length header
        long payload = message + HEADER;          // what the consumer gets
        U.setMemory(payload, 56, (byte) 'm');
        consume(payload);
        U.freeMemory(message);                    // the producer's free: the right address
        System.out.println("the message was freed once, at the address malloc returned");
    }

    private static void consume(long payload) {
        System.out.printf("consumed a payload at 0x%x%n", payload);
        U.freeMemory(payload); // expect: invalid-free
    }
}
