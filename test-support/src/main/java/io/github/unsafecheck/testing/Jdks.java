package io.github.unsafecheck.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.junit.jupiter.api.Assumptions;

/**
 * The JDKs the end-to-end tests run on: the one running the build, and a JDK 17 when one is installed
 * ({@code -Dunsafecheck.test.jdk17=<home>}, {@code $UNSAFECHECK_JDK17}, or the usual places under
 * {@code /usr/lib/jvm}). A test that needs a missing JDK is skipped with a message saying what to install.
 */
public final class Jdks {
    private static final String[] ROOTS = {"/usr/lib/jvm", "/opt/java", "/usr/java"};

    private Jdks() {
    }

    public static Jdk current() {
        Path home = Paths.get(System.getProperty("java.home"));
        return new Jdk(home, Runtime.version().feature());
    }

    /** A JDK of this feature version, if installed. */
    public static Optional<Jdk> find(int feature) {
        if (current().feature() == feature) {
            return Optional.of(current());
        }
        for (String hint : new String[] {System.getProperty("unsafecheck.test.jdk" + feature),
            System.getenv("UNSAFECHECK_JDK" + feature)}) {
            if (hint != null && !hint.isBlank()) {
                Optional<Jdk> j = probe(Paths.get(hint));
                if (j.isPresent() && j.get().feature() == feature) {
                    return j;
                }
            }
        }
        for (String root : ROOTS) {
            Path dir = Paths.get(root);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (DirectoryStream<Path> homes = Files.newDirectoryStream(dir)) {
                for (Path home : homes) {
                    Optional<Jdk> j = probe(home);
                    if (j.isPresent() && j.get().feature() == feature) {
                        return j;
                    }
                }
            } catch (IOException e) {
                // try the next root
            }
        }
        return Optional.empty();
    }

    /** This JDK, or the test is skipped, saying which JDK to install. */
    public static Jdk require(int feature) {
        Optional<Jdk> j = find(feature);
        Assumptions.assumeTrue(j.isPresent(), () -> "skipped: no JDK " + feature + " installed (looked in "
                + String.join(", ", ROOTS) + "; set UNSAFECHECK_JDK" + feature + " to its home)");
        return j.get();
    }

    /** The JDKs to run on: the build JDK, plus JDK 17 when installed (a note is printed when it is not). */
    public static List<Jdk> matrix() {
        List<Jdk> out = new ArrayList<>();
        out.add(current());
        Optional<Jdk> j17 = find(17);
        if (j17.isPresent() && j17.get().feature() != current().feature()) {
            out.add(j17.get());
        } else if (j17.isEmpty()) {
            System.err.println("[unsafecheck tests] no JDK 17 installed: the JDK 17 runs are skipped "
                    + "(set UNSAFECHECK_JDK17 to a JDK 17 home to include them)");
        }
        return out;
    }

    private static Optional<Jdk> probe(Path home) {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(home.resolve("bin").resolve("java")) || !Files.isRegularFile(release)) {
            return Optional.empty();
        }
        try {
            Properties p = new Properties();
            p.load(Files.newBufferedReader(release, StandardCharsets.UTF_8));
            String v = p.getProperty("JAVA_VERSION", "").replace("\"", "");
            String major = v.startsWith("1.") ? v.substring(2) : v;
            int end = 0;
            while (end < major.length() && Character.isDigit(major.charAt(end))) {
                end++;
            }
            return end == 0 ? Optional.empty() : Optional.of(new Jdk(home.toRealPath(), Integer.parseInt(major.substring(0, end))));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
