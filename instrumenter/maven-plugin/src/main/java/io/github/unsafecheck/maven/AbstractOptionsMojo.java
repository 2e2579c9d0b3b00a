package io.github.unsafecheck.maven;

import io.github.unsafecheck.runtime.config.Option;
import io.github.unsafecheck.runtime.config.OptionException;
import io.github.unsafecheck.runtime.config.Options;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.Map;
import java.util.Properties;

/**
 * The goals that take checker options: one parameter per {@link Option}, named after the option's key, with the user
 * property {@code unsafecheck.<key>}, as strings exactly as the agent takes them (lists separated by {@code :}).
 * They are validated by the same parser as the agent's arguments, so a bad value gives the same message.
 */
public abstract class AbstractOptionsMojo extends AbstractUnsafeCheckMojo {
    /** This plugin: its version, and its dependencies (the agent jar, the runtime jar). */
    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    PluginDescriptor plugin;

    /** What a violation does: {@code throw} (the default), {@code report} or {@code count}. */
    @Parameter(property = "unsafecheck.mode")
    String mode;

    /** The JSON-lines file violations are appended to; {@code check} reads the same default. */
    @Parameter(property = "unsafecheck.report", defaultValue = ReportDefaults.REPORT)
    String report;

    /** The rules to check, separated by {@code :}, or {@code all}; empty = every rule on by default. */
    @Parameter(property = "unsafecheck.rules")
    String rules;

    /** {@code true}: also report writes to, and frees of, memory the checker never saw. */
    @Parameter(property = "unsafecheck.strict")
    String strict;

    /** Bytes of redzone after each native block the hooks allocate (default 64). */
    @Parameter(property = "unsafecheck.redzone")
    String redzone;

    /** Bytes of freed blocks held back before they go back to malloc, e.g. {@code 64m} (the default); 0 = none. */
    @Parameter(property = "unsafecheck.quarantine")
    String quarantine;

    /** {@code false}: record only the allocating and freeing call site of each block, not its stack (faster). */
    @Parameter(property = "unsafecheck.stacks")
    String stacks;

    /** {@code true}: at exit, list the native blocks still allocated, grouped by allocation site. */
    @Parameter(property = "unsafecheck.leaks")
    String leaks;

    /** Classes whose call sites are rewritten: class-name globs with {@code *} and {@code ?}, separated by {@code :}. */
    @Parameter(property = "unsafecheck.include")
    String include;

    /** Classes left alone even when included (globs, separated by {@code :}). */
    @Parameter(property = "unsafecheck.exclude")
    String exclude;

    /**
     * Class globs or {@code pkg.Class#method} entries, separated by {@code :}, whose 64-bit stores are data
     * (counters, offsets, checksums): the heap-pointer rule skips their untyped stores.
     */
    @Parameter(property = "unsafecheck.data")
    String data;

    /** {@code pkg.Class#method} entries, separated by {@code :}: methods that run in allocator context. */
    @Parameter(property = "unsafecheck.allocators")
    String allocators;

    /**
     * Your own allocation and free functions by role, separated by {@code :}:
     * {@code pkg.Class#method[(descriptor)]=alloc|calloc|realloc|aligned-alloc|free[@index…]}.
     */
    @Parameter(property = "unsafecheck.track")
    String track;

    /** A file for what the instrumenter saw per class (call sites rewritten, skipped and why). */
    @Parameter(property = "unsafecheck.coverage")
    String coverage;

    /** {@code true}: print the effective settings and the heap ranges when the checker starts. */
    @Parameter(property = "unsafecheck.verbose")
    String verbose;

    /** The parameters as options: validated, file paths made absolute (test JVMs may run elsewhere). */
    Options options() throws MojoExecutionException {
        Map<String, String> given = OptionParameters.read(this, AbstractOptionsMojo.class);
        for (Option file : new Option[] {Option.REPORT, Option.COVERAGE}) {
            String v = given.get(file.key());
            if (v != null && !v.trim().isEmpty()) {
                given.put(file.key(), absolute(v.trim()));
            }
        }
        try {
            // No system properties: Maven's user properties already reached the parameters above.
            return Options.fromMap(given, new Properties());
        } catch (OptionException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }
}
