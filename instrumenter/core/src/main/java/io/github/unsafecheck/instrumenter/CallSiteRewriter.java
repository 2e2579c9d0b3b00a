package io.github.unsafecheck.instrumenter;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Second pass: puts a hook call in front of every call the {@link RewriteTable} lists, and keeps the original call.
 *
 * <pre>
 *   before:  … unsafe addr value            INVOKEVIRTUAL Unsafe.putAddress(JJ)V
 *   after:   … unsafe addr value  LSTORE v  LSTORE a            (spill the operands; the receiver stays)
 *            LLOAD a  LLOAD v  LDC "Unsafe.putAddress"  INVOKESTATIC UnsafeHooks.storeLong(JJLjava/lang/String;)V
 *            LLOAD a  LLOAD v                INVOKEVIRTUAL Unsafe.putAddress(JJ)V
 * </pre>
 *
 * The spill slots lie above the method's own locals and are dead after the call, and no branch is added, so the
 * existing stack map frames stay valid: nothing is recomputed and no class is loaded to do it. The operand stack
 * grows by at most the one slot of the operation-name constant.
 */
final class CallSiteRewriter extends ClassVisitor {
    private final RewriteTable table;
    private final CallSiteCensus census;
    private int methodIndex;

    CallSiteRewriter(ClassVisitor next, RewriteTable table, CallSiteCensus census) {
        super(Opcodes.ASM9, next);
        this.table = table;
        this.census = census;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
            String[] exceptions) {
        MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
        int spillBase = census.spillBase(methodIndex++);
        // Methods without a call to rewrite go straight to the writer, which copies their bytes unchanged.
        return spillBase < 0 ? mv : new Rewriting(mv, spillBase);
    }

    private final class Rewriting extends MethodVisitor {
        private final int spillBase;
        private int spillSlots;

        Rewriting(MethodVisitor next, int spillBase) {
            super(Opcodes.ASM9, next);
            this.spillBase = spillBase;
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean itf) {
            Rewrite r = opcode == Opcodes.INVOKEVIRTUAL ? table.lookup(owner, name, descriptor) : null;
            if (r != null) {
                emitHook(r);
            }
            super.visitMethodInsn(opcode, owner, name, descriptor, itf);
        }

        /** Spill the operands, call the hook with the ones it takes, reload them for the original call. */
        private void emitHook(Rewrite r) {
            Type[] args = r.argumentTypes();
            int[] slot = new int[args.length];
            int next = spillBase;
            for (int i = 0; i < args.length; i++) {
                slot[i] = next;
                next += args[i].getSize();
            }
            spillSlots = Math.max(spillSlots, next - spillBase);
            for (int i = args.length - 1; i >= 0; i--) {
                super.visitVarInsn(args[i].getOpcode(Opcodes.ISTORE), slot[i]);
            }
            for (int p : r.shape().passed()) {
                super.visitVarInsn(args[p].getOpcode(Opcodes.ILOAD), slot[p]);
            }
            super.visitLdcInsn(r.op());
            super.visitMethodInsn(Opcodes.INVOKESTATIC, RewriteTable.HOOKS, r.shape().hook(), r.hookDescriptor(),
                    false);
            int reload = 0;
            if (r.shape().redirectsBase()) {
                // stack: … unsafe base'  →  … unsafe base' offset'
                super.visitInsn(Opcodes.DUP);
                super.visitVarInsn(Opcodes.LLOAD, slot[1]);
                super.visitMethodInsn(Opcodes.INVOKESTATIC, RewriteTable.HOOKS, RewriteTable.REFERENCE_OFFSET,
                        RewriteTable.REFERENCE_OFFSET_DESCRIPTOR, false);
                reload = 2;
            }
            for (int i = reload; i < args.length; i++) {
                super.visitVarInsn(args[i].getOpcode(Opcodes.ILOAD), slot[i]);
            }
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
            super.visitMaxs(maxStack + 2, Math.max(maxLocals, spillBase + spillSlots));
        }
    }
}
