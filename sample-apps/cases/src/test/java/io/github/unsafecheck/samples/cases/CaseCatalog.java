package io.github.unsafecheck.samples.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Where the cases are: every program (a class with a {@code main}) under the module's source roots, except the demo
 * tour that runs them. Adding a case is adding a program; nothing else lists them. {@code src/main/java} holds the
 * cases that run on JDK 17 and newer, {@code src/main/java22} those that use {@code java.lang.foreign}.
 */
final class CaseCatalog {
    static final Path SOURCES = Paths.get(System.getProperty("unsafecheck.sample.sources", "src/main"));
    private static final String[][] ROOTS = {{"java", "17"}, {"java22", "22"}};
    private static final String NOT_A_CASE = "io/github/unsafecheck/samples/tour/";

    /** A case's source file, not parsed yet: a malformed one fails its own tests, not the whole table. */
    static final class Entry {
        final String className;
        final Path source;
        final int minimumJdk;

        Entry(String className, Path source, int minimumJdk) {
            this.className = className;
            this.source = source;
            this.minimumJdk = minimumJdk;
        }

        CaseSource parse() {
            try {
                return CaseSource.parse(className, source.getFileName().toString(), minimumJdk,
                        Files.readAllLines(source, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String simpleName() {
            return className.substring(className.lastIndexOf('.') + 1);
        }
    }

    private CaseCatalog() {
    }

    static List<Entry> scan() {
        return scan(SOURCES);
    }

    static List<Entry> scan(Path sources) {
        List<Entry> out = new ArrayList<>();
        for (String[] root : ROOTS) {
            Path dir = sources.resolve(root[0]);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList())) {
                    String relative = dir.relativize(f).toString().replace('\\', '/');
                    if (!relative.startsWith(NOT_A_CASE) && isProgram(f)) {
                        String className = relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
                        out.add(new Entry(className, f, Integer.parseInt(root[1])));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no case programs under " + sources.toAbsolutePath());
        }
        return out;
    }

    private static boolean isProgram(Path source) throws IOException {
        return Files.readString(source, StandardCharsets.UTF_8).contains("public static void main(String[] args)");
    }
}
