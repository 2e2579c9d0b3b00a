package io.github.unsafecheck.runtime.config;

/** A {@code pkg.Class#method} entry of the {@code allocators} option. */
public final class MethodRef {
    private final String className;
    private final String methodName;

    private MethodRef(String className, String methodName) {
        this.className = className;
        this.methodName = methodName;
    }

    public static MethodRef parse(String entry) {
        if (!isValid(entry)) {
            throw new OptionException("unsafecheck: '" + entry + "' is not a method: use pkg.Class#method");
        }
        int hash = entry.indexOf('#');
        return new MethodRef(entry.substring(0, hash), entry.substring(hash + 1));
    }

    /** Dotted binary class name. */
    public String className() {
        return className;
    }

    /** A method name, {@code <init>} for constructors, or {@code *} for every method of the class. */
    public String methodName() {
        return methodName;
    }

    public boolean matchesMethod(String name) {
        return methodName.equals("*") ? !name.equals("<clinit>") : methodName.equals(name);
    }

    static boolean isValid(String entry) {
        int hash = entry.indexOf('#');
        if (hash <= 0 || hash != entry.lastIndexOf('#') || hash == entry.length() - 1) {
            return false;
        }
        String cls = entry.substring(0, hash);
        String method = entry.substring(hash + 1);
        for (String part : cls.split("\\.", -1)) {
            if (!isIdentifier(part)) {
                return false;
            }
        }
        return method.equals("<init>") || method.equals("*") || isIdentifier(method);
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
    public String toString() {
        return className + "#" + methodName;
    }
}
