package io.github.unsafecheck.benchmarks.ratio;

import io.github.unsafecheck.benchmarks.allocation.AllocationPairs;
import io.github.unsafecheck.benchmarks.startup.AgentStartup;
import io.github.unsafecheck.benchmarks.startup.ClassLoading;
import io.github.unsafecheck.benchmarks.stores.HeapStores;
import io.github.unsafecheck.benchmarks.stores.NativePointerStores;

import java.util.List;

/**
 * The ratio table's rows, in the order they are run and printed. Later issues add their rows here (see
 * benchmarks/RESULTS.md, "Not measured yet").
 *
 * <p>Quick profile: under 5 minutes on 2 cores, for checking that everything runs and for a rough figure. Full
 * profile: the figures to record, on a quiet machine.
 */
final class Cases {
    private Cases() {
    }

    private static final Settings STORES_QUICK = Settings.timed(2, 1, 3, 1, 2);
    private static final Settings STORES_FULL = Settings.timed(5, 1, 5, 2, 5);
    private static final Settings HELLO_QUICK = Settings.shots(2, 5, 2);
    private static final Settings HELLO_FULL = Settings.shots(3, 10, 5);
    // One invocation per fork: a cold JVM, as at a test suite's start.
    private static final Settings LOADING_QUICK = Settings.shots(0, 1, 3);
    private static final Settings LOADING_FULL = Settings.shots(0, 1, 10);
    /** Microseconds per operation with the agent: fewer, shorter iterations keep the quick profile under 5 minutes. */
    private static final Settings ALLOC_QUICK = Settings.timed(2, 1, 2, 1, 2);
    private static final String SEGMENTS = "io.github.unsafecheck.benchmarks.segments.SegmentStores";
    private static final Goal FAST_PATH = Goal.ratio(1.05, "issue 7");

    static List<Case> all() {
        String nat = NativePointerStores.class.getName();
        String heap = HeapStores.class.getName();
        return List.of(
                store("native putAddress(addr, v)", nat, "putAddress"),
                store("native putLong(null, addr, v)", nat, "putLongNullBase"),
                store("native putLong(addr, v)", nat, "putLongAddress"),
                store("heap putLong(long[], off, heapValue)", heap, "putLongArray"),
                store("heap putObject(Object[], off, o)", heap, "putObjectArray"),
                // Compiled at release 22 (src/main/java22): named, not referenced, so this class loads on JDK 17.
                store("segment set(JAVA_LONG, off, v)", SEGMENTS, "setLong", 22),
                store("segment set(ADDRESS, off, segment)", SEGMENTS, "setAddress", 22),
                allocation("allocate + store + free, 64 bytes", ""),
                allocation("allocate + store + free, 64 bytes, stacks=false", "stacks=false"),
                new Case("start-up: hello world (JVM wall time)", AgentStartup.class.getName() + ".helloWorld",
                        Placement.CHILD, Goal.extraMillis(150, "issue 7", 300, "issue 2"),
                        HELLO_QUICK, HELLO_FULL, null, 0, "", 17),
                new Case("start-up: hello world, empty agent", AgentStartup.class.getName() + ".helloWorld",
                        Placement.CHILD_EMPTY_AGENT, Goal.reference("the JVM's floor for any agent"),
                        HELLO_QUICK, HELLO_FULL, null, 0, "", 17),
                new Case("class loading: ~5,000 classes of real jars", ClassLoading.class.getName() + ".loadCorpus",
                        Placement.FORK, Goal.ratio(1.10, "issue 7"), LOADING_QUICK, LOADING_FULL, null, 4000, "", 17),
                new Case("class loading, empty agent", ClassLoading.class.getName() + ".loadCorpus",
                        Placement.FORK_EMPTY_AGENT, Goal.reference("any transformer's floor"),
                        LOADING_QUICK, LOADING_FULL, null, 0, "", 17));
    }

    /** No goal in the issue yet: the row reports the cost of tracking a block's whole life. */
    private static Case allocation(String name, String agentOptions) {
        String pairs = AllocationPairs.class.getName();
        return new Case(name, pairs + ".allocateWriteFree", Placement.FORK,
                Goal.reference("no goal yet: the price of a tracked block's life"), ALLOC_QUICK, STORES_FULL, pairs,
                0, agentOptions, 17);
    }

    private static Case store(String name, String benchmarkClass, String method) {
        return store(name, benchmarkClass, method, 17);
    }

    private static Case store(String name, String benchmarkClass, String method, int minimumJdk) {
        return new Case(name, benchmarkClass + "." + method, Placement.FORK, FAST_PATH, STORES_QUICK, STORES_FULL,
                benchmarkClass, 0, "", minimumJdk);
    }
}
