package io.github.unsafecheck.runtime.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code track} entry grammar, and the check of an entry against a class's methods. */
class TrackedFunctionTest {
    /** LWJGL 3.3.6's MemoryUtil, as far as these entries care. */
    private static final List<String> MEMORY_UTIL = List.of("nmemAlloc(J)J", "nmemAllocChecked(J)J",
            "nmemCalloc(JJ)J", "nmemRealloc(JJ)J", "nmemAlignedAlloc(JJ)J", "nmemFree(J)V", "nmemAlignedFree(J)V",
            "memAlloc(I)Ljava/nio/ByteBuffer;", "memFree(Ljava/nio/Buffer;)V", "memFree(Ljava/nio/ByteBuffer;)V");

    private static TrackedFunction resolve(String entry, List<String> methods) {
        return TrackedFunction.parse(entry).resolve(methods);
    }

    @Test
    void parsesEveryPart() {
        TrackedFunction f = TrackedFunction.parse("com.example.Pool#take(Ljava/lang/String;J)J=alloc@1");
        assertEquals("com.example.Pool", f.className());
        assertEquals("take", f.methodName());
        assertEquals("(Ljava/lang/String;J)J", f.descriptor());
        assertEquals(TrackedFunction.Role.ALLOC, f.role());
        assertArrayEquals(new int[] {1}, f.indexes());
        assertEquals("Pool.take", f.shortName());
        TrackedFunction bare = TrackedFunction.parse("com.example.Pool$Inner#release=free");
        assertNull(bare.descriptor());
        assertNull(bare.indexes());
        assertFalse(bare.isResolved());
    }

    @Test
    void rolesAreReadOffTheSignature() {
        TrackedFunction alloc = resolve("org.lwjgl.system.MemoryUtil#nmemAlloc=alloc", MEMORY_UTIL);
        assertEquals("org.lwjgl.system.MemoryUtil#nmemAlloc(J)J=alloc@0", alloc.spec());
        assertTrue(alloc.isResolved());
        assertEquals(0, alloc.index("size"));
        TrackedFunction calloc = resolve("org.lwjgl.system.MemoryUtil#nmemCalloc=calloc", MEMORY_UTIL);
        assertEquals(0, calloc.index("count"));
        assertEquals(1, calloc.index("size"));
        TrackedFunction realloc = resolve("org.lwjgl.system.MemoryUtil#nmemRealloc(JJ)=realloc", MEMORY_UTIL);
        assertEquals("org.lwjgl.system.MemoryUtil#nmemRealloc(JJ)J=realloc@0@1", realloc.spec());
        TrackedFunction aligned = resolve("org.lwjgl.system.MemoryUtil#nmemAlignedAlloc=aligned-alloc", MEMORY_UTIL);
        assertEquals(1, aligned.index("size"));
        assertEquals(0, aligned.index("alignment"));
        assertEquals(0, resolve("org.lwjgl.system.MemoryUtil#nmemFree=free", MEMORY_UTIL).index("pointer"));
        TrackedFunction spec = TrackedFunction.parse(alloc.spec());
        assertEquals(alloc, spec, "the canonical text reads back as the same entry");
        assertTrue(spec.isResolved());
    }

    @Test
    void explicitIndexesPickTheParameters() {
        List<String> pool = List.of("take(Ljava/lang/String;IJ)J", "give(Ljava/lang/Object;J)V");
        TrackedFunction take = resolve("com.example.Pool#take=alloc@1", pool);
        assertEquals(1, take.index("size"));
        assertEquals(List.of("Ljava/lang/String;", "I", "J"), take.parameterTypes());
        assertEquals(1, resolve("com.example.Pool#give=free", pool).index("pointer"),
                "the one long parameter is the pointer");
    }

    @Test
    void whatDoesNotFitIsNamed() {
        assertEquals("'org.lwjgl.system.MemoryUtil#nmemMalloc=alloc': org.lwjgl.system.MemoryUtil has no method "
                + "nmemMalloc", message("org.lwjgl.system.MemoryUtil#nmemMalloc=alloc", MEMORY_UTIL));
        assertTrue(message("org.lwjgl.system.MemoryUtil#memFree=free", MEMORY_UTIL).contains(
                "memFree is overloaded: give its descriptor, one of (Ljava/nio/Buffer;)V, (Ljava/nio/ByteBuffer;)V"));
        assertTrue(message("org.lwjgl.system.MemoryUtil#nmemFree=alloc", MEMORY_UTIL).contains(
                "alloc needs a method that returns the address as a long; nmemFree(J)V returns void"));
        assertTrue(message("org.lwjgl.system.MemoryUtil#memAlloc=alloc", MEMORY_UTIL).contains(
                "returns java.nio.ByteBuffer"));
        assertTrue(message("org.lwjgl.system.MemoryUtil#nmemCalloc=alloc", MEMORY_UTIL).contains(
                "nmemCalloc(JJ)J has 2 int or long parameters; say which is which: alloc@<size>"));
        assertTrue(message("org.lwjgl.system.MemoryUtil#nmemAlloc=alloc@1", MEMORY_UTIL).contains(
                "parameter 1 (size) does not exist: nmemAlloc(J)J has 1 parameter"));
        assertTrue(message("com.example.Pool#give=free@0", List.of("give(Ljava/lang/Object;J)V")).contains(
                "parameter 0 of give(Ljava/lang/Object;J)V is java.lang.Object, but the pointer must be a long address"));
        assertTrue(message("org.lwjgl.system.MemoryUtil#nmemCalloc=calloc@1@1", MEMORY_UTIL).contains(
                "parameter 1 cannot be both count and size"));
        assertTrue(message("org.lwjgl.system.MemoryUtil#nmemAlloc(I)=alloc", MEMORY_UTIL).contains(
                "has no method nmemAlloc(I); it has nmemAlloc(J)J"));
    }

    private static String message(String entry, List<String> methods) {
        return assertThrows(OptionException.class, () -> resolve(entry, methods)).getMessage();
    }
}
