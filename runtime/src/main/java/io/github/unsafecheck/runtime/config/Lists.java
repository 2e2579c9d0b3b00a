package io.github.unsafecheck.runtime.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** List values of options are separated by ':'; blanks between separators are ignored. */
public final class Lists {
    public static final String SEPARATOR = ":";

    private Lists() {
    }

    public static List<String> split(String value) {
        if (value == null || value.trim().isEmpty()) {
            return Collections.emptyList();
        }
        List<String> out = new ArrayList<>();
        for (String part : value.split(SEPARATOR, -1)) {
            String p = part.trim();
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return Collections.unmodifiableList(out);
    }

    public static String join(List<String> values) {
        return String.join(SEPARATOR, values);
    }
}
