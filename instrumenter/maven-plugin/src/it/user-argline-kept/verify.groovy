def build = new GroovyClassLoader().parseClass(new File(itSources, 'BuildOutput.groovy')).newInstance(basedir)
int line = build.markedLine('src/test/java/com/example/ArgLineTest.java')

// ours first, then what the user had
build.hasLine(/argLine set to -javaagent:\S+unsafecheck-agent-\S+\.jar=mode=report,report=\S+ -Dit\.user=kept$/)
build.has('Tests run: 1, Failures: 0, Errors: 0')
build.hasNot('without @{argLine}')
def records = build.report('target/unsafecheck-report.jsonl')
assert records*.site == ["com.example.ArgLineTest.usersArgumentsArriveAndTheAgentRuns(ArgLineTest.java:${line})".toString()]
return true
