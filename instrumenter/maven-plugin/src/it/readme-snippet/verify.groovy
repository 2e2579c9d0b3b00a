def build = new GroovyClassLoader().parseClass(new File(itSources, 'BuildOutput.groovy')).newInstance(basedir)
int line = build.markedLine('src/test/java/com/example/OverflowTest.java')
String site = "com.example.OverflowTest.writesPastTheEndOfABlock(OverflowTest.java:${line})"

// The snippet's pins took: current compiler and Surefire, whatever this Maven binds by default
build.hasLine(/maven-surefire-plugin:3\.\d+\.\d+:test/)
build.hasNot('runs no JUnit 5 test')
// the test ran under the agent (report mode: it passes), and check fails the build on its write
build.has('Tests run: 1, Failures: 0, Errors: 0')
build.hasLine(/\[INFO\] unsafecheck: 1 JVM ran under the checker: [1-9]\d* call sites? checked, [1-9]\d* native allocations? tracked$/)
build.has('[ERROR] overflow: 1 violation at 1 site')
build.has("[ERROR]     at ${site}: Unsafe.putLong to 0x")
build.hasLine(/:check \(default\) on project readme-snippet: unsafecheck: 1 violation in \S+unsafecheck-report\.jsonl; see the list above/)
def records = build.report('target/unsafecheck-report.jsonl')
assert records*.site == [site]
return true
