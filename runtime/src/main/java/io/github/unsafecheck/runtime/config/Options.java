package io.github.unsafecheck.runtime.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The one option parser of unsafecheck, shared by the agent ({@code -javaagent:…=key=value,key=value}), by
 * offline-instrumented code (system properties {@code unsafecheck.<key>}) and by the Maven plugin (one parameter per
 * option). Parsing is strict: an unknown key, a duplicate, a blank entry or a bad value is an {@link OptionException}
 * whose message names the option and what it accepts.
 *
 * <p>Precedence: a value given explicitly (agent arguments, Maven parameters) wins over the system property, which
 * wins over the default.
 */
public final class Options {
    private final Map<Option, String> values;

    private Options(Map<Option, String> values) {
        this.values = values;
    }

    /** All defaults. */
    public static Options defaults() {
        return new Options(new EnumMap<>(Option.class));
    }

    /**
     * Parses agent arguments ({@code key=value,key=value}; null or empty means none), then fills what they leave out
     * from the {@code unsafecheck.*} system properties.
     */
    public static Options parse(String agentArgs, Properties systemProperties) {
        Map<Option, String> explicit = parseAgentArgs(agentArgs);
        return merge(explicit, systemProperties);
    }

    /** Options given as a key → value map (the Maven plugin's parameters); null or blank values are left out. */
    public static Options fromMap(Map<String, String> given, Properties systemProperties) {
        Map<Option, String> explicit = new EnumMap<>(Option.class);
        for (Map.Entry<String, String> e : given.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            Option o = known(e.getKey(), "");
            String v = o.normalize(e.getValue());
            OptionValidator.validate(o, v, "");
            explicit.put(o, v);
        }
        return merge(explicit, systemProperties);
    }

    private static Map<Option, String> parseAgentArgs(String args) {
        Map<Option, String> explicit = new EnumMap<>(Option.class);
        if (args == null || args.trim().isEmpty()) {
            return explicit;
        }
        for (String entry : args.split(",", -1)) {
            if (entry.trim().isEmpty()) {
                throw new OptionException("unsafecheck: empty entry in agent options '" + args
                        + "'; write key=value pairs separated by ',' (lists inside a value use ':')");
            }
            int eq = entry.indexOf('=');
            if (eq < 0) {
                throw new OptionException("unsafecheck: agent option '" + entry.trim()
                        + "' has no value; write key=value (known options: " + Option.keys() + ")");
            }
            Option o = known(entry.substring(0, eq).trim(), " in agent options");
            if (explicit.containsKey(o)) {
                throw new OptionException("unsafecheck: option '" + o.key() + "' is given twice in agent options '"
                        + args + "'");
            }
            String v = o.normalize(entry.substring(eq + 1));
            OptionValidator.validate(o, v, " in agent options");
            explicit.put(o, v);
        }
        return explicit;
    }

    private static Options merge(Map<Option, String> explicit, Properties systemProperties) {
        Map<Option, String> all = new EnumMap<>(Option.class);
        if (systemProperties != null) {
            for (String name : systemProperties.stringPropertyNames()) {
                if (!name.startsWith(Option.PROPERTY_PREFIX)) {
                    continue;
                }
                String key = name.substring(Option.PROPERTY_PREFIX.length());
                if (BuildToolKeys.contains(key)) {
                    continue;
                }
                Option o = known(key, " (system property " + name + ")");
                String v = o.normalize(systemProperties.getProperty(name));
                OptionValidator.validate(o, v, " (system property " + name + ")");
                all.put(o, v);
            }
        }
        all.putAll(explicit);
        return new Options(all);
    }

    private static Option known(String key, String origin) {
        Option o = Option.byKey(key);
        if (o == null) {
            throw new OptionException("unsafecheck: unknown option '" + key + "'" + origin + "; known options: "
                    + Option.keys());
        }
        return o;
    }

    /** The value of an option, its default when not given. */
    public String get(Option option) {
        String v = values.get(option);
        return v != null ? v : option.defaultValue();
    }

    /** True when the option was given (not defaulted). */
    public boolean isSet(Option option) {
        return values.containsKey(option);
    }

    public Mode mode() {
        return Mode.valueOf(get(Option.MODE).toUpperCase(Locale.ROOT));
    }

    /** The JSON-lines report file, or null for none. */
    public String reportPath() {
        String v = get(Option.REPORT);
        return v.isEmpty() ? null : v;
    }

    /** The coverage report file, or null for none. */
    public String coveragePath() {
        String v = get(Option.COVERAGE);
        return v.isEmpty() ? null : v;
    }

