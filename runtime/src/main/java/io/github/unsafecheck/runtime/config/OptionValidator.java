package io.github.unsafecheck.runtime.config;

/** Checks one option value; throws {@link OptionException} naming the option and what it accepts. */
final class OptionValidator {
    private OptionValidator() {
    }

    static void validate(Option option, String value, String origin) {
        switch (option) {
            case MODE:
                for (Mode m : Mode.values()) {
                    if (m.id().equals(value)) {
                        return;
                    }
                }
                throw bad(option, value, origin, "accepted values: throw, report, count");
            case STRICT:
            case VERBOSE:
            case STACKS:
            case LEAKS:
                if (!value.equals("true") && !value.equals("false")) {
                    throw bad(option, value, origin, "accepted values: true, false");
                }
                return;
            case REPORT:
            case COVERAGE:
                // Writability is checked when the runtime opens the file at start.
                return;
            case REDZONE:
                if (Sizes.parse(value) < 0 || Sizes.parse(value) > 1 << 20 || !value.matches("\\d+")) {
                    throw bad(option, value, origin, "a number of bytes from 0 to 1048576");
                }
                return;
            case QUARANTINE:
                if (Sizes.parse(value) < 0) {
                    throw bad(option, value, origin, "a number of bytes, optionally with k, m or g (e.g. 64m)");
                }
                return;
            case RULES:
                for (String id : Lists.split(value)) {
                    if (!id.equals("all") && Rule.byId(id) == null) {
                        throw bad(option, value, origin, "unknown rule '" + id + "'; known rules: " + ruleIds() + ", all");
                    }
                }
                return;
            case INCLUDE:
            case EXCLUDE:
                for (String glob : Lists.split(value)) {
                    if (!ClassNameGlob.isValid(glob)) {
                        throw bad(option, value, origin, "'" + glob
                                + "' is not a class-name glob: use dotted names with * and ?, e.g. com.example.*");
                    }
                }
                return;
            case DATA:
                for (String entry : Lists.split(value)) {
                    if (entry.contains("#") ? !MethodRef.isValid(entry) : !ClassNameGlob.isValid(entry)) {
                        throw bad(option, value, origin, "'" + entry
                                + "' is neither a class-name glob (com.example.*) nor a method (pkg.Class#method)");
                    }
                }
                return;
            case ALLOCATORS:
                for (String entry : Lists.split(value)) {
                    if (!MethodRef.isValid(entry)) {
                        throw bad(option, value, origin, "'" + entry
                                + "' is not a method: use pkg.Class#method (method may be <init> or *)");
                    }
                }
                return;
            case TRACK:
                for (String entry : Lists.split(value)) {
                    String problem = TrackedFunction.problem(entry);
                    if (problem != null) {
                        throw bad(option, value, origin, problem);
                    }
                }
                return;
            default:
                throw new AssertionError(option);
        }
    }

    private static String ruleIds() {
        StringBuilder sb = new StringBuilder();
        for (Rule r : Rule.values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(r.id());
            if (r.shortForm() != null) {
                sb.append(" (or ").append(r.shortForm()).append(')');
            }
        }
        return sb.toString();
    }

    private static OptionException bad(Option option, String value, String origin, String accepted) {
        return new OptionException("unsafecheck: bad value '" + value + "' for option '" + option.key() + "'"
                + origin + "; " + accepted);
    }
}
