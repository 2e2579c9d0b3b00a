package io.github.unsafecheck.runtime.hook;

import org.junit.jupiter.api.Test;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.MemoryLayout.PathElement.sequenceElement;
import static org.junit.jupiter.api.Assertions.assertEquals;

class VarHandleOffsetsTest {
    static final StructLayout NODE = MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG.withName("value"),
            ValueLayout.ADDRESS.withName("next"),
            ValueLayout.JAVA_INT.withName("flags"),
            ValueLayout.JAVA_SHORT.withOrder(ByteOrder.BIG_ENDIAN).withName("port"),
            ValueLayout.JAVA_BYTE.withName("kind"),
            ValueLayout.JAVA_BOOLEAN.withName("live"),
            MemoryLayout.paddingLayout(4000),
            ValueLayout.JAVA_DOUBLE.withName("far"));

    @Test
    void eachFieldOfAStructAtItsOffset() {
        for (String field : new String[] {"value", "next", "flags", "port", "kind", "live", "far"}) {
            assertEquals(NODE.byteOffset(groupElement(field)), VarHandleOffsets.probe(NODE.varHandle(groupElement(field))),
                    field);
        }
    }

    @Test
    void aPlainValueLayoutAddsNothing() {
        assertEquals(0, VarHandleOffsets.of(ValueLayout.JAVA_LONG.varHandle()));
    }

    /** Index coordinates: the hooks only judge liveness, and the probe does not guess. */
    @Test
    void handlesWithMoreCoordinatesAreNotProbed() {
        VarHandle element = MemoryLayout.sequenceLayout(4, NODE).varHandle(sequenceElement(), groupElement("next"));
        assertEquals(0, VarHandleOffsets.probe(element));
        assertEquals(0, VarHandleOffsets.probe(MethodHandles.arrayElementVarHandle(long[].class)));
    }
}
