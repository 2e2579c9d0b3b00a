package io.github.unsafecheck.runtime.blocks;

import io.github.unsafecheck.runtime.jdk.JdkSites;
import io.github.unsafecheck.runtime.stack.StackCapture;

import java.util.List;

/**
 * Where an allocation or a free happened, captured cheaply and read only if a report needs it. The stack is kept
 * as a {@code Throwable}, whose native backtrace costs well under a microsecond to take, and is turned into frames
 * on first use; a StackWalker turning every frame into text at once cost 7–28 µs per allocation (measured).
 *
 * <p>The site is the rewritten call's own location, known when the class was instrumented. When that call is
 * inside the JDK (a direct buffer's constructor, an arena), the site is the program's first frame on the stack.
 */
public final class Trace {
    private final String staticSite;
    private final String thread;
    private final Throwable stack;
    private final boolean showStack;
    private volatile StackCapture frames;

    private Trace(String staticSite, String thread, Throwable stack, boolean showStack) {
        this.staticSite = staticSite;
        this.thread = thread;
        this.stack = stack;
        this.showStack = showStack;
    }

    /** Captures the current thread's stack if {@code stacks}, or if the site alone says nothing (a JDK site). */
    public static Trace here(String staticSite, boolean stacks) {
        boolean needStack = stacks || JdkSites.isJdkClass(staticSite);
        return new Trace(staticSite, Thread.currentThread().getName(), needStack ? new Throwable() : null, stacks);
    }

    /** {@code Class.method(File.java:line)}: the program's line. */
    public String site() {
        if (stack == null || !JdkSites.isJdkClass(staticSite)) {
            return staticSite;
        }
        StackCapture c = capture();
        return c.elements().isEmpty() ? staticSite : c.site();
    }

    public String thread() {
        return thread;
    }

    /** The stack, formatted, or null when stacks are off. */
    public List<String> frames() {
        return showStack && stack != null ? capture().formatted() : null;
    }

    private StackCapture capture() {
        StackCapture c = frames;
        if (c == null) {
            c = StackCapture.of(stack.getStackTrace());
            frames = c;
        }
        return c;
    }
}
