package io.github.unsafecheck.runtime.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The {@code data} option: classes (globs) or methods ({@code pkg.Class#method}) whose untyped 64-bit stores are
 * data. A {@code long} carries no type: a byte counter past 28 GB, a file offset or a checksum can fall inside the
 * Java heap's address range and look like a heap pointer. Where the program says so, the instrumenter rewrites those
 * stores with the memory rules only.
 */
public final class DataStores {
    private static final DataStores NONE = new DataStores(Collections.emptyList(), Collections.emptyList());

    private final List<ClassNameGlob> classes;
    private final List<MethodRef> methods;

    private DataStores(List<ClassNameGlob> classes, List<MethodRef> methods) {
        this.classes = classes;
        this.methods = methods;
    }

    public static DataStores none() {
        return NONE;
    }

    static DataStores parse(List<String> entries) {
        if (entries.isEmpty()) {
            return NONE;
        }
        List<ClassNameGlob> classes = new ArrayList<>();
        List<MethodRef> methods = new ArrayList<>();
        for (String e : entries) {
            if (e.contains("#")) {
                methods.add(MethodRef.parse(e));
            } else {
                classes.add(ClassNameGlob.of(e));
            }
        }
        return new DataStores(classes, methods);
    }

    public boolean isEmpty() {
        return classes.isEmpty() && methods.isEmpty();
    }

    /** True when the 64-bit stores in this method of this class (dotted name) are data. */
    public boolean covers(String dottedClass, String method) {
        if (ClassNameGlob.anyMatches(classes, dottedClass)) {
            return true;
        }
        for (MethodRef m : methods) {
            if (m.className().equals(dottedClass) && m.matchesMethod(method)) {
                return true;
            }
        }
        return false;
    }

    /** True when some method of this class may be covered: the class must then be looked at per method. */
    public boolean mayCover(String dottedClass) {
        if (ClassNameGlob.anyMatches(classes, dottedClass)) {
            return true;
        }
        for (MethodRef m : methods) {
            if (m.className().equals(dottedClass)) {
                return true;
            }
        }
        return false;
    }
}
