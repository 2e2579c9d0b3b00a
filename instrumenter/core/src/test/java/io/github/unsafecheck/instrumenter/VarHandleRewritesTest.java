package io.github.unsafecheck.instrumenter;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Which VarHandle call sites are rewritten, from their call-site descriptors alone. */
class VarHandleRewritesTest {
    private static final String VH = "java/lang/invoke/VarHandle";
    private static final String SEG = "Ljava/lang/foreign/MemorySegment;";

    @Test
    void layoutVarHandleStoresOnSegments() {
        VarHandleRewrites.Site set = VarHandleRewrites.lookup(VH, "set", "(" + SEG + "JJ)V");
        assertNotNull(set);
        assertEquals("varHandleStoreLong", set.hook);
        assertEquals(1, set.offsetArg);
        assertEquals(2, set.coordinates);
        assertEquals(2, set.valueArg);
        assertEquals("VarHandle.set", set.op);
        VarHandleRewrites.Site address = VarHandleRewrites.lookup(VH, "setRelease", "(" + SEG + "J" + SEG + ")V");
        assertEquals("varHandleStoreAddress", address.hook);
        VarHandleRewrites.Site ints = VarHandleRewrites.lookup(VH, "set", "(" + SEG + "JI)V");
        assertEquals("varHandleWrite", ints.hook);
    }

    @Test
    void pathVarHandlesAndCasModes() {
        VarHandleRewrites.Site path = VarHandleRewrites.lookup(VH, "set", "(" + SEG + "JJI)V");
        assertEquals(3, path.coordinates, "segment, base offset, index");
        assertEquals("varHandleWrite", path.hook);
        VarHandleRewrites.Site cas = VarHandleRewrites.lookup(VH, "compareAndSet", "(" + SEG + "JJJ)Z");
        assertEquals(2, cas.coordinates);
        assertEquals(3, cas.valueArg, "the new value");
        VarHandleRewrites.Site add = VarHandleRewrites.lookup(VH, "getAndAdd", "(" + SEG + "JJ)V");
        assertEquals("varHandleWrite", add.hook, "arithmetic never stores a pointer it was given");
    }

    @Test
    void readsFieldsAndArraysAreLeftAlone() {
        assertNull(VarHandleRewrites.lookup(VH, "get", "(" + SEG + "J)J"));
        assertNull(VarHandleRewrites.lookup(VH, "set", "(Lcom/example/Node;J)V"), "a field VarHandle");
        assertNull(VarHandleRewrites.lookup(VH, "set", "([JIJ)V"), "an array VarHandle");
        assertNull(VarHandleRewrites.lookup("java/lang/invoke/MethodHandle", "invoke", "(" + SEG + "JJ)V"));
        assertNotNull(VarHandleRewrites.lookup(VH, "set", "(Ljava/lang/Object;JJ)V"),
                "an erased first coordinate may be a segment: checked at run time");
    }
}
