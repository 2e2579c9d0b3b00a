package io.github.unsafecheck.agent;

import java.util.Map;

/** {@code java -jar unsafecheck-agent.jar}: the option help, read from the nested runtime in a throw-away loader. */
final class HelpText {
    private HelpText() {
    }

    static String render() throws Exception {
        Map<String, byte[]> classes = NestedRuntime.classFiles();
        ClassLoader loader = new ClassLoader(null) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] b = classes.get(name.replace('.', '/'));
                if (b == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, b, 0, b.length);
            }
        };
        return (String) loader.loadClass("io.github.unsafecheck.runtime.config.Options")
                .getMethod("help", String.class).invoke(null, AgentJar.shellPath());
    }
}
