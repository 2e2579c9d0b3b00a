package io.github.unsafecheck.runtime.hook;

import io.github.unsafecheck.runtime.config.TrackedFunction;
import io.github.unsafecheck.runtime.stack.LibraryFrames;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A hooked allocation or free function as the hooks see it: the resolved {@code track} entry the instrumenter wove in
 * as a constant ({@code org.lwjgl.system.MemoryUtil#nmemAlloc(J)J=alloc@0}), read once and kept, with what a report
 * calls it and whose frames its site skips. The same for a built-in function (LWJGL, JNA) and a declared one.
 */
final class DeclaredFunction {
    private static final ConcurrentHashMap<String, DeclaredFunction> BY_SPEC = new ConcurrentHashMap<>();

    final TrackedFunction entry;
    final TrackedFunction.Role role;
    /** {@code MemoryUtil.nmemAlloc}: the op of its violations and the kind of its blocks. */
    final String name;
    final String kind;
    final String[] library;
    private final List<String> types;

    private DeclaredFunction(TrackedFunction entry) {
        this.entry = entry;
        this.role = entry.role();
        this.name = entry.shortName();
        this.kind = name + " block";
        this.library = LibraryFrames.of(entry.className());
        this.types = entry.parameterTypes();
    }

    /** The function a hook names; the instrumenter only weaves resolved entries, so this cannot fail but by a bug. */
    static DeclaredFunction of(String spec) {
        DeclaredFunction f = BY_SPEC.get(spec);
        if (f == null) {
            TrackedFunction e = TrackedFunction.parse(spec);
            if (!e.isResolved()) {
                throw new IllegalArgumentException("unsafecheck: hook woven with an unresolved entry " + spec);
            }
            f = BY_SPEC.computeIfAbsent(spec, k -> new DeclaredFunction(e));
        }
        return f;
    }

    /** The value of part {@code part} ({@code size}, {@code pointer}...) among the call's arguments. */
    long get(Object[] args, String part) {
        Object v = args[entry.index(part)];
        return v instanceof Integer ? ((Integer) v).longValue() : ((Long) v).longValue();
    }

    /**
     * Sets part {@code part} in {@code args} (a copy the caller owns), in the parameter's own type. Returns false,
     * leaving it, when the value does not fit an {@code int} parameter.
     */
    boolean set(Object[] args, String part, long value) {
        int i = entry.index(part);
        if (types.get(i).equals("I")) {
            if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
                return false;
            }
            args[i] = (int) value;
        } else {
            args[i] = value;
        }
        return true;
    }

    /** The largest value the part's parameter holds. */
    long max(String part) {
        return types.get(entry.index(part)).equals("I") ? Integer.MAX_VALUE : Long.MAX_VALUE;
    }
}
