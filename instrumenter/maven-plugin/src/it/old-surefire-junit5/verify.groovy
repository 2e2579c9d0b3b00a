def build = new GroovyClassLoader().parseClass(new File(itSources, 'BuildOutput.groovy')).newInstance(basedir)
int line = build.markedLine('src/test/java/com/example/OverflowTest.java')

if (build.log.contains('maven-surefire-plugin:2.12.4:test')) {
    // Maven 3.8's default binding. prepare-agent sees it next to JUnit 5 and warns ...
    build.has('[WARNING] unsafecheck: maven-surefire-plugin 2.12.4 runs no JUnit 5 test (the JUnit Platform needs 2.22.0' +
            ' or newer; this project has org.junit.jupiter:junit-jupiter')
    // ... the test JVM starts under the agent and runs nothing ...
    build.hasNot('Tests run: 1')
    def runs = build.runRecords('target/unsafecheck-report.jsonl')
    assert runs*.record == ['start', 'end'] : runs
    assert runs[1].sitesChecked == 0 && runs[1].violations == 0 : runs[1]
    assert build.report('target/unsafecheck-report.jsonl').isEmpty()
    // ... and check fails the build instead of "no violations", naming the cause and the fix
    String says = 'unsafecheck: 1 JVM ran under the checker, but no checked call site ran in it: this build checked' +
            ' nothing. maven-surefire-plugin 2.12.4 runs no JUnit 5 test'
    build.has('[ERROR] ' + says)
    build.has(':check (default) on project old-surefire-junit5: ' + says)
    build.has('Pin the plugin: <plugin><artifactId>maven-surefire-plugin</artifactId><version>')
    build.hasNot('no violations in')
} else {
    // A Maven whose default Surefire runs JUnit 5 (3.9+): the test runs, and the bad write fails the build.
    println "old-surefire-junit5: this Maven does not bind Surefire 2.12.4; checked the violation instead"
    build.has('[ERROR] overflow: 1 violation at 1 site')
    build.has("com.example.OverflowTest.writesPastTheEndOfABlock(OverflowTest.java:${line})")
}
return true
