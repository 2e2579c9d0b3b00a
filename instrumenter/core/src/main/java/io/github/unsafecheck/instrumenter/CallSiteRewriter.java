package io.github.unsafecheck.instrumenter;

import io.github.unsafecheck.runtime.config.DataStores;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Second pass: weaves a hook call around every call the {@link RewriteTable} lists, and keeps the original call.
 *
 * <pre>
 *   before:  … unsafe addr value            INVOKEVIRTUAL Unsafe.putAddress(JJ)V
 *   after:   … unsafe addr value  LSTORE v  LSTORE a            (spill the operands; the receiver stays)
 *            LLOAD a  LLOAD v  LDC "Unsafe.putAddress"  SIPUSH slot
 *            INVOKESTATIC UnsafeHooks.storeLong(JJLjava/lang/String;I)V
 *            LLOAD a  LLOAD v                INVOKEVIRTUAL Unsafe.putAddress(JJ)V
 * </pre>
 *
 * Allocation calls get hooks on both sides instead: the size going in (plus the redzone), the address coming out
 * (recorded); a free gets the address it really frees (0: the block stays in quarantine).
 *
 * <p>The spill slots lie above the method's own locals and are dead after the call, and no branch is added, so the
 * existing stack map frames stay valid: nothing is recomputed and no class is loaded to do it. The operand stack
 * grows by at most four slots (the constants).
 */
final class CallSiteRewriter extends ClassVisitor {
    /** The constants, plus a long offset a VarHandle hook may get as a constant. */
    private static final int EXTRA_STACK = 6;

    private final RewriteTable table;
    private final CallSiteCensus census;
    private final String className;
    private final DataStores data;
    private int methodIndex;

    CallSiteRewriter(ClassVisitor next, RewriteTable table, CallSiteCensus census, String className,
            DataStores data) {
        super(Opcodes.ASM9, next);
        this.table = table;
        this.census = census;
        this.className = className;
        this.data = data;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
            String[] exceptions) {
        MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
        int spillBase = census.spillBase(methodIndex++);
        // Methods without a call to rewrite go straight to the writer, which copies their bytes unchanged.
        return spillBase < 0 ? mv : new Rewriting(mv, spillBase, name, data.covers(className, name));
    }

    private final class Rewriting extends MethodVisitor {
        private final int spillBase;
        private final String methodName;
        /** This method's 64-bit stores are data (option {@code data}): no pointer rule on them. */
        private final boolean dataStores;
        private int spillSlots;
        private int line = -1;

        Rewriting(MethodVisitor next, int spillBase, String methodName, boolean dataStores) {
            super(Opcodes.ASM9, next);
            this.spillBase = spillBase;
            this.methodName = methodName;
            this.dataStores = dataStores;
        }

        @Override
        public void visitLineNumber(int lineNumber, Label start) {
            line = lineNumber;
            super.visitLineNumber(lineNumber, start);
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean itf) {
            if (opcode == Opcodes.INVOKEVIRTUAL && table.rewritesVarHandles()) {
                VarHandleRewrites.Site vh = VarHandleRewrites.lookup(owner, name, descriptor, dataStores);
                if (vh != null) {
                    varHandle(vh, Type.getArgumentTypes(descriptor));
                    super.visitMethodInsn(opcode, owner, name, descriptor, itf);
                    return;
                }
            }
            Rewrite r = table.lookup(owner, name, descriptor);
            if (r == null || r.opcode() != opcode) {
                super.visitMethodInsn(opcode, owner, name, descriptor, itf);
                return;
            }
            if (dataStores) {
                r = table.asData(r);
            }
            if (r.shape().withReceiver()) {
                Type[] args = r.argumentTypes();
                int[] slot = spill(args, Type.getObjectType(owner));
                load(Type.getObjectType(owner), slot[args.length]);
                check(r, slot);
                super.visitMethodInsn(opcode, owner, name, descriptor, itf);
                return;
            }
            int[] slot = spill(r.argumentTypes(), null);
            switch (r.shape().weave()) {
                case CHECK:
                case CHECK_REDIRECT:
                    check(r, slot);
                    super.visitMethodInsn(opcode, owner, name, descriptor, itf);
                    break;
                case ALLOCATE:
                    load(Type.LONG_TYPE, slot[0]);
                    hook(RewriteTable.ALLOCATION_SIZE, RewriteTable.ALLOCATION_SIZE_DESCRIPTOR);
                    super.visitMethodInsn(opcode, owner, name, descriptor, itf);
                    load(Type.LONG_TYPE, slot[0]);
                    opAndSite(r);
                    hook(r.shape().hook(), r.hookDescriptor());
                    break;
                case FREE:
                    load(Type.LONG_TYPE, slot[0]);
                    opAndSite(r);
                    hook(r.shape().hook(), r.hookDescriptor());
                    super.visitMethodInsn(opcode, owner, name, descriptor, itf);
                    break;
                case REALLOCATE:
                    load(Type.LONG_TYPE, slot[0]);
                    super.visitLdcInsn(r.op());
                    hook(RewriteTable.REALLOC_SOURCE, RewriteTable.REALLOC_SOURCE_DESCRIPTOR);
                    load(Type.LONG_TYPE, slot[1]);
                    hook(RewriteTable.ALLOCATION_SIZE, RewriteTable.ALLOCATION_SIZE_DESCRIPTOR);
                    super.visitMethodInsn(opcode, owner, name, descriptor, itf);
                    load(Type.LONG_TYPE, slot[0]);
                    load(Type.LONG_TYPE, slot[1]);
                    opAndSite(r);
                    hook(r.shape().hook(), r.hookDescriptor());
                    break;
                default:
                    throw new AssertionError(r.shape());
            }
        }

