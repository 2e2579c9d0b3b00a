package io.github.unsafecheck.samples.ffm;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * C habits ported to FFM: {@code malloc} and {@code free} called through downcalls, the result handled as a raw
 * address. A 24-byte record gets an 8-byte trailer right after it — through a segment made from the raw address,
 * which FFM sizes as the program says (32 bytes: the record and the trailer it forgot to allocate) — and then, on an
 * error path that logs the failed write and goes on, the record is freed twice. Plain FFM catches neither: the
 * segment's bounds are the program's claim, and the second {@code free} aborts the JVM in glibc
 * ({@code free(): double free detected in tcache 2}).
 *
 * <p>Under unsafecheck a downcall bound to C's allocator is wrapped: its blocks are tracked like
 * {@code allocateMemory}'s, rules {@code overflow} and {@code double-free} (which never reaches glibc).
 */
public final class MallocDowncall {
    public static void main(String[] args) throws Throwable {
        Linker linker = Linker.nativeLinker();
        MethodHandle malloc = linker.downcallHandle(linker.defaultLookup().find("malloc").orElseThrow(),
                FunctionDescriptor.of(JAVA_LONG, JAVA_LONG));
        MethodHandle free = linker.downcallHandle(linker.defaultLookup().find("free").orElseThrow(),
                FunctionDescriptor.ofVoid(ADDRESS));
        long record = (long) malloc.invokeExact(24L);
        MemorySegment raw = MemorySegment.ofAddress(record).reinterpret(32);
        raw.set(JAVA_LONG, 16, 1L);
        try {
            raw.set(JAVA_LONG, 24, 0xCAFEL); // expect: overflow
        } catch (Error stopped) {
            System.out.println("the trailer write failed: " + stopped.getMessage().lines().findFirst().orElse(""));
        }
        free.invokeExact(MemorySegment.ofAddress(record));
        free.invokeExact(MemorySegment.ofAddress(record)); // expect: double-free
        System.out.println("freed twice, and still running");
    }
}
