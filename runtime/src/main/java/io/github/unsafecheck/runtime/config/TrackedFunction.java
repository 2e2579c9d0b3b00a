package io.github.unsafecheck.runtime.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One entry of the {@code track} option: a method that allocates or frees native memory, named by its role, as
 * Valgrind's {@code MALLOCLIKE_BLOCK}/{@code FREELIKE_BLOCK} and AddressSanitizer's interceptors name C's allocator:
 *
 * <pre>
 *   pkg.Class#method[(descriptor)]=role[@index…]
 *   org.lwjgl.system.MemoryUtil#nmemAlloc(J)=alloc
 *   com.example.Pool#take(Ljava/lang/String;J)J=alloc@1
 *   com.example.Pool#release=free
 * </pre>
 *
 * The descriptor is the JVM's ({@code (J)} or {@code (J)J}); without it the name must be unambiguous. Roles follow C,
 * and their {@code @index} list gives, in C's order, which parameters (counted from 0) play each part:
 * {@code alloc@size}, {@code calloc@count@size}, {@code realloc@pointer@size}, {@code aligned-alloc@alignment@size},
 * {@code free@pointer}. Without indexes they are read off the signature (the only integral parameter is the size,
 * and so on). A pointer is a {@code long} (J); sizes, counts and alignments are {@code int} or {@code long}; an
 * allocating role returns the address as a {@code long}.
 *
 * <p>Parsing checks the text; {@link #resolve} checks it against the class's methods (the instrumenter reads them
 * from the class file) and gives the canonical entry, with descriptor and indexes, that the hooks carry.
 */
public final class TrackedFunction {
    /** What a method does with native memory, by the C function it behaves like. */
    public enum Role {
        ALLOC("alloc", "size"),
        CALLOC("calloc", "count", "size"),
        REALLOC("realloc", "pointer", "size"),
        ALIGNED_ALLOC("aligned-alloc", "alignment", "size"),
        FREE("free", "pointer");

        private final String id;
        private final String[] parts;

        Role(String id, String... parts) {
            this.id = id;
            this.parts = parts;
        }

        public String id() {
            return id;
        }

        /** The parameters this role needs, in C's order: {@code size}, {@code count}, {@code pointer}... */
        public List<String> parts() {
            return List.of(parts);
        }

        public boolean allocates() {
            return this != FREE;
        }

        static Role byId(String id) {
            for (Role r : values()) {
                if (r.id.equals(id)) {
                    return r;
                }
            }
            return null;
        }

        static String ids() {
            StringBuilder sb = new StringBuilder();
            for (Role r : values()) {
                sb.append(sb.length() == 0 ? "" : ", ").append(r.id);
            }
            return sb.toString();
        }
    }

    /** How an entry is written, for messages. */
    public static final String SYNTAX = "pkg.Class#method[(descriptor)]=alloc|calloc|realloc|aligned-alloc|free[@index…]";

    private final String className;
    private final String methodName;
    private final String descriptor;
    private final Role role;
    private final int[] indexes;

    private TrackedFunction(String className, String methodName, String descriptor, Role role, int[] indexes) {
        this.className = className;
        this.methodName = methodName;
        this.descriptor = descriptor;
        this.role = role;
        this.indexes = indexes;
    }

    /** Parses one entry; throws {@link OptionException} saying what is wrong with it. */
    public static TrackedFunction parse(String entry) {
        String e = entry.trim();
        int hash = e.indexOf('#');
        int eq = e.indexOf('=');
        if (hash <= 0 || eq < hash) {
            throw bad(entry, "write " + SYNTAX);
        }
        String cls = e.substring(0, hash);
        for (String part : cls.split("\\.", -1)) {
            if (!isIdentifier(part)) {
                throw bad(entry, "'" + cls + "' is not a class name");
            }
        }
        String method = e.substring(hash + 1, eq);
        String descriptor = null;
        int paren = method.indexOf('(');
        if (paren >= 0) {
            descriptor = method.substring(paren);
            method = method.substring(0, paren);
            String problem = descriptorProblem(descriptor);
            if (problem != null) {
                throw bad(entry, "'" + descriptor + "' is not a method descriptor (" + problem + "), e.g. (J) or (JJ)J");
            }
        }
        if (!isIdentifier(method)) {
            throw bad(entry, "'" + method + "' is not a method name");
        }
        String[] roleParts = e.substring(eq + 1).split("@", -1);
        Role role = Role.byId(roleParts[0].toLowerCase(Locale.ROOT));
        if (role == null) {
            throw bad(entry, "unknown role '" + roleParts[0] + "'; roles: " + Role.ids());
        }
        int[] indexes = null;
        if (roleParts.length > 1) {
            if (roleParts.length - 1 != role.parts.length) {
                throw bad(entry, role.id + " takes " + role.parts.length + " index" + (role.parts.length == 1 ? "" : "es")
                        + " (" + role.id + "@" + String.join("@", role.parts) + "), not " + (roleParts.length - 1));
            }
            indexes = new int[role.parts.length];
            for (int i = 0; i < indexes.length; i++) {
                String n = roleParts[i + 1];
                if (!n.matches("\\d{1,3}")) {
                    throw bad(entry, "'" + n + "' is not a parameter index (0 is the first parameter)");
                }
                indexes[i] = Integer.parseInt(n);
            }
        }
        return new TrackedFunction(cls, method, descriptor, role, indexes);
    }

