package io.github.unsafecheck.testing;

import java.util.List;

/** What a forked JVM did: its exit status and output. {@link #toString()} is made for assertion messages. */
public final class RunResult {
    private final List<String> command;
    private final int exitCode;
    private final String stdout;
    private final String stderr;

    RunResult(List<String> command, int exitCode, String stdout, String stderr) {
        this.command = command;
        this.exitCode = exitCode;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    public int exitCode() {
        return exitCode;
    }

    public String stdout() {
        return stdout;
    }

    public String stderr() {
        return stderr;
    }

    @Override
    public String toString() {
        return "command: " + String.join(" ", command) + "\nexit: " + exitCode + "\n--- stdout ---\n" + stdout
                + "--- stderr ---\n" + stderr;
    }
}
