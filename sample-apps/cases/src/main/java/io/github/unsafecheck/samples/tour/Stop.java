package io.github.unsafecheck.samples.tour;

/** One stop of the tour: a case program, what it does, and the agent options to run it with. */
final class Stop {
    final String title;
    final String story;
    /** By name: the java.lang.foreign programs are JDK 22 bytecode that a JDK 17 tour must not load. */
    final String program;
    final String agentOptions;
    /** False for the correct programs, whose plain run is not a bug going unnoticed. */
    final boolean buggy;
    final int minimumJdk;

    private Stop(String title, String story, String program, String agentOptions, boolean buggy, int minimumJdk) {
        this.title = title;
        this.story = story;
        this.program = program;
        this.agentOptions = agentOptions;
        this.buggy = buggy;
        this.minimumJdk = minimumJdk;
    }

    static Stop bug(String title, String story, Class<?> program) {
        return new Stop(title, story, program.getName(), "", true, 17);
    }

    static Stop correct(String title, String story, Class<?> program) {
        return new Stop(title, story, program.getName(), "", false, 17);
    }

    /** A java.lang.foreign program: runs on JDK 22 and newer only. */
    static Stop ffmBug(String title, String story, String program, String agentOptions) {
        return new Stop(title, story, program, agentOptions, true, 22);
    }

    String shortName() {
        return program.substring(program.lastIndexOf('.') + 1);
    }
}
