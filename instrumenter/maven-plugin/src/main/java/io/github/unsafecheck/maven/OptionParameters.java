package io.github.unsafecheck.maven;

import io.github.unsafecheck.runtime.config.Option;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the option parameters of a mojo by walking {@link Option#values()}: each option is the field of the same
 * name. An option without its field is a programming error that {@code OptionParametersTest} catches when an option
 * is added to the runtime and not here.
 */
final class OptionParameters {
    private OptionParameters() {
    }

    /** Key → value of every option parameter that is set; unset (null) ones are left out. */
    static Map<String, String> read(Object mojo, Class<?> declaring) {
        Map<String, String> given = new LinkedHashMap<>();
        for (Option o : Option.values()) {
            Field f = field(declaring, o);
            try {
                Object v = f.get(mojo);
                if (v != null) {
                    given.put(o.key(), v.toString());
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return given;
    }

    static Field field(Class<?> declaring, Option o) {
        try {
            Field f = declaring.getDeclaredField(o.key());
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("option '" + o.key() + "' has no Maven parameter in "
                    + declaring.getSimpleName(), e);
        }
    }
}
