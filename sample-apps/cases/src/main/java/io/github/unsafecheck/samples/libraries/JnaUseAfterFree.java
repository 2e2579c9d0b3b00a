package io.github.unsafecheck.samples.libraries;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

/**
 * A JNA {@code Memory} closed while a raw {@code Pointer} to it lives on: a message is built in a {@code Memory}, its
 * address handed to a callback registry as a plain {@code Pointer}, and the {@code Memory} closed when the message is
 * sent. The registry later writes an acknowledgement flag through its {@code Pointer} — into freed memory, which
 * malloc may have given to anyone. JNA checks a {@code Memory}'s bounds, not a plain {@code Pointer}'s, and cannot
 * know the memory is gone.
 *
 * <p>Under unsafecheck {@code Native.malloc}'s memory is tracked and {@code Pointer}'s writes (JNI calls) are checked:
 * rule {@code use-after-free}.
 */
public final class JnaUseAfterFree {
    public static void main(String[] args) {
        Memory message = new Memory(64);
        message.setString(0, "hello");
        Pointer registered = new Pointer(Pointer.nativeValue(message)); // kept by the callback registry
        message.close();                                                 // sent: the memory goes back
        registered.setInt(60, 1); // expect: use-after-free
        System.out.println("acknowledged through a closed Memory");
    }
}
