package io.github.unsafecheck.runtime.stack;

import io.github.unsafecheck.runtime.jdk.JdkSites;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The stack of a violation, starting at the first frame outside unsafecheck's runtime: that frame is the site, the
 * rewritten call in the user's code.
 */
public final class StackCapture {
    private static final String RUNTIME_PACKAGE = "io.github.unsafecheck.runtime.";
    private static final int MAX_FRAMES = 64;

    private final List<StackTraceElement> frames;

    private StackCapture(List<StackTraceElement> frames) {
        this.frames = frames;
    }

    /**
     * The current thread's stack without unsafecheck's frames, and without the JDK's own frames on top when the
     * program's code is below them: an arena's close or a direct buffer's allocation is reported at the program's
     * line, not inside {@code jdk.internal.foreign}. A stack that is all JDK (a cleaner thread) is kept whole.
     */
    public static StackCapture here() {
        List<StackTraceElement> frames = StackWalker.getInstance().walk(s -> s
                .dropWhile(f -> f.getClassName().startsWith(RUNTIME_PACKAGE))
                .limit(MAX_FRAMES)
                .map(StackWalker.StackFrame::toStackTraceElement)
                .collect(Collectors.toList()));
        return new StackCapture(dropLeadingJdk(frames));
    }

    /** The same, from a stack captured earlier as a {@code Throwable} (see {@link Trace}). */
    public static StackCapture of(StackTraceElement[] captured) {
        List<StackTraceElement> frames = new ArrayList<>();
        int i = 0;
        while (i < captured.length && captured[i].getClassName().startsWith(RUNTIME_PACKAGE)) {
            i++;
        }
        for (; i < captured.length && frames.size() < MAX_FRAMES; i++) {
            frames.add(captured[i]);
        }
        return new StackCapture(dropLeadingJdk(frames));
    }

    private static List<StackTraceElement> dropLeadingJdk(List<StackTraceElement> frames) {
        int firstOwn = 0;
        while (firstOwn < frames.size() && JdkSites.isJdkClass(frames.get(firstOwn).getClassName())) {
            firstOwn++;
        }
        return firstOwn < frames.size() ? frames.subList(firstOwn, frames.size()) : frames;
    }

    public List<StackTraceElement> elements() {
        return frames;
    }

    /** The site: {@code Class.method(File.java:line)}, or {@code <unknown>}. */
    public String site() {
        return frames.isEmpty() ? "<unknown>" : format(frames.get(0));
    }

    /**
     * The first frame whose class is not one of {@code library}'s (package prefixes ending in {@code .}, or class
     * names, nested classes included): the program's line that called into the library; the first frame if every
     * frame is the library's.
     */
    public String siteOutside(String[] library) {
        for (StackTraceElement e : frames) {
            if (!inLibrary(e.getClassName(), library)) {
                return format(e);
            }
        }
        return site();
    }

    static boolean inLibrary(String className, String[] library) {
        for (String prefix : library) {
            if (prefix.endsWith(".") ? className.startsWith(prefix)
                    : className.equals(prefix) || className.startsWith(prefix) && className.charAt(prefix.length()) == '$') {
                return true;
            }
        }
        return false;
    }

    public List<String> formatted() {
        List<String> out = new ArrayList<>(frames.size());
        for (StackTraceElement e : frames) {
            out.add(format(e));
        }
        return out;
    }

    /** {@code Class.method(File.java:line)}, without the module and class-loader prefixes. */
    public static String format(StackTraceElement e) {
        String where;
        if (e.isNativeMethod()) {
            where = "Native Method";
        } else if (e.getFileName() == null) {
            where = "Unknown Source";
        } else if (e.getLineNumber() >= 0) {
            where = e.getFileName() + ":" + e.getLineNumber();
        } else {
            where = e.getFileName();
        }
        return e.getClassName() + "." + e.getMethodName() + "(" + where + ")";
    }
}
