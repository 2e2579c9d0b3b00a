package io.github.unsafecheck.samples.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.invoke.VarHandle;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * Version skew: the Java side declares version 2 of a C struct, which added a field at its end; the native library
 * still hands out version 1, 8 bytes shorter. The struct's segment is made to the declared size with
 * {@code reinterpret}, as the C API gives no size, and the layout's var handle writes the new field past the real
 * end.
 *
 * <p>Under unsafecheck a layout var handle's write is judged where it lands (its field's offset included), against
 * the block the segment's start lies in: rule {@code overflow}.
 */
public final class LayoutMismatch {
    /** {@code struct options_v2 { int version; int flags; long timeout; long retries; }}: v1 ends after timeout. */
    static final StructLayout OPTIONS_V2 = MemoryLayout.structLayout(JAVA_INT.withName("version"),
            JAVA_INT.withName("flags"), JAVA_LONG.withName("timeout"), JAVA_LONG.withName("retries"));
    static final VarHandle TIMEOUT = OPTIONS_V2.varHandle(groupElement("timeout"));
    static final VarHandle RETRIES = OPTIONS_V2.varHandle(groupElement("retries"));

    public static void main(String[] args) {
        try (Arena library = Arena.ofConfined()) {
            MemorySegment fromLibrary = library.allocate(16);        // what the v1 library allocated
            MemorySegment options = fromLibrary.reinterpret(OPTIONS_V2.byteSize());
            TIMEOUT.set(options, 0L, 30_000L);                     // a v1 field: inside
            RETRIES.set(options, 0L, 3L); // expect: overflow
            System.out.printf("configured %d bytes of options at 0x%x%n", options.byteSize(), options.address());
        }
    }
}
