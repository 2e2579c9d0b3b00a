package io.github.unsafecheck.samples.ffm;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * C's allocator through FFM downcalls, used correctly (expect: none), the good twin of {@link MallocDowncall}:
 * {@code calloc}, {@code realloc} keeping the data, writes up to the last byte, {@code free} once. With
 * {@code strict}, memory from a downcall to {@code malloc} is known memory, not a {@code wild-write}.
 */
public final class MallocFree {
    public static void main(String[] args) throws Throwable {
        Linker linker = Linker.nativeLinker();
        MethodHandle calloc = linker.downcallHandle(linker.defaultLookup().find("calloc").orElseThrow(),
                FunctionDescriptor.of(ADDRESS, JAVA_LONG, JAVA_LONG));
        MethodHandle realloc = linker.downcallHandle(linker.defaultLookup().find("realloc").orElseThrow(),
                FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG));
        MethodHandle free = linker.downcallHandle(linker.defaultLookup().find("free").orElseThrow(),
                FunctionDescriptor.ofVoid(ADDRESS));
        MemorySegment table = ((MemorySegment) calloc.invokeExact(4L, 8L)).reinterpret(32);
        table.set(JAVA_LONG, 24, 42L);
        MemorySegment bigger = ((MemorySegment) realloc.invokeExact(table, 64L)).reinterpret(64);
        bigger.set(JAVA_LONG, 56, bigger.get(JAVA_LONG, 24));
        System.out.println("kept " + bigger.get(JAVA_LONG, 56));
        free.invokeExact(bigger);
    }
}
