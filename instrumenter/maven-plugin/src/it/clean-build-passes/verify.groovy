def build = new GroovyClassLoader().parseClass(new File(itSources, 'BuildOutput.groovy')).newInstance(basedir)

build.hasLine(/argLine set to -javaagent:\S+unsafecheck-agent-\S+\.jar=report=\S+unsafecheck-report\.jsonl$/)
build.hasLine(/Removed the report of an earlier build: \S+unsafecheck-report\.jsonl \(append=true keeps it\)$/)
build.has('Tests run: 2, Failures: 0, Errors: 0')
build.has('[INFO] unsafecheck: no violations in ')
build.hasNot('unsafecheck: write of')
// the agent ran (it creates the report at start) and found nothing; the stale record is gone
assert build.report('target/unsafecheck-report.jsonl').isEmpty()
return true
