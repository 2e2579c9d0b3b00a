package io.github.unsafecheck.maven;

import io.github.unsafecheck.runtime.config.Option;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The JVM arguments the goals put into the test JVM's command line, quoted for Surefire's argLine parsing. */
final class JvmArguments {
    /** Offline-instrumented code reads HotSpot's structures through the internal Unsafe when it is exported. */
    static final String EXPORT_INTERNAL_UNSAFE = "--add-exports java.base/jdk.internal.misc=ALL-UNNAMED";

    private JvmArguments() {
    }

    /** {@code -javaagent:<jar>[=<options>]}. */
    static String javaagent(File agentJar, String agentArgs) {
        return quote("-javaagent:" + agentJar.getAbsolutePath() + (agentArgs.isEmpty() ? "" : "=" + agentArgs));
    }

    /** {@code -Dunsafecheck.<key>=<value>} for each given option, in option order. */
    static String systemProperties(Map<String, String> options) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : options.entrySet()) {
            out.add(quote("-D" + Option.PROPERTY_PREFIX + e.getKey() + "=" + e.getValue()));
        }
        return String.join(" ", out);
    }

    /**
     * Surefire splits argLine like a shell: an argument with a blank or a quote is wrapped in double quotes, its own
     * quotes and backslashes escaped.
     */
    static String quote(String arg) {
        if (arg.indexOf(' ') < 0 && arg.indexOf('"') < 0 && arg.indexOf('\t') < 0) {
            return arg;
        }
        return '"' + arg.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
