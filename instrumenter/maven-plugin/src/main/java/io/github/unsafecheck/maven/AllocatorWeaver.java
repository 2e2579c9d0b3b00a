package io.github.unsafecheck.maven;

import io.github.unsafecheck.instrumenter.AllocatorMethods;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.pool.TypePool;

/**
 * The {@code allocators} option, offline: the same Byte Buddy advice the agent installs with its {@code AgentBuilder},
 * woven into the class file with {@code decorate} (members and class format stay as they are). Types the class refers
 * to are looked up on the project's class path, then in the JDK.
 */
final class AllocatorWeaver {
    private final AllocatorMethods methods;
    private final ClassFileLocator classPath;

    AllocatorWeaver(AllocatorMethods methods, ClassFileLocator classPath) {
        this.methods = methods;
        this.classPath = classPath;
    }

    boolean declares(String className) {
        return methods.classNames().contains(className);
    }

    /** The class with allocator context around its listed methods; throws when Byte Buddy cannot do it. */
    byte[] weave(String className, byte[] classFile) {
        ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(className, classFile),
                classPath, ClassFileLocator.ForClassLoader.ofPlatformLoader());
        TypeDescription type = TypePool.Default.of(locator).describe(className).resolve();
        return new ByteBuddy().decorate(type, locator).visit(methods.adviceFor(className)).make().getBytes();
    }
}
