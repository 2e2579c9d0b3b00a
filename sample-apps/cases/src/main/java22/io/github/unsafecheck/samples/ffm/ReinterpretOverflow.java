package io.github.unsafecheck.samples.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * {@code reinterpret} believes what it is told. A message header of 16 bytes carries a length field; the code
 * reinterprets the header's segment with that length to reach the payload, but no payload was ever allocated. FFM
 * checks the write against the new size, which is wrong; the memory after the 16 bytes belongs to someone else.
 *
 * <p>Under unsafecheck a write through a native segment is judged against the block holding the segment's start,
 * however the segment was made: rule {@code overflow}.
 */
public final class ReinterpretOverflow {
    public static void main(String[] args) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment header = arena.allocate(16);          // struct header { long length; long checksum; }
            header.set(JAVA_LONG, 0, 4096);                      // a length that describes more than exists
            MemorySegment message = header.reinterpret(header.get(JAVA_LONG, 0));
            message.set(JAVA_LONG, 512, 42L); // expect: overflow
            System.out.printf("wrote the payload's first field at 0x%x%n", message.address() + 512);
        }
    }
}
