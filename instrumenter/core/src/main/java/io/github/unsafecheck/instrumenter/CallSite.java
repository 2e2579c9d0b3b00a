package io.github.unsafecheck.instrumenter;

/** One relevant call site the instrumenter saw: rewritten, or skipped with the reason. */
public final class CallSite {
    private final String method;
    private final int line;
    private final String target;
    private final String skipReason;

    CallSite(String method, int line, String target, String skipReason) {
        this.method = method;
        this.line = line;
        this.target = target;
        this.skipReason = skipReason;
    }

    /** {@code name(desc)} of the method holding the call. */
    public String method() {
        return method;
    }

    /** Source line, or -1 when the class has no line numbers. */
    public int line() {
        return line;
    }

    /** The JDK method called, e.g. {@code sun.misc.Unsafe.putAddress(JJ)V}. */
    public String target() {
        return target;
    }

    public boolean rewritten() {
        return skipReason == null;
    }

    /** Why the site runs unchecked, or null when it was rewritten. */
    public String skipReason() {
        return skipReason;
    }

    @Override
    public String toString() {
        return method + " line " + line + ": " + target + (rewritten() ? " rewritten" : " skipped (" + skipReason + ")");
    }

    CallSite skipped(String reason) {
        return new CallSite(method, line, target, reason);
    }
}
