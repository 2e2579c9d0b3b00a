package io.github.unsafecheck.benchmarks.ratio;

import io.github.unsafecheck.benchmarks.allocation.AllocationPairs;
import io.github.unsafecheck.benchmarks.mixes.AgronaMessages;
import io.github.unsafecheck.benchmarks.mixes.LwjglMemory;
import io.github.unsafecheck.benchmarks.mixes.NettyMessages;
import io.github.unsafecheck.benchmarks.startup.AgentStartup;
import io.github.unsafecheck.benchmarks.startup.ClassLoading;
import io.github.unsafecheck.benchmarks.stores.HeapStores;
import io.github.unsafecheck.benchmarks.stores.LiveBlockStores;
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
    private static final Goal LIVE_BLOCK = Goal.ratio(1.3, "issues 3 and 7");
    /** Issue 4's goal for segment stores: FFM already pays its own bounds and liveness checks on every store. */
    private static final Goal SEGMENT_STORE = Goal.ratio(1.3, "issue 4");

    static List<Case> all() {
        String nat = NativePointerStores.class.getName();
        String heap = HeapStores.class.getName();
        String live = LiveBlockStores.class.getName();
        return List.of(
                store("native putAddress(addr, v)", nat, "putAddress"),
                store("native putLong(null, addr, v)", nat, "putLongNullBase"),
                store("native putLong(addr, v)", nat, "putLongAddress"),
                store("live block putInt(addr, i)", live, "putInt", LIVE_BLOCK, 17),
                store("live block putLong(addr, data)", live, "putLongData", LIVE_BLOCK, 17),
                store("heap putLong(long[], off, heapValue)", heap, "putLongArray"),
                store("heap putObject(Object[], off, o)", heap, "putObjectArray"),
                // Compiled at release 22 (src/main/java22): named, not referenced, so this class loads on JDK 17.
                store("segment set(JAVA_LONG, off, v)", SEGMENTS, "setLong", SEGMENT_STORE, 22),
                store("segment set(ADDRESS, off, segment)", SEGMENTS, "setAddress", SEGMENT_STORE, 22),
                store("segment VarHandle set(segment, off, v)", SEGMENTS, "setLongVarHandle", SEGMENT_STORE, 22),
                // Realistic mixes: the libraries' own Unsafe call sites are the rewritten ones.
                mix("Agrona UnsafeBuffer: encode a message", AgronaMessages.class.getName() + ".encode",
                        "org.agrona.concurrent.UnsafeBuffer", false),
                mix("Netty pooled direct buffer: allocate, encode, release", NettyMessages.class.getName() + ".encode",
                        "io.netty.util.internal.PlatformDependent0", true),
                // LWJGL (issue 15): its memory is tracked by the built-in hooks; its writes go through MemoryUtil.
                mix("LWJGL memPut* into an nmemAlloc block", LwjglMemory.class.getName() + ".memPut",
                        "org.lwjgl.system.MemoryUtil", true),
                mix("LWJGL memPut* alternating two nmemAlloc blocks", LwjglMemory.class.getName() + ".memPutTwoBlocks",
                        "org.lwjgl.system.MemoryUtil", true),
                lwjglStack("LWJGL MemoryStack push, 2 allocations, pop", ""),
                lwjglStack("LWJGL MemoryStack push, 2 allocations, pop, stacks=false", "stacks=false"),
                allocation("allocate + store + free, 64 bytes", "", Goal.ratio(3.0, "issue 7, with stacks")),
                allocation("allocate + store + free, 64 bytes, stacks=false", "stacks=false",
                        Goal.ratio(1.3, "issue 7, without stacks")),
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

    /** A library's buffer code writing messages: stores into live blocks, among other work. */
    private static Case mix(String name, String benchmark, String libraryClass, boolean sunMiscUnsafe) {
        return new Case(name, benchmark, Placement.FORK, LIVE_BLOCK, STORES_QUICK, STORES_FULL, libraryClass, 0, "",
                17, sunMiscUnsafe);
    }

    /**
     * A stack frame's two allocations tracked and freed (issue 15): no goal yet — each is a tracked block with its
     * allocation trace, which issue 20 makes cheaper.
     */
    private static Case lwjglStack(String name, String agentOptions) {
        return new Case(name, LwjglMemory.class.getName() + ".stackFrame", Placement.FORK,
                Goal.reference("no goal yet: two tracked blocks a frame (issue 20 makes tracking cheaper)"),
                ALLOC_QUICK, STORES_FULL, "org.lwjgl.system.MemoryUtil", 0, agentOptions, 17, true);
    }

    /** The price of a tracked block's whole life: recorded with its redzone, checked, freed into the quarantine. */
    private static Case allocation(String name, String agentOptions, Goal goal) {
        String pairs = AllocationPairs.class.getName();
        return new Case(name, pairs + ".allocateWriteFree", Placement.FORK, goal, ALLOC_QUICK, STORES_FULL, pairs,
                0, agentOptions, 17);
    }

    private static Case store(String name, String benchmarkClass, String method) {
        return store(name, benchmarkClass, method, 17);
    }

    private static Case store(String name, String benchmarkClass, String method, int minimumJdk) {
        return store(name, benchmarkClass, method, FAST_PATH, minimumJdk);
    }

    private static Case store(String name, String benchmarkClass, String method, Goal goal, int minimumJdk) {
        return new Case(name, benchmarkClass + "." + method, Placement.FORK, goal, STORES_QUICK, STORES_FULL,
                benchmarkClass, 0, "", minimumJdk);
    }
}