    /** Null if the entry parses, else the reason. */
    static String problem(String entry) {
        try {
            parse(entry);
            return null;
        } catch (OptionException e) {
            return e.getMessage();
        }
    }

    private static OptionException bad(String entry, String why) {
        return new OptionException("'" + entry + "': " + why);
    }

    public String className() {
        return className;
    }

    public String methodName() {
        return methodName;
    }

    /** The descriptor as given (parameters, maybe with the return type), or null. */
    public String descriptor() {
        return descriptor;
    }

    public Role role() {
        return role;
    }

    /** The parameter index of each of the role's parts (see {@link Role#parts()}); null until resolved if not given. */
    public int[] indexes() {
        return indexes == null ? null : indexes.clone();
    }

    /** The index of one part ({@code "size"}, {@code "pointer"}...). Only on a resolved entry. */
    public int index(String part) {
        int i = role.parts().indexOf(part);
        if (i < 0 || indexes == null) {
            throw new IllegalStateException(this + " has no " + part);
        }
        return indexes[i];
    }

    /** True when the descriptor and every index are known, as {@link #resolve} leaves them. */
    public boolean isResolved() {
        return indexes != null && descriptor != null && descriptor.indexOf(')') < descriptor.length() - 1;
    }

    /** The parameter types of a resolved entry, as descriptor letters or {@code L…;}/{@code […}. */
    public List<String> parameterTypes() {
        return parameters(descriptor);
    }

    /**
     * Checks the entry against the methods of its class — {@code methods} holds {@code name + descriptor} of each
     * concrete or native method ({@code nmemAlloc(J)J}) — and returns it with its full descriptor and indexes.
     * Throws {@link OptionException} naming what does not fit: no such method, an ambiguous name, a signature the
     * role cannot use.
     */
    public TrackedFunction resolve(List<String> methods) {
        List<String> candidates = new ArrayList<>();
        for (String m : methods) {
            int paren = m.indexOf('(');
            if (m.substring(0, paren).equals(methodName)
                    && (descriptor == null || m.substring(paren).startsWith(descriptor)
                    && (descriptor.endsWith(")") || m.substring(paren).equals(descriptor)))) {
                candidates.add(m.substring(paren));
            }
        }
        if (candidates.isEmpty()) {
            List<String> named = new ArrayList<>();
            for (String m : methods) {
                if (m.startsWith(methodName + "(")) {
                    named.add(m);
                }
            }
            throw bad(toString(), className + " has no method " + methodName + (descriptor == null ? "" : descriptor)
                    + (named.isEmpty() ? "" : "; it has " + String.join(", ", named)));
        }
        if (candidates.size() > 1) {
            throw bad(toString(), className + "#" + methodName + " is overloaded: give its descriptor, one of "
                    + String.join(", ", candidates));
        }
        String full = candidates.get(0);
        List<String> params = parameters(full);
        String returns = full.substring(full.indexOf(')') + 1);
        if (role.allocates() && !returns.equals("J")) {
            throw bad(toString(), role.id + " needs a method that returns the address as a long; "
                    + methodName + full + " returns " + typeName(returns));
        }
        int[] resolved = indexes != null ? indexes : defaultIndexes(params, full);
        for (int i = 0; i < resolved.length; i++) {
            String part = role.parts[i];
            if (resolved[i] >= params.size()) {
                throw bad(toString(), "parameter " + resolved[i] + " (" + part + ") does not exist: " + methodName + full
                        + " has " + params.size() + " parameter" + (params.size() == 1 ? "" : "s"));
            }
            String type = params.get(resolved[i]);
            boolean fits = part.equals("pointer") ? type.equals("J") : type.equals("J") || type.equals("I");
            if (!fits) {
                throw bad(toString(), "parameter " + resolved[i] + " of " + methodName + full + " is " + typeName(type)
                        + ", but the " + part + (part.equals("pointer") ? " must be a long address" : " must be an int or a long"));
            }
        }
        for (int i = 0; i < resolved.length; i++) {
            for (int j = i + 1; j < resolved.length; j++) {
                if (resolved[i] == resolved[j]) {
                    throw bad(toString(), "parameter " + resolved[i] + " cannot be both " + role.parts[i] + " and "
                            + role.parts[j]);
                }
            }
        }
        return new TrackedFunction(className, methodName, full, role, resolved);
    }

