package io.github.unsafecheck.maven;

import net.bytebuddy.dynamic.ClassFileLocator;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** A project's class path as a Byte Buddy {@link ClassFileLocator}: directories and jars, in order. */
final class ClassPathLocator {
    private ClassPathLocator() {
    }

    /** The caller closes it (open jars). Entries that do not exist are left out. */
    static ClassFileLocator.Compound of(Collection<File> entries) throws IOException {
        List<ClassFileLocator> locators = new ArrayList<>();
        for (File f : entries) {
            if (f.isDirectory()) {
                locators.add(new ClassFileLocator.ForFolder(f));
            } else if (f.isFile()) {
                locators.add(ClassFileLocator.ForJarFile.of(f));
            }
        }
        return new ClassFileLocator.Compound(locators);
    }
}
