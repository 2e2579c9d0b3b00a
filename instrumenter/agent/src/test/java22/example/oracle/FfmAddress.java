package example.oracle;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;

/** JDK 22+: the address native code sees for a heap array, from a critical downcall that may access the heap. */
public final class FfmAddress {
    private static final MethodHandle MEMCHR;

    static {
        Linker linker = Linker.nativeLinker();
        MEMCHR = linker.downcallHandle(linker.defaultLookup().find("memchr").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT,
                        ValueLayout.JAVA_LONG),
                Linker.Option.critical(true));
    }

    private FfmAddress() {
    }

    /** Address of {@code array[0]}: memchr finds the byte it was asked for at offset 0. */
    public static long of(byte[] array) throws Throwable {
        array[0] = 42;
        MemorySegment hit = (MemorySegment) MEMCHR.invokeExact(MemorySegment.ofArray(array), 42, 1L);
        if (hit.address() == 0) {
            throw new IllegalStateException("memchr found nothing");
        }
        return hit.address();
    }
}
