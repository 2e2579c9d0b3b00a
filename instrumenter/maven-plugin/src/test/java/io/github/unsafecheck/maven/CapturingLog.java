package io.github.unsafecheck.maven;

import org.apache.maven.plugin.logging.SystemStreamLog;

import java.util.ArrayList;
import java.util.List;

/** A Maven log that keeps the warnings, for asserting on them. */
final class CapturingLog extends SystemStreamLog {
    final List<String> warnings = new ArrayList<>();

    @Override
    public void warn(CharSequence content) {
        warnings.add(content.toString());
    }
}
