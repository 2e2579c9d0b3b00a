package io.github.unsafecheck.agent;

import io.github.unsafecheck.instrumenter.AllocatorMethods;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

import java.lang.instrument.Instrumentation;

import static net.bytebuddy.matcher.ElementMatchers.none;

/**
 * Runs the methods named in {@code allocators=} in allocator context, with Byte Buddy advice installed through an
 * {@code AgentBuilder}: enter and exit calls are inlined into each method (exit also on exceptions). Already-loaded
 * classes are retransformed. Installed only when the option names methods.
 */
final class AllocatorWrapping {
    private AllocatorWrapping() {
    }

    static void install(Instrumentation inst, AllocatorMethods allocators) {
        new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .with(new ErrorListener())
                .ignore(none())
                .type(allocators.typeMatcher())
                .transform((builder, type, loader, module, domain) ->
                        builder.visit(allocators.adviceFor(type.getName())))
                .installOn(inst);
    }

    /** Byte Buddy's failures would otherwise vanish: print them, the class stays as it was. */
    private static final class ErrorListener extends AgentBuilder.Listener.Adapter {
        @Override
        public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded,
                Throwable throwable) {
            System.err.println("unsafecheck: could not wrap allocator methods of " + typeName + " (" + throwable
                    + "); they run outside allocator context");
        }

        @Override
        public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
                DynamicType dynamicType) {
            // nothing to report
        }
    }
}
