package io.github.unsafecheck.runtime.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The shapes answered without a regex (an exact name, a prefix and one trailing {@code *}, {@code *} alone) must
 * answer as the regex would. A prefix glob is also compared with the same glob ending in two stars, which means the
 * same and is not a shortcut shape, so it goes through the regex.
 */
class ClassNameGlobTest {
    private static final List<String> NAMES = List.of("", "com", "com.example", "com.example.Foo",
            "com.example.Foo$Inner", "com.examples.Foo", "com.example.sub.Bar", "org.example.Foo", "Foo",
            "com.example.Foo2", "x.com.example.Foo");

    @Test
    void exactPrefixAndMatchAllAnswerAsTheRegexWould() {
        for (String glob : List.of("*", "com.example.*", "com.example.Foo", "com.*", "Foo", "com.example.Foo*")) {
            ClassNameGlob viaRegex = ClassNameGlob.of(glob + "*");
            ClassNameGlob shortcut = ClassNameGlob.of(glob);
            for (String name : NAMES) {
                boolean expected = glob.endsWith("*")
                        ? name.startsWith(glob.substring(0, glob.length() - 1))
                        : name.equals(glob);
                assertEquals(expected, shortcut.matches(name), glob + " on '" + name + "'");
                if (glob.endsWith("*")) {
                    assertEquals(expected, viaRegex.matches(name), glob + "* (regex) on '" + name + "'");
                }
            }
        }
    }

    @Test
    void otherShapesStillGoThroughTheRegex() {
        ClassNameGlob middle = ClassNameGlob.of("com.*.Foo");
        assertEquals(true, middle.matches("com.a.b.Foo"));
        assertEquals(false, middle.matches("com.a.b.Foo2"));
        ClassNameGlob leading = ClassNameGlob.of("*Test");
        assertEquals(true, leading.matches("com.example.FooTest"));
        assertEquals(false, leading.matches("com.example.TestFoo"));
        ClassNameGlob one = ClassNameGlob.of("com.example.Foo?");
        assertEquals(true, one.matches("com.example.Foo2"));
        assertEquals(false, one.matches("com.example.Foo"));
        assertEquals(false, one.matches("com.example.Foo22"));
    }
}
