package io.github.unsafecheck.instrumenter;

import io.github.unsafecheck.runtime.UnsafeWriteError;
import io.github.unsafecheck.runtime.heap.HeapRanges;
import io.github.unsafecheck.runtime.raw.RawMemory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.function.LongConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Rewrites real classes without an agent (an instrumenting class loader, the JVM's verifier on) and runs them: the
 * hooks are the runtime's, in throw mode.
 */
class ClassInstrumenterTest {
    private static final String SAMPLE = "io.github.unsafecheck.instrumenter.samples.UnsafeSample";
    /** The stores in UnsafeSample (reads are not rewritten; two method references are skipped). */
    private static final int REWRITTEN_SITES = 9;
    private static InstrumentingLoader loader;
    private static Class<?> sample;
    private static final byte[] ARRAY = new byte[64];
    private static long heapAddress;

    @BeforeAll
    static void load() throws Exception {
        loader = new InstrumentingLoader("io.github.unsafecheck.instrumenter.samples.");
        sample = loader.loadClass(SAMPLE);
        heapAddress = HeapRanges.layout().addressOf(ARRAY);
    }

    private static Object call(String name, Object... args) throws Throwable {
        for (Method m : sample.getMethods()) {
            if (m.getName().equals(name)) {
                try {
                    return m.invoke(null, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        }
        throw new NoSuchMethodException(name);
    }

    @Test
    void nativeStoresStillHappen() throws Throwable {
        long slot = RawMemory.allocate(16);
        long other = RawMemory.allocate(16);
        assertEquals(other, call("putAddress", slot, other));
        call("putLongNullBase", slot, 77L);
        assertEquals(77L, RawMemory.getLong(slot));
        assertEquals(true, call("cas", slot, 77L, 78L));
        assertEquals(78L, call("getAndSet", slot, 79L));
        assertEquals(79L, RawMemory.getLong(slot));
        assertEquals(3 + 5 + 1 + 9L, call("manyLocals", slot, 9L, 3, 5.0, "c"));
        Object[] refs = {"a"};
        assertEquals("a", call("getAndSetObject", refs, "b"));
        assertEquals(true, call("casObject", refs, "b", "c"));
        assertEquals("c", refs[0]);
    }

    @Test
    void heapPointersAreStoppedBeforeTheWrite() throws Throwable {
        long slot = RawMemory.allocate(16);
        RawMemory.putLong(slot, 5);
        for (String m : new String[] {"putAddress", "putLongNullBase", "getAndSet", "inLambda"}) {
            UnsafeWriteError e = assertThrows(UnsafeWriteError.class, () -> call(m, slot, heapAddress), m);
            assertEquals("heap-pointer", e.rule());
            assertEquals(slot, e.destination());
            assertEquals(5, RawMemory.getLong(slot), m + " must not have written");
        }
        UnsafeWriteError cas = assertThrows(UnsafeWriteError.class, () -> call("cas", slot, 5L, heapAddress));
        assertTrue(cas.site().startsWith(SAMPLE + ".cas(UnsafeSample.java:"), cas.site());
        assertEquals(SAMPLE, cas.getStackTrace()[0].getClassName(), "the error's stack starts at the call site");
        UnsafeWriteError ref = assertThrows(UnsafeWriteError.class, () -> call("putObject", slot, ARRAY));
        assertEquals("heap-reference", ref.rule());
        assertEquals(5, RawMemory.getLong(slot));
    }

    @Test
    void coverageListsRewrittenAndSkippedSites() throws Throwable {
        ClassCoverage c = ClassInstrumenter.standard().instrument(SAMPLE, InstrumentingLoader.bytesOf(SAMPLE))
                .coverage();
        assertNotNull(c);
        assertNull(c.failure());
        assertEquals(REWRITTEN_SITES, c.rewrittenCount(), c.sites().toString());
        List<CallSite> skipped = c.sites().stream().filter(s -> !s.rewritten()).toList();
        assertEquals(2, skipped.size(), "U::freeMemory and U::putAddress are method references");
        assertEquals(List.of("sun.misc.Unsafe.freeMemory(J)V", "sun.misc.Unsafe.putAddress(JJ)V"),
                skipped.stream().map(CallSite::target).toList());
        assertEquals("method reference (invokedynamic) runs unchecked", skipped.get(0).skipReason());
        assertTrue(skipped.get(0).line() > 0);
        assertInstanceOf(LongConsumer.class, call("freeReference"));
    }

    @Test
    void classesThatNeverNameUnsafeAreNotEvenParsed() {
        ClassInstrumenter.Result r = ClassInstrumenter.standard().instrument("NoUnsafe",
                InstrumentingLoader.bytesOf("io.github.unsafecheck.instrumenter.samples.NoUnsafe"));
        assertNull(r.bytes());
        assertNull(r.coverage());
    }

    @Test
    void aClassThatCannotBeRewrittenStaysUnchangedAndSaysWhy() {
        byte[] huge = hugeMethodWithAStore();
        ClassInstrumenter.Result r = ClassInstrumenter.standard().instrument("Huge", huge);
        assertNull(r.bytes() == null ? null : "rewritten to " + r.bytes().length + " bytes", "unchanged");
        assertNotNull(r.coverage().failure());
        assertTrue(r.coverage().failure().contains("MethodTooLarge"), r.coverage().failure());
        assertEquals(1, r.coverage().skippedCount());
        assertTrue(r.coverage().sites().get(0).skipReason().startsWith("class left unchanged: "));
    }

    @Test
    void aClassFileTooNewForAsmStaysUnchangedAndSaysWhy() {
        byte[] b = InstrumentingLoader.bytesOf(SAMPLE).clone();
        b[6] = 0;
        b[7] = (byte) 200; // major version 200
        ClassInstrumenter.Result r = ClassInstrumenter.standard().instrument(SAMPLE, b);
        assertNull(r.bytes() == null ? null : "rewritten");
        assertTrue(r.coverage().failure().contains("Unsupported class file"),
                r.coverage().failure());
    }

    @Test
    void rewrittenClassesPassTheVerifierWithTheirFramesUntouched() throws Exception {
        // Loading through the instrumenting loader ran the verifier (application classes are verified); a second,
        // independent load makes sure the result is stable.
        InstrumentingLoader again = new InstrumentingLoader("io.github.unsafecheck.instrumenter.samples.");
        Class<?> c = again.loadClass(SAMPLE);
        assertSame(again, c.getClassLoader());
        assertEquals(REWRITTEN_SITES, again.coverage.rewritten());
    }

    /** A method 15 bytes under 64 KiB with one putAddress call: the rewrite pushes it over the limit. */
    private static byte[] hugeMethodWithAStore() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "Huge", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "big",
                "(Lsun/misc/Unsafe;JJ)V", null, null);
        mv.visitCode();
        for (int i = 0; i < 65_520; i++) {
            mv.visitInsn(Opcodes.NOP);
        }
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitVarInsn(Opcodes.LLOAD, 1);
        mv.visitVarInsn(Opcodes.LLOAD, 3);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "sun/misc/Unsafe", "putAddress", "(JJ)V", false);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
