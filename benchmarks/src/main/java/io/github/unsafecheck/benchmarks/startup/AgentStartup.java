package io.github.unsafecheck.benchmarks.startup;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Start-up: the wall time of a whole JVM running {@link HelloWorld}, started by the benchmark, with the agent's
 * default options or without the agent ({@link ChildAgent}; the runner also runs it with {@link EmptyAgent}, the
 * floor under any agent). What unsafecheck adds is its premain — defining the runtime in the bootstrap loader,
 * parsing options, finding the heap ranges, registering the transformer — and the transformer's pre-filter on the
 * few application classes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AgentStartup {
    private List<String> command;

    @Setup
    public void prepare() throws IOException, InterruptedException {
        command = new ArrayList<>();
        command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        String agent = ChildAgent.javaagentArgument("");
        if (agent != null) {
            command.add(agent);
        }
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(HelloWorld.class.getName());
        if (agent != null) {
            verifyAgentStarts(ChildAgent.javaagentArgument("verbose=true"));
        }
    }

    @Benchmark
    public int helloWorld() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int exit = p.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(command + " exited with " + exit);
        }
        return exit;
    }

    /** Once, untimed: the child really runs the agent (else the "with agent" figure would be a fake). */
    private void verifyAgentStarts(String verboseAgent) throws IOException, InterruptedException {
        List<String> check = new ArrayList<>(command);
        check.set(1, verboseAgent);
        Process p = new ProcessBuilder(check).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0 || !(out.contains("unsafecheck: active") || out.contains("empty agent: active"))) {
            throw new IllegalStateException("the agent did not start in " + check + ":\n" + out);
        }
    }
}
