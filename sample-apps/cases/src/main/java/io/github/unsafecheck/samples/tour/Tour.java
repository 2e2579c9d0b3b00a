package io.github.unsafecheck.samples.tour;

import io.github.unsafecheck.samples.pointer.NativeLinkedList;
import io.github.unsafecheck.samples.pointer.ReferenceIntoNative;
import io.github.unsafecheck.samples.pointer.StaleHeapPointer;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * The guided demo: each sample runs twice, first as the JVM runs it today, then under the agent, and the tour says
 * what happened in each case. Run by {@code bin/demo}; arguments: the agent jar.
 */
public final class Tour {
    private static final String BAR = "────────────────────────────────────────────────────────────────────────────";

    private static final List<Stop> STOPS = List.of(
            new Stop("A heap pointer hidden in native memory",
                    "A C library keeps a pointer to a Java byte[] in one of its structs. The program stores the\n"
                            + "array's address into malloc'd memory, then lets the garbage collector run.",
                    StaleHeapPointer.class, "", true),
            new Stop("An object reference stored at a native address",
                    "putObject(null, address, list): HotSpot's GC barriers take the native address for a slot of\n"
                            + "the Java heap.",
                    ReferenceIntoNative.class, "", true),
            new Stop("Correct off-heap code",
                    "A linked list in native memory: native pointers in native memory, 1,000 nodes built, walked,\n"
                            + "freed. A checker that cries wolf here would be switched off.",
                    NativeLinkedList.class, "", false));

    private Tour() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1 || !Files.isRegularFile(Paths.get(args[0]))) {
            System.err.println("usage: Tour <path to unsafecheck-agent.jar>");
            System.exit(2);
        }
        Path agent = Paths.get(args[0]).toAbsolutePath();
        Path work = Files.createTempDirectory("unsafecheck-demo");
        System.out.println("unsafecheck demo: " + STOPS.size() + " programs, each run twice — as the JVM runs it today,"
                + " then under the agent.");
        System.out.println("JDK " + Runtime.version() + ", agent " + agent);
        int n = 0;
        for (Stop stop : STOPS) {
            n++;
            System.out.println();
            System.out.println("━━ " + n + "/" + STOPS.size() + "  " + stop.title + " " + BAR.substring(stop.title.length()));
            System.out.println(stop.story);
            System.out.println();
            Run without = Run.of(command(stop, null, work), null);
            System.out.println("  without unsafecheck:");
            show(without.crashed() ? crashBanner(without.output) : without.output);
            System.out.println("  → " + verdictWithout(stop, without));
            System.out.println();
            Path report = work.resolve("report-" + n + ".jsonl");
            String options = "report=" + report + (stop.agentOptions.isEmpty() ? "" : "," + stop.agentOptions);
            Run with = Run.of(command(stop, "-javaagent:" + agent + "=" + options, work), report);
            System.out.println("  with -javaagent:unsafecheck-agent.jar:");
            show(with.output);
            System.out.println("  → " + verdictWith(with));
        }
        System.out.println();
        System.out.println("Each report above also went to a JSON-lines file (" + work + "/report-*.jsonl),");
        System.out.println("one object per violation: rule, op, dst, value, site, stack — ready for a build to fail on.");
    }

    private static List<String> command(Stop stop, String agentArg, Path work) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        if (Runtime.version().feature() >= 23) {
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        }
        cmd.add("-XX:-UseCompressedOops");   // the samples read addresses the way buggy code does: raw reference bits
        cmd.add("-XX:-CreateCoredumpOnCrash");
        cmd.add("-XX:ErrorFile=" + work.resolve("hs_err_pid%p.log"));
        if (agentArg != null) {
            cmd.add(agentArg);
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path") + File.pathSeparator);
        cmd.add(stop.program.getName());
        return cmd;
    }

    private static String verdictWithout(Stop stop, Run r) {
        if (r.crashed()) {
            return "the JVM crashed (exit status " + r.exit + "): a SIGSEGV in the GC, an hs_err file, no hint of which"
                    + " line of Java did it.";
        }
        if (r.exit != 0) {
            return "failed with exit status " + r.exit + ".";
        }
        return stop.buggy ? "finished normally: nothing noticed the bug — the data is silently wrong."
                : "finished normally.";
    }

    private static String verdictWith(Run r) {
        if (r.records.isEmpty()) {
            return r.exit == 0 ? "no reports: correct code stays silent." : "exit status " + r.exit + ".";
        }
        return "stopped before the write — rule " + r.firstRule() + " at " + r.firstSite()
                + "; the native memory was never touched.";
    }

    /** The program's own lines and the head of HotSpot's crash banner (its problematic frame). */
    private static String crashBanner(String output) {
        StringBuilder sb = new StringBuilder();
        boolean frame = false;
        for (String line : output.split("\\R")) {
            if (!line.startsWith("#") && !line.startsWith("[")) {
                sb.append(line).append('\n');
            } else if (line.startsWith("#  SIGSEGV") || line.startsWith("# A fatal error") || frame) {
                sb.append(line).append('\n');
                frame = false;
            } else if (line.startsWith("# Problematic frame")) {
                sb.append(line).append('\n');
                frame = true;
            }
        }
        return sb.toString();
    }

    private static void show(String text) {
        for (String line : text.strip().split("\\R")) {
            if (!line.isBlank()) {
                System.out.println("    | " + line.replace("\t", "    "));
            }
        }
    }
}
