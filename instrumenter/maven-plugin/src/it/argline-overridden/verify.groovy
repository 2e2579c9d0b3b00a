def build = new GroovyClassLoader().parseClass(new File(itSources, 'BuildOutput.groovy')).newInstance(basedir)

build.has('[WARNING] maven-surefire-plugin sets <argLine>-Xmx256m</argLine> without @{argLine}: its test JVMs run without unsafecheck.')
assert build.log.count('without @{argLine}: its test JVMs') == 1 : 'once, not again for the default-test execution'
build.has('Tests run: 1, Failures: 0, Errors: 0')
build.hasLine(/\[WARNING\] unsafecheck: no report at \S+unsafecheck-report\.jsonl: no JVM of this build ran with the checker/)
return true
