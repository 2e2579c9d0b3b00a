package io.github.unsafecheck.instrumenter;

import org.objectweb.asm.Type;

/**
 * What one JDK method's call sites become: which of the call's arguments are passed to which static hook, with the
 * operation's name appended as a constant. The original instruction stays in place after the hook.
 */
public final class Rewrite {
    private final String owner;
    private final String name;
    private final String descriptor;
    private final String op;
    private final Shape shape;

    Rewrite(String owner, String name, String descriptor, String op, Shape shape) {
        this.owner = owner;
        this.name = name;
        this.descriptor = descriptor;
        this.op = op;
        this.shape = shape;
    }

    /** Internal name of the JDK class, e.g. {@code sun/misc/Unsafe}. */
    public String owner() {
        return owner;
    }

    public String name() {
        return name;
    }

    public String descriptor() {
        return descriptor;
    }

    /** The operation as reports name it, e.g. {@code Unsafe.putAddress}. */
    public String op() {
        return op;
    }

    public Shape shape() {
        return shape;
    }

    /** The argument types of the original call (without the receiver). */
    public Type[] argumentTypes() {
        return Type.getArgumentTypes(descriptor);
    }

    /** The hook's descriptor: the passed arguments' types, then the operation name. */
    public String hookDescriptor() {
        Type[] args = argumentTypes();
        Type[] hookArgs = new Type[shape.passed().length + 1];
        for (int i = 0; i < shape.passed().length; i++) {
            hookArgs[i] = args[shape.passed()[i]];
        }
        hookArgs[hookArgs.length - 1] = Type.getType(String.class);
        return Type.getMethodDescriptor(shape.redirectsBase() ? Type.getType(Object.class) : Type.VOID_TYPE, hookArgs);
    }

    /** {@code sun.misc.Unsafe.putAddress(JJ)V}, for coverage reports. */
    public String target() {
        return owner.replace('/', '.') + "." + name + descriptor;
    }

    @Override
    public String toString() {
        return target() + " -> " + RewriteTable.HOOKS + "." + shape.hook() + hookDescriptor();
    }
}
