package io.github.unsafecheck.instrumenter;

/**
 * The MemorySegment hooks of the runtime's {@code FfmHooks}: name, descriptor (with the supertypes the hooks
 * declare — a call's {@code ValueLayout$OfInt} argument goes to a {@code ValueLayout} parameter) and whether the
 * segment receiver comes first.
 */
final class Segments {
    private static final String SEG = "Ljava/lang/foreign/MemorySegment;";
    private static final String LAYOUT = "Ljava/lang/foreign/ValueLayout;";
    private static final String STR = "Ljava/lang/String;";
    private static final String OP_SLOT = STR + "I";

    /** One hook of FfmHooks. */
    static final class Hook {
        final String name;
        final String descriptor;
        final boolean withReceiver;

        Hook(String name, String descriptor, boolean withReceiver) {
            this.name = name;
            this.descriptor = descriptor;
            this.withReceiver = withReceiver;
        }
    }

    static final Hook SET = new Hook("set", "(" + SEG + LAYOUT + "J" + OP_SLOT + ")V", true);
    static final Hook SET_LONG = new Hook("setLong", "(" + SEG + LAYOUT + "JJ" + OP_SLOT + ")V", true);
    static final Hook SET_ADDRESS = new Hook("setAddress", "(" + SEG + LAYOUT + "J" + SEG + OP_SLOT + ")V", true);
    static final Hook SET_AT_INDEX = new Hook("setAtIndex", "(" + SEG + LAYOUT + "J" + OP_SLOT + ")V", true);
    static final Hook SET_AT_INDEX_LONG = new Hook("setAtIndexLong", "(" + SEG + LAYOUT + "JJ" + OP_SLOT + ")V", true);
    static final Hook SET_AT_INDEX_ADDRESS = new Hook("setAtIndexAddress",
            "(" + SEG + LAYOUT + "J" + SEG + OP_SLOT + ")V", true);
    static final Hook FILL = new Hook("fill", "(" + SEG + OP_SLOT + ")V", true);
    static final Hook COPY_FROM = new Hook("copyFrom", "(" + SEG + SEG + OP_SLOT + ")V", true);
    static final Hook SET_STRING = new Hook("setString", "(" + SEG + "J" + STR + OP_SLOT + ")V", true);
    static final Hook SET_STRING_CHARSET = new Hook("setString",
            "(" + SEG + "J" + STR + "Ljava/nio/charset/Charset;" + OP_SLOT + ")V", true);
    static final Hook COPY = new Hook("copy", "(" + SEG + "J" + SEG + "JJ" + OP_SLOT + ")V", false);
    static final Hook COPY_LAYOUTS = new Hook("copy", "(" + SEG + LAYOUT + "J" + SEG + LAYOUT + "JJ" + OP_SLOT + ")V",
            false);
    static final Hook COPY_TO_ARRAY = new Hook("copyToArray", "(" + SEG + LAYOUT + "JI" + OP_SLOT + ")V", false);
    static final Hook COPY_FROM_ARRAY = new Hook("copyFromArray", "(" + SEG + LAYOUT + "JI" + OP_SLOT + ")V", false);

    private Segments() {
    }
}
