package io.github.unsafecheck.testing;

import java.nio.file.Path;

/** An installed JDK: its home and feature version. */
public final class Jdk {
    private final Path home;
    private final int feature;

    Jdk(Path home, int feature) {
        this.home = home;
        this.feature = feature;
    }

    public Path home() {
        return home;
    }

    public int feature() {
        return feature;
    }

    public Path java() {
        return home.resolve("bin").resolve("java");
    }

    @Override
    public String toString() {
        return "JDK " + feature;
    }
}
