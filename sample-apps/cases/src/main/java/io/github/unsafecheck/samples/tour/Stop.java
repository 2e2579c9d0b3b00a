package io.github.unsafecheck.samples.tour;

/** One stop of the tour: a sample program, what it does, and the agent options to run it with. */
final class Stop {
    final String title;
    final String story;
    final Class<?> program;
    final String agentOptions;
    /** False for the correct programs, whose plain run is not a bug going unnoticed. */
    final boolean buggy;

    Stop(String title, String story, Class<?> program, String agentOptions, boolean buggy) {
        this.title = title;
        this.story = story;
        this.program = program;
        this.agentOptions = agentOptions;
        this.buggy = buggy;
    }
}
