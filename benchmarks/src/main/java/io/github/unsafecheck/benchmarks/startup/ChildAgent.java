package io.github.unsafecheck.benchmarks.startup;

/**
 * Which agent, if any, a start-up benchmark gives the JVMs it starts. The ratio runner sets the system property
 * {@value #PROPERTY} (the agent jar's path) in the JMH forks of the "with agent" run only; the forks themselves never
 * carry the agent for these benchmarks, so both runs time the same harness.
 */
public final class ChildAgent {
    public static final String PROPERTY = "unsafecheck.bench.childAgent";

    private ChildAgent() {
    }

    /** The {@code -javaagent:…} argument for a child JVM, or null in the run without the agent. */
    static String javaagentArgument(String options) {
        String jar = System.getProperty(PROPERTY, "");
        if (jar.isEmpty()) {
            return null;
        }
        return "-javaagent:" + jar + (options.isEmpty() ? "" : "=" + options);
    }
}
