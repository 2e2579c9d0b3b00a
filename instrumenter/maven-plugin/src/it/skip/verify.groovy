def build = new GroovyClassLoader().parseClass(new File(itSources, 'BuildOutput.groovy')).newInstance(basedir)

build.has('Skipping unsafecheck execution because property unsafecheck.skip is set.')
assert build.log.count('Skipping unsafecheck execution') == 2 : 'prepare-agent and check both skip'
build.hasNot('argLine set to')
build.hasNot('@{argLine}')
build.has('Tests run: 1, Failures: 0, Errors: 0')
assert !new File(basedir, 'target/unsafecheck-report.jsonl').exists()
return true