        /**
         * Stores the call's operands in fresh locals and returns their slots. The receiver stays on the stack, unless
         * {@code receiver} names its type: then it is spilled too, into the slot after the arguments'.
         */
        private int[] spill(Type[] args, Type receiver) {
            int[] slot = new int[args.length + 1];
            int next = spillBase;
            for (int i = 0; i < args.length; i++) {
                slot[i] = next;
                next += args[i].getSize();
            }
            slot[args.length] = next;
            if (receiver != null) {
                next++;
            }
            spillSlots = Math.max(spillSlots, next - spillBase);
            for (int i = args.length - 1; i >= 0; i--) {
                super.visitVarInsn(args[i].getOpcode(Opcodes.ISTORE), slot[i]);
            }
            if (receiver != null) {
                super.visitVarInsn(Opcodes.ASTORE, slot[args.length]);
            }
            return slot;
        }

        /**
         * A VarHandle write: spill the handle and every operand, hand the hook the handle, the first coordinate, the
         * offset coordinate (or 0), the number of coordinates and the value if it may be a pointer; reload all.
         */
        private void varHandle(VarHandleRewrites.Site vh, Type[] args) {
            Type handle = Type.getObjectType(RewriteTable.VAR_HANDLE);
            int[] slot = spill(args, handle);
            load(handle, slot[args.length]);
            load(args[0], slot[0]);
            if (vh.offsetArg >= 0) {
                load(Type.LONG_TYPE, slot[vh.offsetArg]);
            } else {
                super.visitInsn(Opcodes.LCONST_0);
            }
            pushInt(vh.coordinates);
            if (vh.valueArg >= 0) {
                load(args[vh.valueArg], slot[vh.valueArg]);
            }
            super.visitLdcInsn(vh.op);
            pushInt(SlotAllocator.next());
            super.visitMethodInsn(Opcodes.INVOKESTATIC, RewriteTable.FFM_HOOKS, vh.hook, vh.hookDescriptor, false);
            load(handle, slot[args.length]);
            for (int i = 0; i < args.length; i++) {
                load(args[i], slot[i]);
            }
        }

        /** The hook with the arguments it takes, then the operands back for the original call. */
        private void check(Rewrite r, int[] slot) {
            Type[] args = r.argumentTypes();
            for (int p : r.shape().passed()) {
                load(args[p], slot[p]);
            }
            switch (r.shape().constants()) {
                case SIZE_OP_SLOT:
                    pushInt(r.size());
                    super.visitLdcInsn(r.op());
                    pushInt(SlotAllocator.next());
                    break;
                case OP_SLOT:
                    super.visitLdcInsn(r.op());
                    pushInt(SlotAllocator.next());
                    break;
                default:
                    super.visitLdcInsn(r.op());
            }
            super.visitMethodInsn(Opcodes.INVOKESTATIC, r.shape().hookOwner(), r.shape().hook(), r.hookDescriptor(),
                    false);
            int reload = 0;
            if (r.shape().weave() == Shape.Weave.CHECK_REDIRECT) {
                // stack: … unsafe base'  →  … unsafe base' offset'
                super.visitInsn(Opcodes.DUP);
                load(Type.LONG_TYPE, slot[1]);
                hook(RewriteTable.REFERENCE_OFFSET, RewriteTable.REFERENCE_OFFSET_DESCRIPTOR);
                reload = 2;
            }
            if (r.shape().withReceiver()) {
                load(Type.getObjectType(r.owner()), slot[args.length]);
            }
            for (int i = reload; i < args.length; i++) {
                load(args[i], slot[i]);
            }
        }

        private void opAndSite(Rewrite r) {
            super.visitLdcInsn(r.op());
            super.visitLdcInsn(census.site(methodName, line));
        }

        private void load(Type t, int slot) {
            super.visitVarInsn(t.getOpcode(Opcodes.ILOAD), slot);
        }

        private void hook(String name, String descriptor) {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, RewriteTable.HOOKS, name, descriptor, false);
        }

        private void pushInt(int v) {
            if (v >= -1 && v <= 5) {
                super.visitInsn(Opcodes.ICONST_0 + v);
            } else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) {
                super.visitIntInsn(Opcodes.BIPUSH, v);
            } else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) {
                super.visitIntInsn(Opcodes.SIPUSH, v);
            } else {
                super.visitLdcInsn(v);
            }
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            super.visitMaxs(maxStack + EXTRA_STACK, Math.max(maxLocals, spillBase + spillSlots));
        }
    }
}
