package io.github.unsafecheck.samples.pointer;

import java.nio.charset.StandardCharsets;

import static io.github.unsafecheck.samples.support.Unsafes.U;
import static io.github.unsafecheck.samples.support.Unsafes.addressOf;

/**
 * A C library keeps a pointer to a Java byte[] in one of its structs. The garbage collector moves the array — it
 * cannot know native memory points at it — and the pointer goes stale: what it now points to is someone else's
 * data. Nothing crashes; the data is just wrong.
 *
 * <p>Under unsafecheck the store of the heap address into native memory is stopped: rule {@code heap-pointer}.
 */
public final class StaleHeapPointer {
    public static void main(String[] args) {
        byte[] message = "hello, native world".getBytes(StandardCharsets.US_ASCII);
        long struct = U.allocateMemory(16);           // struct { char *data; long length; }
        long address = addressOf(message) + U.arrayBaseOffset(byte[].class);
        U.putAddress(struct, address); // expect: heap-pointer
        U.putLong(struct + 8, message.length);
        System.out.printf("stored the array's address 0x%x into native memory at 0x%x%n", address, struct);

        for (int i = 0; i < 4_000_000; i++) {         // young collections move the array out of eden,
            byte[] filler = new byte[40];              // and new objects take its old place
            java.util.Arrays.fill(filler, (byte) 'X');
            sink = filler;
        }
        long now = addressOf(message) + U.arrayBaseOffset(byte[].class);
        long stored = U.getAddress(struct);
        byte[] seen = new byte[(int) U.getLong(struct + 8)];
        for (int i = 0; i < seen.length; i++) {
            seen[i] = U.getByte(stored + i);          // what native code reading the struct would see
        }
        System.out.printf("the array now lives at 0x%x; native memory still says 0x%x%n", now, stored);
        System.out.printf("reading through the stored pointer: \"%s\" (the array holds \"%s\")%n",
                printable(seen), new String(message, StandardCharsets.US_ASCII));
    }

    static volatile Object sink;

    private static String printable(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(x >= 32 && x < 127 ? (char) x : '.');
        }
        return sb.toString();
    }
}
