package io.github.unsafecheck.instrumenter.hooks;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The constants a hooked method passes to its hook, bound per method when the advice is woven (Byte Buddy custom
 * mappings): the resolved {@code track} entry, the free function a reallocation's old block goes back through, the
 * operation's name for reports, the call-site cache slot, the bytes a write covers.
 */
final class HookConstants {
    private HookConstants() {
    }

    /** The resolved entry of the hooked function ({@code pkg.Class#name(desc)ret=role@i…}). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface Spec {
    }

    /** For a reallocating function: the resolved entry of its class's free function. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface FreeSpec {
    }

    /** The operation, as reports name it ({@code Pointer.setLong}). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface Op {
    }

    /** The method's slot in the runtime's call-site cache. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface Slot {
    }

    /** Bytes one element of the write covers. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.PARAMETER)
    @interface Width {
    }
}
