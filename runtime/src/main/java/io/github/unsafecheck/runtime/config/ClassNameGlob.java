package io.github.unsafecheck.runtime.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A class-name glob as in JaCoCo's include/exclude: {@code *} matches any run of characters (dots included),
 * {@code ?} one character. Names are dotted binary names ({@code com.example.Outer$Inner}).
 */
public final class ClassNameGlob {
    /**
     * The literal part of a glob of one of the two common shapes, an exact name or a prefix followed by one trailing
     * {@code *} ({@code *} alone is the empty prefix); null for any other shape, which goes to {@link #pattern}. The
     * agent asks for every class it is offered, most of them before the JIT has compiled anything, and a regex
     * {@code Matcher} per class, run by the interpreter, was one of the two per-class costs cut together with
     * {@code ConstantPoolFilter}'s length test (class-loading benchmark 1.103x to 1.081x, benchmarks/RESULTS.md).
     */
    private final String literal;
    private final boolean prefix;
    private final Pattern pattern;

    private ClassNameGlob(String glob) {
        int star = glob.indexOf('*');
        boolean simple = glob.indexOf('?') < 0 && (star < 0 || star == glob.length() - 1);
        this.literal = simple ? (star < 0 ? glob : glob.substring(0, star)) : null;
        this.prefix = star >= 0;
        this.pattern = simple ? null : regex(glob);
    }

    private static Pattern regex(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }

    public static ClassNameGlob of(String glob) {
        return new ClassNameGlob(glob);
    }

    public boolean matches(String dottedName) {
        if (literal == null) {
            return pattern.matcher(dottedName).matches();
        }
        return prefix ? dottedName.startsWith(literal) : dottedName.equals(literal);
    }

    /** True when any glob of the list matches. */
    public static boolean anyMatches(List<ClassNameGlob> globs, String dottedName) {
        for (ClassNameGlob g : globs) {
            if (g.matches(dottedName)) {
                return true;
            }
        }
        return false;
    }

    static boolean isValid(String glob) {
        if (glob.isEmpty()) {
            return false;
        }
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (!(Character.isJavaIdentifierPart(c) || c == '.' || c == '*' || c == '?' || c == '$')) {
                return false;
            }
        }
        return true;
    }
}
