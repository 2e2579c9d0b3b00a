package io.github.unsafecheck.instrumenter.hooks;

import io.github.unsafecheck.instrumenter.SlotAllocator;
import io.github.unsafecheck.instrumenter.hooks.HookConstants.FreeSpec;
import io.github.unsafecheck.instrumenter.hooks.HookConstants.Op;
import io.github.unsafecheck.instrumenter.hooks.HookConstants.Slot;
import io.github.unsafecheck.instrumenter.hooks.HookConstants.Spec;
import io.github.unsafecheck.instrumenter.hooks.HookConstants.Width;
import io.github.unsafecheck.instrumenter.hooks.LibraryHooks.ClassHooks;
import io.github.unsafecheck.instrumenter.hooks.LibraryHooks.Special;
import io.github.unsafecheck.runtime.config.TrackedFunction;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.pool.TypePool;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static net.bytebuddy.matcher.ElementMatchers.hasDescriptor;
import static net.bytebuddy.matcher.ElementMatchers.named;

/**
 * Weaves one class's hooks with Byte Buddy {@code Advice} ({@code decorate}: members and class format stay as they
 * are, except native methods given a Java body first). The types the class refers to are read as class files from its
 * loader, never loaded: this runs inside a class-file transformer.
 */
final class Weaver {
    /** JNA {@code Pointer} writes: name, descriptor, bytes per element (0: {@code setLong}, -1: {@code setMemory}). */
    private static final Object[][] POINTER_WRITES = {
        {"setByte", "(JB)V", 1}, {"setShort", "(JS)V", 2},
        // A wchar_t is 4 bytes on Linux and 2 on Windows; a NativeLong 8 or 4: the smaller, never a false overflow.
        {"setChar", "(JC)V", 2}, {"setNativeLong", "(JLcom/sun/jna/NativeLong;)V", 4},
        {"setInt", "(JI)V", 4}, {"setFloat", "(JF)V", 4}, {"setDouble", "(JD)V", 8},
        {"setPointer", "(JLcom/sun/jna/Pointer;)V", 8}, {"setLong", "(JJ)V", 0}, {"setMemory", "(JJB)V", -1},
    };
    private static final Object[][] POINTER_ARRAY_WRITES = {
        {"(J[BII)V", 1}, {"(J[SII)V", 2}, {"(J[CII)V", 2}, {"(J[III)V", 4}, {"(J[JII)V", 8}, {"(J[FII)V", 4},
        {"(J[DII)V", 8}, {"(J[Lcom/sun/jna/Pointer;II)V", 8},
    };

    private final ClassHooks hooks;
    private final Plan plan;
    private final ClassFileLocator types;
    private final List<String> notes;

    /** {@code types}: where the class files of the types the class refers to are read (its loader, a class path). */
    Weaver(ClassHooks hooks, Plan plan, ClassFileLocator types) {
        this.hooks = hooks;
        this.plan = plan;
        this.types = types;
        this.notes = new ArrayList<>(plan.notes);
    }

