package io.github.unsafecheck.agent;

import java.lang.instrument.Instrumentation;

/**
 * Entry points of {@code unsafecheck-agent.jar}: {@code -javaagent} (premain), late attach (agentmain), and
 * {@code java -jar unsafecheck-agent.jar}, which prints the options.
 *
 * <p>This class touches no runtime class: the runtime is not loadable until it has been put into the
 * bootstrap loader ({@link NestedRuntime}), and everything after that happens in {@link AgentInstaller}.
 */
public final class AgentMain {
    private AgentMain() {
    }

    public static void premain(String args, Instrumentation inst) {
        start(args, inst, false);
    }

    public static void agentmain(String args, Instrumentation inst) {
        start(args, inst, true);
    }

    /** {@code java -jar unsafecheck-agent.jar}: the options with their defaults. */
    public static void main(String[] args) throws Exception {
        System.out.print(HelpText.render());
    }

    private static void start(String args, Instrumentation inst, boolean lateAttach) {
        try {
            NestedRuntime.loadIntoBootstrap(inst);
        } catch (Exception e) {
            StartFailure.stop("unsafecheck: cannot load its runtime into the bootstrap class loader: " + e);
            return;
        }
        AgentInstaller.install(args, inst, lateAttach);
    }
}
