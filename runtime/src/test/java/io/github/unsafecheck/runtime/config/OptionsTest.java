package io.github.unsafecheck.runtime.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionsTest {
    private static final Properties NONE = new Properties();

    @Test
    void defaults() {
        Options o = Options.parse(null, NONE);
        assertEquals(Mode.THROW, o.mode());
        assertNull(o.reportPath());
        assertNull(o.coveragePath());
        assertFalse(o.strict());
        assertFalse(o.verbose());
        assertEquals(EnumSet.complementOf(EnumSet.of(Rule.DANGLING_POINTER)), o.rules(), "all but the opt-in rule");
        assertEquals(64, o.redzone());
        assertEquals(64L << 20, o.quarantine());
        assertTrue(o.stacks());
        assertFalse(o.leaks());
        assertTrue(ClassNameGlob.anyMatches(o.includes(), "com.example.Anything"));
        assertTrue(o.excludes().isEmpty());
        assertTrue(o.allocators().isEmpty());
        assertEquals("", o.toAgentArgs());
    }

    @Test
    void parsesEveryOption() {
        Options o = Options.parse("mode=report,report=/tmp/r.jsonl,rules=heap-reference,strict=true,"
                + "include=com.example.*:org.acme.Foo,exclude=com.example.gen.*,"
                + "allocators=com.example.Pool#link:com.example.Arena#<init>,coverage=/tmp/c.jsonl,verbose=TRUE", NONE);
        assertEquals(Mode.REPORT, o.mode());
        assertEquals("/tmp/r.jsonl", o.reportPath());
        assertEquals(EnumSet.of(Rule.HEAP_REFERENCE), o.rules());
        assertTrue(o.strict());
        assertTrue(o.verbose());
        assertTrue(ClassNameGlob.anyMatches(o.includes(), "org.acme.Foo"));
        assertFalse(ClassNameGlob.anyMatches(o.includes(), "org.acme.Foo2"));
        assertTrue(ClassNameGlob.anyMatches(o.excludes(), "com.example.gen.X"));
        assertEquals(2, o.allocators().size());
        assertEquals("com.example.Arena", o.allocators().get(1).className());
        assertEquals("<init>", o.allocators().get(1).methodName());
        assertEquals("/tmp/c.jsonl", o.coveragePath());
    }

    @Test
    void dataStores() {
        DataStores d = Options.parse("data=org.agrona.concurrent.status.*:com.example.Codec#crc", NONE).dataStores();
        assertTrue(d.covers("org.agrona.concurrent.status.AtomicCounter", "setOrdered"));
        assertTrue(d.covers("com.example.Codec", "crc"));
        assertFalse(d.covers("com.example.Codec", "link"));
        assertTrue(d.mayCover("com.example.Codec"));
        assertFalse(d.mayCover("com.example.Other"));
        assertTrue(Options.parse(null, NONE).dataStores().isEmpty());
    }

    @Test
    void sizes() {
        assertEquals(4096, Sizes.parse("4096"));
        assertEquals(64L << 10, Sizes.parse("64k"));
        assertEquals(3L << 30, Sizes.parse("3G"));
        assertEquals(-1, Sizes.parse("m"));
        assertEquals(-1, Sizes.parse("-5"));
        assertEquals(0, Options.parse("quarantine=0,redzone=0", NONE).quarantine());
    }

    @Test
    void rulesAllAndRoundTrip() {
        assertEquals(EnumSet.allOf(Rule.class), Options.parse("rules=all", NONE).rules());
        assertEquals(EnumSet.of(Rule.OVERFLOW, Rule.DANGLING_POINTER),
                Options.parse("rules=overflow:dangling", NONE).rules(), "dangling is short for dangling-pointer");
        Options o = Options.parse("mode=count,strict=true", NONE);
        assertEquals(o.effective(), Options.parse(o.toAgentArgs(), NONE).effective());
    }

    @Test
    void effectiveOptionsNameTheRulesInForce() {
        assertEquals("heap-pointer:heap-reference:overflow:use-after-free:use-after-poison:double-free:invalid-free:wild-write",
                Options.defaults().effective().get("rules"), "nothing given: every rule on by default, by name");
        assertEquals("overflow:dangling-pointer", Options.parse("rules=dangling:overflow", NONE).effective().get("rules"));
        assertEquals(Rule.values().length,
                Options.parse("rules=all", NONE).effective().get("rules").split(":").length);
    }

    @Test
    void agentArgumentsWinOverSystemPropertiesWhichWinOverDefaults() {
        Properties p = new Properties();
        p.setProperty("unsafecheck.mode", "count");
        p.setProperty("unsafecheck.strict", "true");
        p.setProperty("unrelated.property", "x");
        Options o = Options.parse("mode=report", p);
        assertEquals(Mode.REPORT, o.mode());
        assertTrue(o.strict());
        assertTrue(o.isSet(Option.STRICT));
        assertFalse(o.isSet(Option.REPORT));
    }

    @Test
    void mapFormUsedByTheMavenPluginSharesTheParser() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("mode", "report");
        m.put("rules", null);
        assertEquals(Mode.REPORT, Options.fromMap(m, NONE).mode());
        m.put("mode", "loud");
        OptionException e = assertThrows(OptionException.class, () -> Options.fromMap(m, NONE));
        assertEquals("unsafecheck: bad value 'loud' for option 'mode'; accepted values: throw, report, count",
                e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mdoe=throw | unsafecheck: unknown option 'mdoe' in agent options; known options: mode, report, rules, strict, redzone, quarantine, stacks, leaks, include, exclude, data, allocators, track, coverage, verbose",
        "mode=trow | unsafecheck: bad value 'trow' for option 'mode' in agent options; accepted values: throw, report, count",
        "mode | unsafecheck: agent option 'mode' has no value; write key=value",
        "mode=throw,mode=count | unsafecheck: option 'mode' is given twice in agent options",
        "mode=throw,,strict=true | unsafecheck: empty entry in agent options",
        "strict=1 | unsafecheck: bad value '1' for option 'strict' in agent options; accepted values: true, false",
        "rules=heap-pointer:nope | unknown rule 'nope'; known rules: heap-pointer, heap-reference, overflow, use-after-free, use-after-poison, double-free, invalid-free, wild-write, dangling-pointer (or dangling), all",
        "redzone=1k | bad value '1k' for option 'redzone' in agent options; a number of bytes from 0 to 1048576",
        "quarantine=lots | bad value 'lots' for option 'quarantine' in agent options; a number of bytes, optionally with k, m or g",
        "stacks=no | bad value 'no' for option 'stacks'",
        "data=com/example/* | 'com/example/*' is neither a class-name glob (com.example.*) nor a method",
        "data=com.example.Counter# | 'com.example.Counter#' is neither a class-name glob",
        "include=com/example/* | 'com/example/*' is not a class-name glob",
        "allocators=com.example.Pool | 'com.example.Pool' is not a method: use pkg.Class#method",
        "allocators=com.example.Pool#1x | '1x'",
        "track=com.example.Pool | bad value 'com.example.Pool' for option 'track' in agent options; 'com.example.Pool': write pkg.Class#method[(descriptor)]=alloc|calloc|realloc|aligned-alloc|free[@index…]",
        "track=com.example.Pool#take | 'com.example.Pool#take': write pkg.Class#method",
        "track=com.example.Pool#take=grab | 'com.example.Pool#take=grab': unknown role 'grab'; roles: alloc, calloc, realloc, aligned-alloc, free",
        "track=com.example.Pool#take(X)=alloc | '(X)' is not a method descriptor (bad parameter type at 'X)'), e.g. (J) or (JJ)J",
        "track=com.example.Pool#take(J=alloc | '(J' is not a method descriptor (it must start with ( and contain ))",
        "track=com.example.Pool#take=alloc@size | 'size' is not a parameter index (0 is the first parameter)",
        "track=com.example.Pool#take=calloc@0 | calloc takes 2 indexes (calloc@count@size), not 1",
        "track=com/example/Pool#take=alloc | 'com/example/Pool' is not a class name",
        "track=com.example.Pool#1take=alloc | '1take' is not a method name",
        "track=com.example.Pool#take=alloc:com.example.Pool#give=frees | unknown role 'frees'",
    })
    void badAgentArgumentsNameTheOption(String args, String message) {
        OptionException e = assertThrows(OptionException.class, () -> Options.parse(args, NONE));
        assertTrue(e.getMessage().contains(message.trim()), e.getMessage());
    }

    @Test
    void badOrUnknownSystemPropertiesNameTheProperty() {
        Properties p = new Properties();
        p.setProperty("unsafecheck.verbos", "true");
        OptionException e = assertThrows(OptionException.class, () -> Options.parse(null, p));
        assertTrue(e.getMessage().contains("unknown option 'verbos' (system property unsafecheck.verbos)"),
                e.getMessage());
        Properties q = new Properties();
        q.setProperty("unsafecheck.mode", "loud");
        e = assertThrows(OptionException.class, () -> Options.parse(null, q));
        assertTrue(e.getMessage().contains("(system property unsafecheck.mode)"), e.getMessage());
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        String help = Options.help("/opt/uc/unsafecheck-agent.jar");
        for (Option o : Option.values()) {
            assertTrue(help.contains("  " + o.key() + " "), o.key());
            assertTrue(help.contains(o.description()), o.key());
        }
        assertTrue(help.contains("default: throw"));
        assertTrue(help.startsWith("unsafecheck agent options: -javaagent:/opt/uc/unsafecheck-agent.jar=key=value"), help);
        assertTrue(help.contains("default: heap-pointer:heap-reference:overflow:use-after-free:use-after-poison:double-free:invalid-free"
                + ":wild-write\n"), "the rules on by default, not '(none)': " + help);
        assertTrue(help.contains("dangling-pointer (off by default; short form: dangling)"), help);
    }

    @Test
    void globsAndMethodRefs() {
        ClassNameGlob g = ClassNameGlob.of("com.*.Foo?");
        assertTrue(g.matches("com.example.Foo1"));
        assertTrue(g.matches("com.a.b.FooX"));
        assertFalse(g.matches("com.example.Foo"));
        assertFalse(g.matches("org.example.Foo1"));
        MethodRef all = MethodRef.parse("a.B$C#*");
        assertTrue(all.matchesMethod("anything"));
        assertFalse(all.matchesMethod("<clinit>"));
        assertEquals("a.B$C", all.className());
    }
}
