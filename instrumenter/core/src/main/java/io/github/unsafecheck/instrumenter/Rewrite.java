package io.github.unsafecheck.instrumenter;

import org.objectweb.asm.Type;

/**
 * What one JDK method's call sites become: which of the call's arguments are passed to which static hook, with
 * which constants, and how the hook is woven around the original instruction (which always stays in place).
 */
public final class Rewrite {
    private final String owner;
    private final String name;
    private final String descriptor;
    private final String op;
    private final Shape shape;
    private final int size;

    Rewrite(String owner, String name, String descriptor, String op, Shape shape, int size) {
        this.owner = owner;
        this.name = name;
        this.descriptor = descriptor;
        this.op = op;
        this.shape = shape;
        this.size = size;
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

    /** The opcode a call of this method has: virtual for Unsafe, interface for a segment, static for copy. */
    public int opcode() {
        if (owner.equals(RewriteTable.MEMORY_SEGMENT)) {
            return shape.withReceiver() ? org.objectweb.asm.Opcodes.INVOKEINTERFACE : org.objectweb.asm.Opcodes.INVOKESTATIC;
        }
        return org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
    }

    /** Bytes written, for {@link Shape.Constants#SIZE_OP_SLOT} shapes. */
    public int size() {
        return size;
    }

    /** The argument types of the original call (without the receiver). */
    public Type[] argumentTypes() {
        return Type.getArgumentTypes(descriptor);
    }

    /** The hook's descriptor. */
    public String hookDescriptor() {
        if (shape.fixedHookDescriptor() != null) {
            return shape.fixedHookDescriptor();
        }
        Type j = Type.LONG_TYPE;
        Type s = Type.getType(String.class);
        switch (shape.weave()) {
            case ALLOCATE:
                return Type.getMethodDescriptor(j, j, j, s, s);            // (address, n, op, site)
            case FREE:
                return Type.getMethodDescriptor(j, j, s, s);               // (address, op, site)
            case REALLOCATE:
                return Type.getMethodDescriptor(j, j, j, j, s, s);         // (new, old, n, op, site)
            default:
                break;
        }
        Type[] args = argumentTypes();
        int[] passed = shape.passed();
        java.util.List<Type> hookArgs = new java.util.ArrayList<>();
        for (int p : passed) {
            hookArgs.add(args[p]);
        }
        switch (shape.constants()) {
            case SIZE_OP_SLOT:
                hookArgs.add(Type.INT_TYPE);
                hookArgs.add(s);
                hookArgs.add(Type.INT_TYPE);
                break;
            case OP_SLOT:
                hookArgs.add(s);
                hookArgs.add(Type.INT_TYPE);
                break;
            default:
                hookArgs.add(s);
        }
        Type ret = shape.weave() == Shape.Weave.CHECK_REDIRECT ? Type.getType(Object.class) : Type.VOID_TYPE;
        return Type.getMethodDescriptor(ret, hookArgs.toArray(new Type[0]));
    }

    /** {@code sun.misc.Unsafe.putAddress(JJ)V}, for coverage reports. */
    public String target() {
        return owner.replace('/', '.') + "." + name + descriptor;
    }

    @Override
    public String toString() {
        return target() + " -> " + shape.hookOwner() + "." + shape.hook() + hookDescriptor();
    }
}
