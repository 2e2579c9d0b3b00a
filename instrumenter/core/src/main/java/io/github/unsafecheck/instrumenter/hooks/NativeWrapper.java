package io.github.unsafecheck.instrumenter.hooks;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

import java.util.Set;

/**
 * Gives a native method a Java body that advice can go into: {@code native long malloc(long)} becomes
 * {@code private native long unsafecheck$malloc(long)} plus {@code long malloc(long) { return unsafecheck$malloc(n); }}.
 * The JVM still binds the renamed method to the original JNI function ({@code Java_com_sun_jna_Native_malloc}, or what
 * {@code RegisterNatives} registered) because the agent registers {@link #PREFIX} as its native method prefix
 * (JVMTI {@code SetNativeMethodPrefix}). Adding a method changes the class's shape, which the JVM allows only when the
 * class is first loaded.
 */
final class NativeWrapper {
    /** The agent's native method prefix. */
    static final String PREFIX = "unsafecheck$";

    private NativeWrapper() {
    }

    /** {@code classFile} with each method in {@code natives} ({@code name + descriptor}) wrapped. */
    static byte[] wrap(byte[] classFile, Set<String> natives) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        String owner = reader.getClassName();
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                if ((access & Opcodes.ACC_NATIVE) == 0 || !natives.contains(name + descriptor)) {
                    return super.visitMethod(access, name, descriptor, signature, exceptions);
                }
                boolean isStatic = (access & Opcodes.ACC_STATIC) != 0;
                int renamedAccess = access & ~(Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED) | Opcodes.ACC_PRIVATE;
                MethodVisitor renamed = super.visitMethod(renamedAccess, PREFIX + name, descriptor, signature,
                        exceptions);
                MethodVisitor body = super.visitMethod(access & ~Opcodes.ACC_NATIVE, name, descriptor, signature,
                        exceptions);
                body.visitCode();
                int slot = 0;
                if (!isStatic) {
                    body.visitVarInsn(Opcodes.ALOAD, 0);
                    slot = 1;
                }
                for (Type t : Type.getArgumentTypes(descriptor)) {
                    body.visitVarInsn(t.getOpcode(Opcodes.ILOAD), slot);
                    slot += t.getSize();
                }
                body.visitMethodInsn(isStatic ? Opcodes.INVOKESTATIC : Opcodes.INVOKESPECIAL, owner, PREFIX + name,
                        descriptor, false);
                body.visitInsn(Type.getReturnType(descriptor).getOpcode(Opcodes.IRETURN));
                body.visitMaxs(0, 0);
                body.visitEnd();
                return renamed; // the native method's annotations stay with the native method
            }
        }, 0);
        return writer.toByteArray();
    }
}
