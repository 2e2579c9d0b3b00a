package io.github.unsafecheck.runtime.config;

/** A bad option: the message names the option and what it accepts, ready to print as it is. */
public final class OptionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final boolean aboutFile;

    public OptionException(String message) {
        this(message, false);
    }

    private OptionException(String message, boolean aboutFile) {
        super(message);
        this.aboutFile = aboutFile;
    }

    /** The file an option names cannot be used: the value is well-formed, so the list of options would not help. */
    public static OptionException aboutFile(String message) {
        return new OptionException(message, true);
    }

    /** Whether the list of options and their values helps (false when the problem is a file, not the option). */
    public boolean optionsHelp() {
        return !aboutFile;
    }
}
