package io.github.unsafecheck.benchmarks.ratio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * What a recorded figure needs beside it: when, on what machine and JDK, under what load, with which command. The
 * load matters: on a shared 2-core machine the JIT threads and other builds compete with the measured thread.
 */
final class RunHeader {
    private RunHeader() {
    }

    static String describe(RunnerOptions o) {
        return String.join("\n",
                "date:    " + ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME),
                "machine: " + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
                        + Runtime.getRuntime().availableProcessors() + " CPUs, " + cpuModel(),
                "JDK:     " + jdkRelease(o.jdk) + " (" + o.jdk + ")",
                "agent:   " + o.agent,
                "profile: " + (o.full ? "full" : "quick") + (o.profilers.isEmpty() ? "" : ", profilers " + o.profilers)
                        + (o.jvmArgs.isEmpty() ? "" : ", JVM args " + o.jvmArgs),
                "load average at start: " + loadAverage());
    }

    static String loadAverage() {
        return firstLine(Paths.get("/proc/loadavg"), "unknown");
    }

    private static String cpuModel() {
        try {
            for (String l : Files.readAllLines(Paths.get("/proc/cpuinfo"))) {
                if (l.startsWith("model name")) {
                    return l.substring(l.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux: the CPU count above is all there is
        }
        return "CPU model unknown";
    }

    private static String jdkRelease(Path jdk) {
        try {
            String vendor = "";
            String version = "";
            for (String l : Files.readAllLines(jdk.resolve("release"))) {
                if (l.startsWith("IMPLEMENTOR=")) {
                    vendor = unquote(l.substring("IMPLEMENTOR=".length()));
                } else if (l.startsWith("JAVA_RUNTIME_VERSION=")) {
                    version = unquote(l.substring("JAVA_RUNTIME_VERSION=".length()));
                } else if (l.startsWith("JAVA_VERSION=") && version.isEmpty()) {
                    version = unquote(l.substring("JAVA_VERSION=".length()));
                }
            }
            return (vendor + " " + version).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String unquote(String s) {
        return s.replace("\"", "");
    }

    private static String firstLine(Path p, String otherwise) {
        try {
            List<String> lines = Files.readAllLines(p);
            return lines.isEmpty() ? otherwise : lines.get(0);
        } catch (IOException e) {
            return otherwise;
        }
    }
}
