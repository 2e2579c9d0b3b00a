package io.github.unsafecheck.maven;

import io.github.unsafecheck.runtime.config.OptionException;
import io.github.unsafecheck.runtime.config.Options;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.Map;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OptionParametersTest {
    @Test
    void setParametersBecomeOptionsInOptionOrder() throws MojoExecutionException {
        PrepareAgentMojo mojo = mojo();
        mojo.verbose = "TRUE";
        mojo.mode = "report";
        mojo.report = "target/r.jsonl";
        Options o = mojo.options();
        assertEquals("mode=report,report=" + new File("/p/target/r.jsonl").getPath() + ",verbose=true",
                o.toAgentArgs(), "normalized, the relative report made absolute against the project");
    }

    @Test
    void aBadValueGivesTheParsersOwnMessage() {
        PrepareAgentMojo mojo = mojo();
        mojo.mode = "sometimes";
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::options);
        OptionException parser = assertThrows(OptionException.class,
                () -> Options.fromMap(Map.of("mode", "sometimes"), new Properties()));
        assertEquals(parser.getMessage(), e.getMessage());
        assertEquals("unsafecheck: bad value 'sometimes' for option 'mode'; accepted values: throw, report, count",
                e.getMessage());
    }

    @Test
    void aBadGlobIsRefusedToo() {
        PrepareAgentMojo mojo = mojo();
        mojo.include = "com/example/*";
        MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::options);
        assertEquals(true, e.getMessage().contains("'com/example/*' is not a class-name glob"), e.getMessage());
    }

    private static PrepareAgentMojo mojo() {
        PrepareAgentMojo mojo = new PrepareAgentMojo();
        mojo.project = new MavenProject();
        mojo.project.setFile(new File("/p/pom.xml"));
        return mojo;
    }
}
