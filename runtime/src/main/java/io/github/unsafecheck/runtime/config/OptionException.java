package io.github.unsafecheck.runtime.config;

/** A bad option: the message names the option and what it accepts, ready to print as it is. */
public final class OptionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public OptionException(String message) {
        super(message);
    }
}
