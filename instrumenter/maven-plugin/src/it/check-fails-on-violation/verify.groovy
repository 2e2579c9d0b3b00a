def build = new GroovyClassLoader().parseClass(new File(itSources, 'BuildOutput.groovy')).newInstance(basedir)
int line = build.markedLine('src/test/java/com/example/StoreHeapPointerTest.java')
String site = "com.example.StoreHeapPointerTest.storesAHeapAddressIntoNativeMemory(StoreHeapPointerTest.java:${line})"

// prepare-agent: the agent jar from the plugin's dependencies, the options, and the value it logs
build.hasLine(/argLine set to -javaagent:\S+unsafecheck-agent-\S+\.jar=mode=report,report=\S+unsafecheck-report\.jsonl$/)
// the test itself passed (mode=report): check is what fails the build, listing the violation by rule and site
build.has('Tests run: 1, Failures: 0, Errors: 0')
build.has('[ERROR] unsafecheck: 1 violation in ')
build.has('[ERROR] heap-pointer: 1 violation at 1 site')
build.has("[ERROR]     at ${site}: Unsafe.putLong of 0x")
build.hasLine(/unsafecheck-maven-plugin:\S+:check \(default\) on project check-fails-on-violation: unsafecheck: 1 violation/)

def records = build.report('target/unsafecheck-report.jsonl')
assert records.size() == 1
assert records[0].rule == 'heap-pointer'
assert records[0].site == site
assert records[0].op == 'Unsafe.putLong'
return true
