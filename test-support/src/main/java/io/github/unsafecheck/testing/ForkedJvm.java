package io.github.unsafecheck.testing;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a Java program in a new JVM — with or without the agent — and captures what it printed. */
public final class ForkedJvm {
    private final Jdk jdk;
    private final List<String> jvmArgs = new ArrayList<>();
    private final List<Path> classpath = new ArrayList<>();
    private String mainClass;
    private final List<String> args = new ArrayList<>();
    private Duration timeout = Duration.ofSeconds(60);

    private ForkedJvm(Jdk jdk) {
        this.jdk = jdk;
    }

    public static ForkedJvm on(Jdk jdk) {
        return new ForkedJvm(jdk);
    }

    /** {@code -javaagent:<jar>=<options>}; null or empty options mean none. */
    public ForkedJvm agent(Path jar, String options) {
        jvmArgs.add("-javaagent:" + jar + (options == null || options.isEmpty() ? "" : "=" + options));
        return this;
    }

    public ForkedJvm jvmArgs(String... a) {
        jvmArgs.addAll(Arrays.asList(a));
        return this;
    }

    public ForkedJvm classpath(Path... entries) {
        classpath.addAll(Arrays.asList(entries));
        return this;
    }

    public ForkedJvm main(String className, String... a) {
        mainClass = className;
        args.addAll(Arrays.asList(a));
        return this;
    }

    public ForkedJvm timeout(Duration d) {
        timeout = d;
        return this;
    }

    public List<String> command() {
        List<String> cmd = new ArrayList<>();
        cmd.add(jdk.java().toString());
        // JDK 23+ would print its sun.misc.Unsafe deprecation warning on every run; keep the output to what we test.
        if (jdk.feature() >= 23 && jvmArgs.stream().noneMatch(a -> a.startsWith("--sun-misc-unsafe-memory-access"))) {
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        }
        if (jdk.feature() >= 22 && jvmArgs.stream().noneMatch(a -> a.startsWith("--enable-native-access"))) {
            cmd.add("--enable-native-access=ALL-UNNAMED"); // the FFM address oracle of the test programs
        }
        cmd.addAll(jvmArgs);
        if (!classpath.isEmpty()) {
            cmd.add("-cp");
            StringBuilder cp = new StringBuilder();
            for (Path p : classpath) {
                if (cp.length() > 0) {
                    cp.append(File.pathSeparatorChar);
                }
                cp.append(p);
            }
            cmd.add(cp.toString());
        }
        if (mainClass != null) {
            cmd.add(mainClass);
        }
        cmd.addAll(args);
        return cmd;
    }

    public RunResult run() {
        List<String> cmd = command();
        try {
            Process p = new ProcessBuilder(cmd).start();
            p.getOutputStream().close();
            CompletableFuture<String> out = drain(p.getInputStream());
            CompletableFuture<String> err = drain(p.getErrorStream());
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out after " + timeout + ": " + String.join(" ", cmd)
                        + "\nstdout:\n" + out.getNow("") + "\nstderr:\n" + err.getNow(""));
            }
            return new RunResult(cmd, p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "<unreadable: " + e + ">";
            }
        });
    }
}
