package io.github.unsafecheck.samples.ffm;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * A heap pointer without a line of Unsafe. A tokenizer calls {@code memchr} through a critical downcall that may
 * read a Java array in place ({@code Linker.Option.critical(true)}: no copy), and memchr returns a pointer into the
 * array. The tokenizer stores it into a native token struct, where it goes stale at the next collection that moves
 * the array.
 *
 * <p>Under unsafecheck a {@code MemorySegment} store of an {@code ADDRESS} is checked like {@code putAddress}: rule
 * {@code heap-pointer}.
 */
public final class MemchrPointer {
    private static final MethodHandle MEMCHR;

    static {
        Linker linker = Linker.nativeLinker();
        MEMCHR = linker.downcallHandle(linker.defaultLookup().find("memchr").orElseThrow(),
                FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_INT, JAVA_LONG), Linker.Option.critical(true));
    }

    public static void main(String[] args) throws Throwable {
        byte[] line = "user=alice".getBytes(StandardCharsets.US_ASCII);
        MemorySegment separator = (MemorySegment) MEMCHR.invokeExact(MemorySegment.ofArray(line), (int) '=',
                (long) line.length);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment token = arena.allocate(ADDRESS, 2);   // struct token { const char *key; const char *value; }
            token.set(ADDRESS, ADDRESS.byteSize(), separator); // expect: heap-pointer
            System.out.printf("token at 0x%x points into the Java array at 0x%x%n", token.address(),
                    separator.address());
        }
    }
}
