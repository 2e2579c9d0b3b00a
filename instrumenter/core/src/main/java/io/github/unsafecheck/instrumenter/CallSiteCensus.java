package io.github.unsafecheck.instrumenter;

import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

import java.util.ArrayList;
import java.util.List;

/**
 * First pass over a class: finds every relevant call site and, per method, the number of local slots in use (the
 * rewrite spills a call's operands into fresh slots above them). Also notes what escapes rewriting: method
 * references ({@code U::putAddress}, an {@code invokedynamic} whose bootstrap arguments name a hooked method) and
 * method-handle constants of hooked methods.
 */
final class CallSiteCensus extends ClassVisitor {
    private final RewriteTable table;
    private final List<CallSite> sites = new ArrayList<>();
    /** Per method, in declaration order: max locals, or -1 when the method has nothing to rewrite. */
    private final List<Integer> spillBase = new ArrayList<>();
    private String className = "";
    private String sourceFile;

    CallSiteCensus(RewriteTable table) {
        super(Opcodes.ASM9);
        this.table = table;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
            String[] interfaces) {
        className = name.replace('/', '.');
    }

    @Override
    public void visitSource(String source, String debug) {
        sourceFile = source;
    }

    /** {@code Class.method(File.java:line)}, the way stack traces name a frame. */
    String site(String method, int line) {
        String where = sourceFile == null ? "Unknown Source" : line >= 0 ? sourceFile + ":" + line : sourceFile;
        return className + "." + method + "(" + where + ")";
    }

    List<CallSite> sites() {
        return sites;
    }

    /** Max locals of the n-th method if it has a call to rewrite, else -1. */
    int spillBase(int methodIndex) {
        return spillBase.get(methodIndex);
    }

    boolean anyRewrite() {
        for (CallSite s : sites) {
            if (s.rewritten()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
            String[] exceptions) {
        int index = spillBase.size();
        spillBase.add(-1);
        String method = name + descriptor;
        return new MethodVisitor(Opcodes.ASM9) {
            private int line = -1;
            private boolean rewrites;

            @Override
            public void visitLineNumber(int lineNumber, Label start) {
                line = lineNumber;
            }

            @Override
            public void visitMethodInsn(int opcode, String owner, String mName, String mDesc, boolean itf) {
                if (table.rewritesVarHandles()) {
                    VarHandleRewrites.Site vh = VarHandleRewrites.lookup(owner, mName, mDesc);
                    if (vh != null && opcode == Opcodes.INVOKEVIRTUAL) {
                        sites.add(new CallSite(method, line, vh.target, null));
                        rewrites = true;
                        return;
                    }
                }
                if (!RewriteTable.isHookedOwner(owner)) {
                    return;
                }
                Rewrite r = table.lookup(owner, mName, mDesc);
                if (r == null) {
                    return;
                }
                if (opcode == r.opcode()) {
                    sites.add(new CallSite(method, line, r.target(), null));
                    rewrites = true;
                } else {
                    sites.add(new CallSite(method, line, r.target(), "unexpected opcode " + opcode));
                }
            }

            @Override
            public void visitInvokeDynamicInsn(String iName, String iDesc, Handle bsm, Object... bsmArgs) {
                for (Object arg : bsmArgs) {
                    noteHandle(arg, "method reference (invokedynamic) runs unchecked");
                }
            }

            @Override
            public void visitLdcInsn(Object value) {
                noteHandle(value, "method handle constant runs unchecked");
            }

            private void noteHandle(Object value, String reason) {
                if (value instanceof Handle) {
                    Handle h = (Handle) value;
                    Rewrite r = table.lookup(h.getOwner(), h.getName(), h.getDesc());
                    if (r != null) {
                        sites.add(new CallSite(method, line, r.target(), reason));
                    }
                }
            }

            @Override
            public void visitMaxs(int maxStack, int maxLocals) {
                if (rewrites) {
                    spillBase.set(index, maxLocals);
                }
            }
        };
    }
}
