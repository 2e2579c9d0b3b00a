package io.github.unsafecheck.benchmarks.ratio;

/** Where the "with agent" run puts the agent. */
enum Placement {
    /** On the JMH fork itself ({@code -javaagent}): the benchmark's own call sites and class loads are checked. */
    FORK,
    /** On the JMH fork, the empty reference agent ({@code benchmarks.jar} itself) instead of unsafecheck. */
    FORK_EMPTY_AGENT,
    /** On the JVMs the benchmark starts (start-up benchmarks): the fork gets only the agent's path. */
    CHILD,
    /** Like {@link #CHILD}, with the empty reference agent ({@code benchmarks.jar} itself) instead of unsafecheck. */
    CHILD_EMPTY_AGENT
}
