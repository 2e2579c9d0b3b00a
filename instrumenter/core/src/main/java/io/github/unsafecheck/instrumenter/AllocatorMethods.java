package io.github.unsafecheck.instrumenter;

import io.github.unsafecheck.runtime.config.MethodRef;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isConstructor;
import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isNative;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.none;
import static net.bytebuddy.matcher.ElementMatchers.not;

/** The {@code allocators} option as Byte Buddy matchers: which classes to advise, and which of their methods. */
public final class AllocatorMethods {
    private final List<MethodRef> refs;

    public AllocatorMethods(Collection<MethodRef> refs) {
        this.refs = new ArrayList<>(refs);
    }

    public boolean isEmpty() {
        return refs.isEmpty();
    }

    /** Dotted names of the classes that declare allocators. */
    public Set<String> classNames() {
        Set<String> out = new LinkedHashSet<>();
        for (MethodRef r : refs) {
            out.add(r.className());
        }
        return out;
    }

    /** The advice for one class: allocator context around each listed method. */
    public AsmVisitorWrapper adviceFor(String className) {
        ElementMatcher.Junction<MethodDescription> methods = none();
        boolean constructors = false;
        for (MethodRef r : refs) {
            if (!r.className().equals(className)) {
                continue;
            }
            if (r.methodName().equals("<init>")) {
                constructors = true;
            } else if (r.methodName().equals("*")) {
                methods = methods.or(isMethod());
            } else {
                methods = methods.or(named(r.methodName()));
            }
        }
        ElementMatcher.Junction<MethodDescription> concrete = not(isAbstract()).and(not(isNative()));
        AsmVisitorWrapper.ForDeclaredMethods wrapper = Advice.to(AllocatorAdvice.class)
                .on(isMethod().and(methods).and(concrete));
        if (constructors) {
            return new AsmVisitorWrapper.Compound(wrapper,
                    Advice.to(AllocatorAdvice.ForConstructor.class).on(isConstructor()));
        }
        return wrapper;
    }

    /** Matches the declaring classes by name. */
    public ElementMatcher.Junction<net.bytebuddy.description.type.TypeDescription> typeMatcher() {
        return ElementMatchers.namedOneOf(classNames().toArray(new String[0]));
    }
}