    public Set<Rule> rules() {
        List<String> ids = Lists.split(get(Option.RULES));
        EnumSet<Rule> rules = EnumSet.noneOf(Rule.class);
        if (ids.isEmpty()) {
            for (Rule r : Rule.values()) {
                if (r.onByDefault()) {
                    rules.add(r);
                }
            }
        } else if (ids.contains("all")) {
            rules = EnumSet.allOf(Rule.class);
        } else {
            for (String id : ids) {
                rules.add(Rule.byId(id));
            }
        }
        return Collections.unmodifiableSet(rules);
    }

    public boolean strict() {
        return Boolean.parseBoolean(get(Option.STRICT));
    }

    /** Bytes of redzone after each block the allocation hooks allocate. */
    public long redzone() {
        return Sizes.parse(get(Option.REDZONE));
    }

    /** Bytes of freed blocks held in quarantine. */
    public long quarantine() {
        return Sizes.parse(get(Option.QUARANTINE));
    }

    public boolean stacks() {
        return Boolean.parseBoolean(get(Option.STACKS));
    }

    public boolean leaks() {
        return Boolean.parseBoolean(get(Option.LEAKS));
    }

    public boolean verbose() {
        return Boolean.parseBoolean(get(Option.VERBOSE));
    }

    public List<ClassNameGlob> includes() {
        return globs(Option.INCLUDE);
    }

    public List<ClassNameGlob> excludes() {
        return globs(Option.EXCLUDE);
    }

    private List<ClassNameGlob> globs(Option o) {
        List<ClassNameGlob> out = new ArrayList<>();
        for (String g : Lists.split(get(o))) {
            out.add(ClassNameGlob.of(g));
        }
        return Collections.unmodifiableList(out);
    }

    /** The {@code data} option: where 64-bit stores are data, not pointers. */
    public DataStores dataStores() {
        return DataStores.parse(Lists.split(get(Option.DATA)));
    }

    public List<MethodRef> allocators() {
        List<MethodRef> out = new ArrayList<>();
        for (String e : Lists.split(get(Option.ALLOCATORS))) {
            out.add(MethodRef.parse(e));
        }
        return Collections.unmodifiableList(out);
    }

    /** The {@code track} option: declared allocation and free functions, parsed (not yet checked against classes). */
    public List<TrackedFunction> tracked() {
        List<TrackedFunction> out = new ArrayList<>();
        for (String e : Lists.split(get(Option.TRACK))) {
            out.add(TrackedFunction.parse(e));
        }
        return Collections.unmodifiableList(out);
    }

    /** The options that were given, as {@code key=value,key=value} agent arguments (defaults left out). */
    public String toAgentArgs() {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : given().entrySet()) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(e.getKey()).append('=').append(e.getValue());
        }
        return sb.toString();
    }

    /** The options that were given, explicitly or as system properties (defaults left out), in option order. */
    public Map<String, String> given() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<Option, String> e : values.entrySet()) {
            out.put(e.getKey().key(), e.getValue());
        }
        return out;
    }

    /**
     * Every option with its effective value, for the start-up line and the start record. {@code rules} is the list of
     * rules in force, whatever spelled it (nothing, {@code all}, a short form).
     */
    public Map<String, String> effective() {
        Map<String, String> out = new LinkedHashMap<>();
        for (Option o : Option.values()) {
            out.put(o.key(), o == Option.RULES ? ids(rules()) : get(o));
        }
        return out;
    }

    /** The help text: every option with syntax, default and meaning; {@code agentJar} is the jar's path to show. */
    public static String help(String agentJar) {
        StringBuilder sb = new StringBuilder();
        sb.append("unsafecheck agent options: -javaagent:").append(agentJar).append("=key=value,key=value\n");
        sb.append("(each is also the system property unsafecheck.<key>; list values are separated by ':')\n\n");
        for (Option o : Option.values()) {
            sb.append(String.format(Locale.ROOT, "  %-11s %-28s default: %s%n", o.key(), o.syntax(), shownDefault(o)));
            sb.append("              ").append(o.description()).append('\n');
        }
        sb.append("\nrules: ");
        for (Rule r : Rule.values()) {
            sb.append(r.id());
            if (!r.onByDefault()) {
                sb.append(" (off by default");
                if (r.shortForm() != null) {
                    sb.append("; short form: ").append(r.shortForm());
                }
                sb.append(')');
            }
            sb.append(' ');
        }
        sb.append('\n');
        return sb.toString();
    }

    /** The default as the help shows it: the rules it means for {@code rules}, "(none)" for an empty one. */
    private static String shownDefault(Option o) {
        if (o == Option.RULES) {
            return ids(defaults().rules());
        }
        return o.defaultValue().isEmpty() ? "(none)" : o.defaultValue();
    }

    private static String ids(Set<Rule> rules) {
        List<String> ids = new ArrayList<>();
        for (Rule r : rules) {
            ids.add(r.id());
        }
        return String.join(":", ids);
    }
}
