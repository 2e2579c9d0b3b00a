package io.github.unsafecheck.runtime.config;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A class-name glob as in JaCoCo's include/exclude: {@code *} matches any run of characters (dots included),
 * {@code ?} one character. Names are dotted binary names ({@code com.example.Outer$Inner}).
 */
public final class ClassNameGlob {
    private final Pattern pattern;

    private ClassNameGlob(String glob) {
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
        this.pattern = Pattern.compile(re.toString());
    }

    public static ClassNameGlob of(String glob) {
        return new ClassNameGlob(glob);
    }

    public boolean matches(String dottedName) {
        return pattern.matcher(dottedName).matches();
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
