package io.github.unsafecheck.agent;

/**
 * Stops the JVM before {@code main} with one clear message. Throwing from premain would print an
 * {@code InvocationTargetException} and abort the JVM with "processing of -javaagent failed"; a user who mistyped
 * an option deserves the option's name instead.
 */
final class StartFailure {
    /** Exit status of a JVM the agent refused to start. */
    static final int EXIT_STATUS = 2;

    private StartFailure() {
    }

    static void stop(String message) {
        System.err.println(message);
        System.err.println("unsafecheck: the JVM stops here; run java -jar unsafecheck-agent.jar for the options");
        System.err.flush();
        System.exit(EXIT_STATUS);
    }
}
