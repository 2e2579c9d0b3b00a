package io.github.unsafecheck.instrumenter.hooks;

import io.github.unsafecheck.instrumenter.hooks.LibraryHooks.ClassHooks;
import io.github.unsafecheck.runtime.config.Option;
import io.github.unsafecheck.runtime.config.OptionException;
import io.github.unsafecheck.runtime.config.TrackedFunction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The functions of one class, resolved against its methods: each with its full descriptor and parameter indexes, and
 * for a reallocating function the free function of the same class its old blocks go back through. A {@code track}
 * entry that does not fit is the user's error and stops the JVM ({@link OptionException}); a built-in one that does not
 * fit means another version of the library, and is a note.
 */
final class Plan {
    final Map<String, TrackedFunction> functions = new LinkedHashMap<>();
    final Map<String, TrackedFunction> freeOfRealloc = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();
    final ClassMethods methods;

    private Plan(ClassMethods methods) {
        this.methods = methods;
    }

    static Plan of(ClassHooks c, ClassMethods methods) {
        Plan p = new Plan(methods);
        for (TrackedFunction f : c.builtIn) {
            try {
                TrackedFunction r = f.resolve(methods.concrete());
                p.functions.put(key(r), r);
            } catch (OptionException e) {
                p.notes.add("unsafecheck: " + c.library + "'s " + c.dottedName() + " is not the version unsafecheck "
                        + "knows (" + e.getMessage() + "): memory from " + f.shortName() + " is not tracked");
            }
        }
        for (TrackedFunction r : resolveDeclared(c, methods)) {
            p.functions.put(key(r), r);
        }
        for (TrackedFunction r : new ArrayList<>(p.functions.values())) {
            if (r.role() != TrackedFunction.Role.REALLOC) {
                continue;
            }
            TrackedFunction free = p.freeFunction();
            if (free != null) {
                p.freeOfRealloc.put(key(r), free);
            } else if (c.declared.contains(unresolved(c, r))) {
                throw bad(r.spec() + ": realloc needs a free function of the same class that takes only the pointer "
                        + "(e.g. " + r.className() + "#free(J)V=free), to release the blocks it moves");
            } else {
                p.functions.remove(key(r));
                p.notes.add("unsafecheck: " + c.dottedName() + " has no free function for " + r.shortName()
                        + ": its memory is not tracked");
            }
        }
        return p;
    }

    /** Resolves the {@code track} entries of a class; the first that does not fit stops the JVM. */
    static List<TrackedFunction> resolveDeclared(ClassHooks c, ClassMethods methods) {
        List<TrackedFunction> out = new ArrayList<>();
        for (TrackedFunction f : c.declared) {
            try {
                out.add(f.resolve(methods.concrete()));
            } catch (OptionException e) {
                throw bad(e.getMessage());
            }
        }
        for (TrackedFunction r : out) {
            if (r.role() == TrackedFunction.Role.REALLOC) {
                boolean hasFree = false;
                for (TrackedFunction o : out) {
                    hasFree |= o.role() == TrackedFunction.Role.FREE && o.descriptor().startsWith("(J)");
                }
                if (!hasFree) {
                    throw bad(r.spec() + ": realloc needs a free function of the same class that takes only the "
                            + "pointer (e.g. " + r.className() + "#free(J)V=free), to release the blocks it moves");
                }
            }
        }
        return out;
    }

    /** The first free function of the plan that takes only the pointer. */
    private TrackedFunction freeFunction() {
        for (TrackedFunction f : functions.values()) {
            if (f.role() == TrackedFunction.Role.FREE && f.descriptor().startsWith("(J)")) {
                return f;
            }
        }
        return null;
    }

    private static TrackedFunction unresolved(ClassHooks c, TrackedFunction resolved) {
        for (TrackedFunction f : c.declared) {
            if (f.methodName().equals(resolved.methodName()) && f.role() == resolved.role()) {
                return f;
            }
        }
        return null;
    }

    static String key(TrackedFunction f) {
        return f.methodName() + f.descriptor();
    }

    private static OptionException bad(String why) {
        return new OptionException("unsafecheck: bad value for option '" + Option.TRACK.key() + "': " + why);
    }
}
