package io.github.unsafecheck.maven;

/** Class names from the paths of class files in a directory or jar. */
final class ClassNames {
    private static final String VERSIONS = "META-INF/versions/";

    private ClassNames() {
    }

    /**
     * The dotted binary name of a {@code .class} entry ({@code a/b/C$D.class} → {@code a.b.C$D}), multi-release
     * entries included ({@code META-INF/versions/21/a/B.class} → {@code a.B}); null for {@code module-info} and
     * {@code package-info}, which have no code to rewrite.
     */
    static String ofEntry(String path) {
        if (!path.endsWith(".class")) {
            return null;
        }
        String p = path;
        if (p.startsWith(VERSIONS)) {
            int slash = p.indexOf('/', VERSIONS.length());
            if (slash < 0) {
                return null;
            }
            p = p.substring(slash + 1);
        }
        String name = p.substring(0, p.length() - ".class".length());
        if (name.endsWith("module-info") || name.endsWith("package-info") || name.startsWith("META-INF/")) {
            return null;
        }
        return name.replace('/', '.');
    }
}
