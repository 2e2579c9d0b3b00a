def build = new GroovyClassLoader().parseClass(new File(itSources, 'BuildOutput.groovy')).newInstance(basedir)

// prepare-agent warns once (not again for the default-test execution)
build.has('[WARNING] maven-surefire-plugin sets <argLine>-Xmx1g</argLine> without @{argLine}: its test JVMs run without unsafecheck.')
assert build.log.count('without @{argLine}: its test JVMs') == 1
// the test made its bad write unchecked and passed
build.has('Tests run: 1, Failures: 0, Errors: 0')
// check: the tests ran without the checker, so the build fails, saying what to write
String says = 'unsafecheck: maven-surefire-plugin ran 1 test without the checker: its <argLine>-Xmx1g</argLine> replaces' +
        ' the argLine property that prepare-agent set. Write <argLine>@{argLine} -Xmx1g</argLine>.'
build.has('[ERROR] ' + says)
build.has(':check (default) on project argline-overridden: ' + says + ' (failIfUnchecked=false turns this into a warning)')
build.hasNot('no violations')
assert !new File(basedir, 'target/unsafecheck-report.jsonl').exists() : 'no JVM ran the agent'
return true