    private int[] defaultIndexes(List<String> params, String full) {
        List<Integer> integral = new ArrayList<>();
        for (int i = 0; i < params.size(); i++) {
            if (params.get(i).equals("J") || params.get(i).equals("I")) {
                integral.add(i);
            }
        }
        int[] out = new int[role.parts.length];
        boolean ok;
        switch (role) {
            case REALLOC:
                // The pointer, then the size: the first two integral parameters, when there are exactly two.
            case CALLOC:
            case ALIGNED_ALLOC:
            case ALLOC:
                ok = integral.size() == role.parts.length;
                break;
            case FREE:
                ok = integral.size() == 1 || params.size() == 1;
                if (ok && integral.isEmpty()) {
                    integral.add(0);
                }
                break;
            default:
                throw new AssertionError(role);
        }
        if (!ok) {
            throw bad(toString(), methodName + full + " has " + integral.size() + " int or long parameter"
                    + (integral.size() == 1 ? "" : "s") + "; say which is which: " + role.id + "@<"
                    + String.join(">@<", role.parts) + "> (parameter indexes, 0 is the first)");
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = integral.get(i);
        }
        return out;
    }

    /** The canonical text of a resolved entry: what the hooks carry, and what {@link #parse} reads back. */
    public String spec() {
        StringBuilder sb = new StringBuilder(className).append('#').append(methodName);
        if (descriptor != null) {
            sb.append(descriptor);
        }
        sb.append('=').append(role.id);
        if (indexes != null) {
            for (int i : indexes) {
                sb.append('@').append(i);
            }
        }
        return sb.toString();
    }

    /** {@code MemoryUtil.nmemAlloc}: what reports call the memory and the operation. */
    public String shortName() {
        return className.substring(className.lastIndexOf('.') + 1) + "." + methodName;
    }

    @Override
    public String toString() {
        return spec();
    }

    // ---- descriptors ----------------------------------------------------------------------------------------

    /** Null if {@code d} is {@code (params)} or {@code (params)return}, else what is wrong. */
    static String descriptorProblem(String d) {
        if (!d.startsWith("(") || d.indexOf(')') < 0) {
            return "it must start with ( and contain )";
        }
        int close = d.indexOf(')');
        int i = 1;
        while (i < close) {
            int next = skipType(d, i, false);
            if (next < 0 || next > close) {
                return "bad parameter type at '" + d.substring(i) + "'";
            }
            i = next;
        }
        if (close + 1 < d.length() && skipType(d, close + 1, true) != d.length()) {
            return "bad return type '" + d.substring(close + 1) + "'";
        }
        return null;
    }

    /** The end of the type starting at {@code i}, or -1. */
    private static int skipType(String d, int i, boolean mayBeVoid) {
        if (i >= d.length()) {
            return -1;
        }
        char c = d.charAt(i);
        switch (c) {
            case 'B': case 'C': case 'D': case 'F': case 'I': case 'J': case 'S': case 'Z':
                return i + 1;
            case 'V':
                return mayBeVoid ? i + 1 : -1;
            case '[':
                return skipType(d, i + 1, false);
            case 'L':
                int semi = d.indexOf(';', i);
                return semi > i + 1 ? semi + 1 : -1;
            default:
                return -1;
        }
    }

    static List<String> parameters(String descriptor) {
        List<String> out = new ArrayList<>();
        int close = descriptor.indexOf(')');
        int i = 1;
        while (i < close) {
            int next = skipType(descriptor, i, false);
            out.add(descriptor.substring(i, next));
            i = next;
        }
        return out;
    }

    private static String typeName(String t) {
        switch (t) {
            case "J": return "long";
            case "I": return "int";
            case "V": return "void";
            case "Z": return "boolean";
            case "B": return "byte";
            case "S": return "short";
            case "C": return "char";
            case "F": return "float";
            case "D": return "double";
            default:
                return t.startsWith("L") ? t.substring(1, t.length() - 1).replace('/', '.') : t;
        }
    }

    private static boolean isIdentifier(String s) {
        if (s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0))) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            if (!Character.isJavaIdentifierPart(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrackedFunction && ((TrackedFunction) o).spec().equals(spec());
    }

    @Override
    public int hashCode() {
        return spec().hashCode();
    }
}