    LibraryHooks.Woven weave(byte[] classFile, boolean mayAddMethods) {
        byte[] bytes = classFile;
        Set<String> natives = new LinkedHashSet<>();
        for (TrackedFunction f : new ArrayList<>(plan.functions.values())) {
            String m = Plan.key(f);
            if (plan.methods.isNative(m)) {
                if (mayAddMethods) {
                    natives.add(m);
                } else if (hooks.declared.stream().anyMatch(d -> d.methodName().equals(f.methodName()))) {
                    throw new io.github.unsafecheck.runtime.config.OptionException("unsafecheck: bad value for option "
                            + "'track': " + f.spec() + " is a native method, which only the agent can hook, and only "
                            + "when it loads the class (it gives the method a Java body then)");
                } else {
                    plan.functions.remove(m);
                    notes.add("unsafecheck: cannot give " + hooks.dottedName() + "'s native method " + f.methodName()
                            + " a body here (the class was loaded before the agent, or is instrumented offline): "
                            + "memory from " + f.shortName() + " is not tracked");
                }
            }
        }
        if (!natives.isEmpty()) {
            bytes = NativeWrapper.wrap(bytes, natives);
        }
        AsmVisitorWrapper.ForDeclaredMethods visitor = new AsmVisitorWrapper.ForDeclaredMethods();
        int advised = 0;
        for (TrackedFunction f : plan.functions.values()) {
            visitor = visitor.method(named(f.methodName()).and(hasDescriptor(f.descriptor())), advice(f));
            advised++;
        }
        for (Special s : hooks.specials) {
            for (Object[] m : specialMethods(s)) {
                if (plan.methods.has((String) m[0] + m[1])) {
                    visitor = visitor.method(named((String) m[0]).and(hasDescriptor((String) m[1])),
                            (Advice) m[2]);
                    advised++;
                } else {
                    notes.add("unsafecheck: " + hooks.library + "'s " + hooks.dottedName() + " has no " + m[0] + m[1]
                            + ": that part of it is not checked");
                }
            }
        }
        if (advised == 0) {
            return new LibraryHooks.Woven(natives.isEmpty() ? null : bytes, notes);
        }
        String name = hooks.dottedName();
        ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, bytes), types);
        TypeDescription type = TypePool.Default.of(locator).describe(name).resolve();
        byte[] woven = new ByteBuddy().with(TypeValidation.DISABLED).decorate(type, locator).visit(visitor).make()
                .getBytes();
        return new LibraryHooks.Woven(woven, notes);
    }

    private Advice advice(TrackedFunction f) {
        Advice.WithCustomMapping m = Advice.withCustomMapping().bind(Spec.class, f.spec());
        switch (f.role()) {
            case FREE:
                return m.to(FunctionAdvice.Free.class);
            case REALLOC:
                return m.bind(FreeSpec.class, plan.freeOfRealloc.get(Plan.key(f)).spec())
                        .to(FunctionAdvice.Realloc.class);
            default:
                return m.to(FunctionAdvice.Alloc.class);
        }
    }

    /** Name, descriptor and advice of each method a special hook covers. */
    private static List<Object[]> specialMethods(Special s) {
        List<Object[]> out = new ArrayList<>();
        switch (s) {
            case MEMORY_STACK:
                out.add(new Object[] {"nmalloc", "(II)J", Advice.to(StackAdvice.Allocate.class)});
                out.add(new Object[] {"pop", "()Lorg/lwjgl/system/MemoryStack;", Advice.to(StackAdvice.Pop.class)});
                out.add(new Object[] {"setPointer", "(I)V", Advice.to(StackAdvice.Pop.class)});
                break;
            case JNA_POINTER:
                for (Object[] w : POINTER_WRITES) {
                    String op = "Pointer." + w[0];
                    Advice.WithCustomMapping m = Advice.withCustomMapping().bind(Op.class, op)
                            .bind(Slot.class, SlotAllocator.next());
                    int width = (Integer) w[2];
                    Advice a = width == 0 ? m.to(PointerWriteAdvice.StoreLong.class)
                            : width < 0 ? m.to(PointerWriteAdvice.Fill.class)
                            : m.bind(Width.class, width).to(PointerWriteAdvice.Fixed.class);
                    out.add(new Object[] {w[0], w[1], a});
                }
                for (Object[] w : POINTER_ARRAY_WRITES) {
                    Advice a = Advice.withCustomMapping().bind(Op.class, "Pointer.write")
                            .bind(Slot.class, SlotAllocator.next()).bind(Width.class, w[1])
                            .to(PointerWriteAdvice.Array.class);
                    out.add(new Object[] {"write", w[0], a});
                }
                break;
            case LINKER:
                out.add(new Object[] {"downcallHandle", "(Ljava/lang/foreign/MemorySegment;Ljava/lang/foreign/"
                        + "FunctionDescriptor;[Ljava/lang/foreign/Linker$Option;)Ljava/lang/invoke/MethodHandle;",
                    Advice.to(LinkerAdvice.class)});
                break;
            default:
                throw new AssertionError(s);
        }
        return out;
    }
}
