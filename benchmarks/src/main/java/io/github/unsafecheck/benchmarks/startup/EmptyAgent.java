package io.github.unsafecheck.benchmarks.startup;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;

/**
 * The reference agent for the start-up table: {@code benchmarks.jar} is also a {@code -javaagent} jar whose premain
 * only registers a transformer that changes nothing (retransform-capable, like unsafecheck's). What the JVM charges
 * for that alone — the {@code java.instrument} module, the premain call, the class-file hook on every later class —
 * is the floor under any agent's start-up; unsafecheck's own cost is what it adds above this row.
 */
public final class EmptyAgent {
    private EmptyAgent() {
    }

    public static void premain(String args, Instrumentation inst) {
        inst.addTransformer(new ClassFileTransformer() { }, true);
        if (args != null && args.contains("verbose=true")) {
            System.err.println("empty agent: active");
        }
    }
}
