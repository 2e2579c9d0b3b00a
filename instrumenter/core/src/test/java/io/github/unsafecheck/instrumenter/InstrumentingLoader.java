package io.github.unsafecheck.instrumenter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the named classes through {@link ClassInstrumenter}, as the agent would; everything else from the parent. */
final class InstrumentingLoader extends ClassLoader {
    private final String prefix;
    final CoverageRecorder coverage = new CoverageRecorder();

    InstrumentingLoader(String prefix) {
        super(InstrumentingLoader.class.getClassLoader());
        this.prefix = prefix;
    }

    static byte[] bytesOf(String className) {
        try (InputStream in = InstrumentingLoader.class.getClassLoader()
                .getResourceAsStream(className.replace('.', '/') + ".class")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(prefix)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                byte[] original = bytesOf(name);
                ClassInstrumenter.Result r = ClassInstrumenter.standard().instrument(name, original);
                coverage.record("test", r.coverage());
                byte[] b = r.bytes() != null ? r.bytes() : original;
                c = defineClass(name, b, 0, b.length);
            }
            return c;
        }
    }
}
