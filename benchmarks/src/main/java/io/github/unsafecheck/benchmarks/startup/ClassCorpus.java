package io.github.unsafecheck.benchmarks.startup;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The class-loading benchmark's corpus: the jars the build copies to {@code target/classload-jars} (Byte Buddy, ASM,
 * JMH, commons-math3, JUnit 5 …), found beside {@code benchmarks.jar} or at {@value #PROPERTY}, and every class name
 * in them.
 */
final class ClassCorpus {
    static final String PROPERTY = "unsafecheck.bench.corpus";

    final URL[] jars;
    final List<String> classNames;

    private ClassCorpus(URL[] jars, List<String> classNames) {
        this.jars = jars;
        this.classNames = classNames;
    }

    static ClassCorpus find() throws IOException {
        Path dir = directory();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        List<String> names = new ArrayList<>();
        URL[] urls = new URL[files.size()];
        for (int i = 0; i < files.size(); i++) {
            urls[i] = url(files.get(i));
            try (JarFile jar = new JarFile(files.get(i).toFile())) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    String n = e.nextElement().getName();
                    // Versioned entries are alternatives of a class already listed; module-info and package-info
                    // are not loadable classes.
                    if (n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class")
                            && !n.endsWith("package-info.class")) {
                        names.add(n.substring(0, n.length() - ".class".length()).replace('/', '.'));
                    }
                }
            }
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("no classes in " + dir);
        }
        return new ClassCorpus(urls, names);
    }

    private static Path directory() {
        String configured = System.getProperty(PROPERTY, "");
        if (!configured.isEmpty()) {
            return Paths.get(configured);
        }
        try {
            Path jar = Paths.get(ClassCorpus.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.resolveSibling("classload-jars");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static URL url(Path p) {
        try {
            return p.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
