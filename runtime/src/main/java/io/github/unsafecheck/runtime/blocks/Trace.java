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
 * inside the JDK (a direct buffer's constructor, an arena), the site is the program's first frame on the stack. For
 * an allocation made inside a library whose own methods are hooked (LWJGL's {@code nmemAlloc}, a stack frame, JNA's
 * {@code Native.malloc}, a declared function) there is no call site at all: the site is the first frame outside the
 * library ({@link #inside}).
 */
public final class Trace {
    private final String staticSite;
    private final String thread;
    private final Throwable stack;
    private final boolean showStack;
    /** For a library's allocation: the class-name prefixes of the library's own frames, skipped to find the site. */
    private final String[] library;
    private volatile StackCapture frames;

    private Trace(String staticSite, String thread, Throwable stack, boolean showStack, String[] library) {
        this.staticSite = staticSite;
        this.thread = thread;
        this.stack = stack;
        this.showStack = showStack;
        this.library = library;
    }

    /** Captures the current thread's stack if {@code stacks}, or if the site alone says nothing (a JDK site). */
    public static Trace here(String staticSite, boolean stacks) {
        boolean needStack = stacks || JdkSites.isJdkClass(staticSite);
        return new Trace(staticSite, Thread.currentThread().getName(), needStack ? new Throwable() : null, stacks,
                null);
    }

    /**
     * Captures the current thread's stack for an allocation or free made inside a library's own method: the site is
     * the first frame whose class does not start with one of {@code library} (a package prefix ending in {@code .},
     * or a class name, which also covers its nested classes). The stack is always taken — without it there is no
     * site — and shown only if {@code stacks}.
     */
    public static Trace inside(String[] library, boolean stacks) {
        return new Trace(null, Thread.currentThread().getName(), new Throwable(), stacks, library);
    }

    /** {@code Class.method(File.java:line)}: the program's line. */
    public String site() {
        if (library != null) {
            return capture().siteOutside(library);
        }
        if (stack == null || !JdkSites.isJdkClass(staticSite)) {
            return staticSite;
        }
        StackCapture c = capture();
        return c.elements().isEmpty() ? staticSite : c.site();
    }

    /** True when the captured stack (if any) runs through {@code className.method}. */
    public boolean passesThrough(String className, String method) {
        if (stack == null) {
            return false;
        }
        for (StackTraceElement e : stack.getStackTrace()) {
            if (e.getClassName().equals(className) && e.getMethodName().equals(method)) {
                return true;
            }
        }
        return false;
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
