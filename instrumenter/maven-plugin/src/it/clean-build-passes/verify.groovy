def build = new GroovyClassLoader().parseClass(new File(itSources, 'BuildOutput.groovy')).newInstance(basedir)

build.hasLine(/argLine set to -javaagent:\S+unsafecheck-agent-\S+\.jar=report=\S+unsafecheck-report\.jsonl$/)
build.hasLine(/Removed the report of an earlier build: \S+unsafecheck-report\.jsonl \(append=true keeps it\)$/)
build.has('Tests run: 2, Failures: 0, Errors: 0')
build.hasLine(/\[INFO\] unsafecheck: 1 JVM ran under the checker: [1-9]\d* call sites? checked, \d+ native allocations? tracked$/)
build.has('[INFO] unsafecheck: no violations in ')
build.hasNot('unsafecheck: write of')
// the agent ran and found nothing (the test JVM's exit line says what it checked); the stale record is gone
build.hasLine(/unsafecheck: no violations \([1-9]\d* call sites? checked, /)
assert build.report('target/unsafecheck-report.jsonl').isEmpty()
def runs = build.runRecords('target/unsafecheck-report.jsonl')
assert runs*.record == ['start', 'end'] : runs
assert runs[0].pid == runs[1].pid
assert runs[0].options.mode == 'throw' && runs[0].version ==~ /\d+\.\d+.*/ && runs[0].startedBy == 'agent' : runs[0]
assert runs[1].sitesChecked > 0 && runs[1].violations == 0 : runs[1]
return true
