package io.github.unsafecheck.samples.tour;

import io.github.unsafecheck.samples.memory.DoubleFree;
import io.github.unsafecheck.samples.memory.OffByOne;
import io.github.unsafecheck.samples.memory.UseAfterFree;
import io.github.unsafecheck.samples.pointer.NativeLinkedList;
import io.github.unsafecheck.samples.pointer.ReferenceIntoNative;
import io.github.unsafecheck.samples.pointer.StaleHeapPointer;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The guided demo: each sample runs twice, first as the JVM runs it today, then under the agent, and the tour says
 * what happened in each case. Run by {@code bin/demo}; arguments: the agent jar, and optionally a directory for the
 * runs' reports and crash logs (bin/demo's own, which it removes at exit; without one the tour makes a temporary
 * directory and removes it when done).
 */
public final class Tour {
    private static final List<Stop> STOPS = List.of(
            Stop.bug("A heap pointer hidden in native memory",
                    "A C library keeps a pointer to a Java byte[] in one of its structs. The program stores the\n"
                            + "array's address into malloc'd memory, then lets the garbage collector run.",
                    StaleHeapPointer.class),
            Stop.bug("An object reference stored at a native address",
                    "putObject(null, address, list): HotSpot's GC barriers take the native address for a slot of\n"
                            + "the Java heap. Most runs crash inside them; in the others the barrier writes its bookkeeping\n"
                            + "at whatever address it computed, and the program goes on.",
                    ReferenceIntoNative.class),
            Stop.bug("One write past the end",
                    "A week of counters in a 56-byte block, and a loop that runs day <= 7 instead of day < 7. The\n"
                            + "eighth write lands in the 8 bytes after the block: glibc's bookkeeping of the next one.",
                    OffByOne.class),
            Stop.bug("A write through a freed pointer",
                    "Alice logs out and her session struct is freed; her idle timer still has its address. Bob logs\n"
                            + "in, malloc gives him the same 64 bytes, and then Alice's timer fires.",
                    UseAfterFree.class),
            Stop.bug("The same block freed twice",
                    "A decoder's error path frees the frame, and the cleanup at the end frees it again.",
                    DoubleFree.class),
            Stop.ffmBug("A raw address that outlived its arena",
                    "java.lang.foreign: a cache keeps a request buffer's address as a long. The request's arena\n"
                            + "closes, the next request's arena gets the same memory, and the cache writes a late status.\n"
                            + "Run with rules=all, which adds the opt-in dangling-pointer rule.",
                    "io.github.unsafecheck.samples.ffm.ClosedArena", "rules=all"),
            Stop.correct("Correct off-heap code",
                    "A linked list in native memory: native pointers in native memory, 1,000 nodes built, walked,\n"
                            + "freed. A checker that cries wolf here would be switched off.",
                    NativeLinkedList.class));

    private Tour() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2 || !Files.isRegularFile(Paths.get(args[0]))) {
            System.err.println("usage: Tour <path to unsafecheck-agent.jar> [work directory]");
            System.exit(2);
        }
        Path agent = Paths.get(args[0]).toAbsolutePath();
        Path work = args.length == 2 ? Files.createDirectories(Paths.get(args[1]))
                : Files.createTempDirectory("unsafecheck-demo");
        try {
            tour(agent, work);
        } finally {
            if (args.length == 1) {
                deleteTree(work);
            }
        }
    }

    private static void tour(Path agent, Path work) throws Exception {
        int jdk = Runtime.version().feature();
        List<Stop> stops = STOPS.stream().filter(s -> s.minimumJdk <= jdk).collect(Collectors.toList());
        System.out.println("unsafecheck demo: " + stops.size() + " programs, each run twice — as the JVM runs it today,"
                + " then under the agent.");
        System.out.println("JDK " + Runtime.version() + ", agent " + agent);
        if (stops.size() < STOPS.size()) {
            System.out.println("(the java.lang.foreign stop needs JDK 22 or newer: left out)");
        }
        List<String[]> summary = new ArrayList<>();
        summary.add(new String[] {"program", "without unsafecheck", "with unsafecheck"});
        for (int n = 1; n <= stops.size(); n++) {
            Stop stop = stops.get(n - 1);
            System.out.println();
            Console.heading(n + "/" + stops.size() + "  " + stop.title);
            System.out.println(stop.story);
            System.out.println("source: " + sourceOf(stop));
            System.out.println();
            Run without = Run.of(command(stop, null, work), null);
            System.out.println("  without unsafecheck:");
            Console.show(without.crashed() ? Console.crashBanner(without.output) : without.output);
            System.out.println("  → " + Verdicts.without(stop, without));
            System.out.println();
            Path report = work.resolve("report-" + n + ".jsonl");
            String options = "report=" + report + (stop.agentOptions.isEmpty() ? "" : "," + stop.agentOptions);
            Run with = Run.of(command(stop, "-javaagent:" + agent + "=" + options, work), report);
            System.out.println("  with -javaagent:unsafecheck-agent.jar" + (stop.agentOptions.isEmpty() ? ""
                    : "=" + stop.agentOptions) + ":");
            Console.show(Console.withoutUncaughtError(with.output));
            for (String verdict : Verdicts.with(with)) {
                System.out.println("  → " + verdict);
            }
            summary.add(new String[] {stop.shortName(), Verdicts.summaryWithout(stop, without),
                Verdicts.summaryWith(with)});
        }
        System.out.println();
        Console.heading("In short");
        Console.table(summary);
        System.out.println();
        System.out.println("Each report also went to a JSON-lines file (report=…; the demo's are deleted at the end): one object");
        System.out.println("per violation (rule, op, dst, value, site, stack), between a start and an end record of the JVM,");
        System.out.println("ready for a build to fail on.");
        System.out.println("These programs are rows of the case table (sample-apps/cases): bin/test runs every row under");
        System.out.println("the agent and checks each report against the lines its source marks.");
    }

    /** The work directory and what the runs left in it (reports, HotSpot's crash logs). */
    private static void deleteTree(Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).collect(Collectors.toList())) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static List<String> command(Stop stop, String agentArg, Path work) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        if (Runtime.version().feature() >= 23) {
            cmd.add("--sun-misc-unsafe-memory-access=allow");
        }
        if (Runtime.version().feature() >= 22) {
            cmd.add("--enable-native-access=ALL-UNNAMED");  // the FFM stop's reinterpret is a restricted method
        }
        cmd.add("-XX:-UseCompressedOops");   // the samples read addresses the way buggy code does: raw reference bits
        cmd.add("-XX:-CreateCoredumpOnCrash");
        cmd.add("-XX:ErrorFile=" + work.resolve("hs_err_pid%p.log"));
        if (agentArg != null) {
            cmd.add(agentArg);
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path") + File.pathSeparator);
        cmd.add(stop.program);
        return cmd;
    }

    private static String sourceOf(Stop stop) {
        return "sample-apps/cases/src/main/" + (stop.minimumJdk >= 22 ? "java22/" : "java/")
                + stop.program.replace('.', '/') + ".java";
    }
}
