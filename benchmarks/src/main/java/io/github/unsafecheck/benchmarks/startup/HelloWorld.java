package io.github.unsafecheck.benchmarks.startup;

/** The program whose whole run {@link AgentStartup} times, with and without the agent. */
public final class HelloWorld {
    private HelloWorld() {
    }

    public static void main(String[] args) {
        System.out.println("Hello, world");
    }
}
