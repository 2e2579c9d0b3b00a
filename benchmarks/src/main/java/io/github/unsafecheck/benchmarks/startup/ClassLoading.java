package io.github.unsafecheck.benchmarks.startup;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.IOException;
import java.net.URLClassLoader;
import java.util.concurrent.TimeUnit;

/**
 * Class loading: every class of about 5,000 from real jars ({@link ClassCorpus}), defined by a fresh class loader, in a
 * JMH fork with or without the agent. With the agent each class goes through the transformer: the class filter, the
 * constant-pool pre-filter (which rules out nearly all of them without parsing), and for the few that name
 * {@code Unsafe} the ASM census and rewrite. Classes are loaded, not initialized: static initializers would time the
 * libraries, not the agent.
 *
 * <p>The loader's parent is the platform loader, so nothing comes from the benchmark's own class path (which holds
 * JMH too). The runner times one invocation per fork (a cold JVM, as at a test suite's start).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ClassLoading {
    /** Fewer than this loaded means the corpus is broken: fail rather than report a figure for nothing. */
    private static final int MINIMUM_LOADED = 4000;

    private ClassCorpus corpus;

    @Setup
    public void findCorpus() throws IOException {
        corpus = ClassCorpus.find();
    }

    @Benchmark
    public int loadCorpus() throws IOException {
        int loaded = 0;
        try (URLClassLoader loader = new URLClassLoader(corpus.jars, ClassLoader.getPlatformClassLoader())) {
            for (String name : corpus.classNames) {
                try {
                    Class.forName(name, false, loader);
                    loaded++;
                } catch (ClassNotFoundException | LinkageError e) {
                    // an optional dependency outside the corpus: skipped the same way with and without the agent
                }
            }
        }
        if (loaded < MINIMUM_LOADED) {
            throw new IllegalStateException("only " + loaded + " of " + corpus.classNames.size() + " classes loaded");
        }
        return loaded;
    }
}
