package io.github.unsafecheck.instrumenter.hooks;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The methods a class file declares, as {@code name + descriptor}: what a {@code track} entry is checked against. */
final class ClassMethods {
    private final List<String> concrete;
    private final Set<String> natives;

    private ClassMethods(List<String> concrete, Set<String> natives) {
        this.concrete = concrete;
        this.natives = natives;
    }

    static ClassMethods of(byte[] classFile) {
        List<String> concrete = new ArrayList<>();
        Set<String> natives = new LinkedHashSet<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                if ((access & Opcodes.ACC_ABSTRACT) == 0 && !name.startsWith("<")
                        && !name.startsWith(NativeWrapper.PREFIX)) {
                    concrete.add(name + descriptor);
                    if ((access & Opcodes.ACC_NATIVE) != 0) {
                        natives.add(name + descriptor);
                    }
                }
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new ClassMethods(Collections.unmodifiableList(concrete), Collections.unmodifiableSet(natives));
    }

    /** Every method that has or can be given a body: {@code nmemAlloc(J)J}. */
    List<String> concrete() {
        return concrete;
    }

    boolean isNative(String nameAndDescriptor) {
        return natives.contains(nameAndDescriptor);
    }

    boolean has(String nameAndDescriptor) {
        return concrete.contains(nameAndDescriptor);
    }
}
