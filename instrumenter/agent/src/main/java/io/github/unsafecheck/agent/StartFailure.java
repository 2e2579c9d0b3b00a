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

    /** A bad option: the message, and where the list of options is (the agent jar's real path, ready to paste). */
    static void badOption(String message) {
        stop(message, "unsafecheck: the JVM stops here; run java -jar " + AgentJar.shellPath() + " for the options");
    }

    /** Anything else that keeps the agent from starting: the message says what to do. */
    static void stop(String message) {
        stop(message, "unsafecheck: the JVM stops here");
    }

    private static void stop(String message, String last) {
        System.err.println(message);
        System.err.println(last);
        System.err.flush();
        System.exit(EXIT_STATUS);
    }
}
