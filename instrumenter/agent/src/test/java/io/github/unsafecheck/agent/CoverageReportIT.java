package io.github.unsafecheck.agent;

import io.github.unsafecheck.testing.BuiltArtifacts;
import io.github.unsafecheck.testing.ForkedJvm;
import io.github.unsafecheck.testing.Jdks;
import io.github.unsafecheck.testing.JsonLines;
import io.github.unsafecheck.testing.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the checker could not see is visible: the coverage report lists skipped sites and failed classes. */
class CoverageReportIT {
    @TempDir
    Path dir;

    @Test
    void methodReferencesAreListedAsUnchecked() {
        Path coverage = dir.resolve("coverage.jsonl");
        RunResult r = ForkedJvm.on(Jdks.current()).agent(BuiltArtifacts.agentJar(), "coverage=" + coverage)
                .classpath(Programs.CLASSES).main("example.pointer.MethodReferenceProgram").run();
        assertEquals(0, r.exitCode(), r::toString);
        List<Map<String, Object>> lines = JsonLines.read(coverage);
        Map<String, Object> program = find(lines, "example.pointer.MethodReferenceProgram");
        assertEquals(2L, program.get("rewritten"), program::toString); // allocateMemory and the direct putAddress
        assertEquals(1L, program.get("skipped"), program::toString);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sites = (List<Map<String, Object>>) program.get("sites");
        Map<String, Object> skipped = sites.stream().filter(s -> s.get("rewritten").equals(false)).findFirst()
                .orElseThrow();
        assertEquals("sun.misc.Unsafe.putAddress(JJ)V", skipped.get("target"));
        assertEquals("method reference (invokedynamic) runs unchecked", skipped.get("reason"));
        assertEquals((long) Programs.lineOf("example.pointer.MethodReferenceProgram", "U::putAddress"),
                skipped.get("line"));
        Map<String, Object> summary = lines.get(lines.size() - 1);
        assertNotNull(summary.get("summary"), lines::toString);
    }

    @Test
    void aClassThatFailsToTransformRunsUnchangedAndSaysWhyOnce() throws Exception {
        Files.write(dir.resolve("Huge.class"), hugeClass());
        Path coverage = dir.resolve("coverage.jsonl");
        RunResult r = ForkedJvm.on(Jdks.current()).agent(BuiltArtifacts.agentJar(), "coverage=" + coverage)
                .classpath(dir, Programs.CLASSES).main("Huge").run();
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.stdout().contains("huge ran"), r::toString);
        assertTrue(r.stderr().contains("unsafecheck: could not instrument Huge (MethodTooLargeException"),
                r::toString);
        assertTrue(r.stderr().contains("its 2 Unsafe call site(s) run unchecked"), r::toString);
        Map<String, Object> huge = find(JsonLines.read(coverage), "Huge");
        assertTrue(((String) huge.get("failure")).startsWith("MethodTooLargeException"), huge::toString);
        assertEquals(2L, huge.get("skipped")); // allocateMemory and putAddress
    }

    private static Map<String, Object> find(List<Map<String, Object>> lines, String className) {
        return lines.stream().filter(l -> className.equals(l.get("class"))).findFirst()
                .orElseThrow(() -> new AssertionError(className + " not in " + lines));
    }

    /** {@code Huge.main}: 65,500 NOPs, then a native→native putAddress — rewriting it would pass 64 KiB. */
    private static byte[] hugeClass() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC, "Huge", null, "java/lang/Object", null);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "main", "([Ljava/lang/String;)V",
                null, null);
        mv.visitCode();
        for (int i = 0; i < 65_500; i++) {
            mv.visitInsn(Opcodes.NOP);
        }
        mv.visitFieldInsn(Opcodes.GETSTATIC, "example/support/Unsafes", "U", "Lsun/misc/Unsafe;");
        mv.visitInsn(Opcodes.DUP);
        mv.visitLdcInsn(16L);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "sun/misc/Unsafe", "allocateMemory", "(J)J", false);
        mv.visitLdcInsn(42L);
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "sun/misc/Unsafe", "putAddress", "(JJ)V", false);
        mv.visitFieldInsn(Opcodes.GETSTATIC, "java/lang/System", "out", "Ljava/io/PrintStream;");
        mv.visitLdcInsn("huge ran");
        mv.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/io/PrintStream", "println", "(Ljava/lang/String;)V", false);
        mv.visitInsn(Opcodes.RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
