import java.util.zip.ZipFile

def build = new GroovyClassLoader().parseClass(new File(itSources, 'BuildOutput.groovy')).newInstance(basedir)
String mainSite = "com.example.Main.storeHeapPointer(Main.java:${build.markedLine('src/main/java/com/example/Main.java')})"
String testSite = "com.example.MainTest.testClassesAreChecked(MainTest.java:${build.markedLine('src/test/java/com/example/MainTest.java')})"
int overflowLine = new File(basedir, 'src/test/java/com/example/MainTest.java').readLines()
        .findIndexOf { it.contains('// unsafecheck: overflow') } + 1
String overflowSite = "com.example.MainTest.piecesOfADeclaredAllocatorAreBlocks(MainTest.java:${overflowLine})"
boolean callsHooks(byte[] b) { new String(b, 'ISO-8859-1').contains('io/github/unsafecheck/runtime/hook/UnsafeHooks') }

// instrument: both directories, originals kept; the options reach the test JVMs as system properties
build.hasLine(/unsafecheck: 2 of 2 classes instrumented in \S+target.classes; originals in \S+generated-classes.unsafecheck.classes$/)
build.hasLine(/unsafecheck: 1 of 1 classes instrumented in \S+target.test-classes;/)
build.hasLine(/argLine set to -Dunsafecheck\.mode=report -Dunsafecheck\.report=\S+ -Dunsafecheck\.allocators=com\.example\.Pool#storeHeader -Dunsafecheck\.track=com\.example\.Pool#take=alloc --add-exports java.base\/jdk.internal.misc=ALL-UNNAMED$/)
build.has('Tests run: 3, Failures: 0, Errors: 0')
build.hasNot('unknown option')

// check: the violations of main and test classes, not the allocator's store; the declared pool's piece overflowed,
// listed as a warning (failOnRules names heap-pointer only)
// (take was woven offline: its piece is a block with a redzone of its own inside the pool's chunk)
build.has('[ERROR] unsafecheck: 3 violations in ')
build.has("[ERROR]     at ${mainSite}: Unsafe.putLong")
build.has("[ERROR]     at ${testSite}: Unsafe.putLong")
build.has("[WARNING]     at ${overflowSite}: Unsafe.putLong")
build.hasNot('Pool.storeHeader(')
def records = build.report('target/unsafecheck-report.jsonl')
assert records*.site.sort() == [mainSite, testSite, overflowSite].sort()
assert records.find { it.site == overflowSite }.allocation.kind == 'Pool.take block'
// the runtime, started from system properties in the test JVM, wrote its start and end records
def runs = build.runRecords('target/unsafecheck-report.jsonl')
assert runs*.record == ['start', 'end'] : runs
assert runs[0].startedBy == 'system properties' && runs[0].version ==~ /\d+\.\d+.*/ : runs[0]
assert runs[1].sitesRewritten == null && runs[1].sitesChecked > 0 && runs[1].violations == 3 : runs[1]

// restore ran after package: target/classes holds the originals again, the backup is empty, the jar is instrumented
build.hasLine(/unsafecheck: restored 2 original classes from \S+ to \S+target.classes$/)
assert !callsHooks(new File(basedir, 'target/classes/com/example/Main.class').bytes)
assert new File(basedir, 'target/generated-classes/unsafecheck/classes').listFiles().every { it.isDirectory() }
File jar = new File(basedir, 'target/offline-instrument-1.0.jar')
new ZipFile(jar).withCloseable { z -> assert callsHooks(z.getInputStream(z.getEntry('com/example/Main.class')).bytes) }

// the packaged jar runs without -javaagent, with only the runtime jar: the violation is reported
File repo = localRepositoryPath
File lib = new File(repo, 'it/unsafecheck/native-lib/1.0/native-lib-1.0.jar')
File runtime = new File(repo, 'io/github/unsafecheck/unsafecheck-runtime').listFiles().find { it.isDirectory() }
        .listFiles().find { it.name.endsWith('.jar') }
String cp = [jar, lib, runtime]*.path.join(File.pathSeparator)
def (exit, out) = build.run(['-XX:-UseCompressedOops', '-Dunsafecheck.mode=report',
        '-Dunsafecheck.report=target/jar-run.jsonl', '-cp', cp, 'com.example.Main'])
assert exit == 0 : out
assert out.contains('done') : out
assert !out.contains('-javaagent')
def run = build.report('target/jar-run.jsonl')
assert run*.site == [mainSite] : out
assert run[0].rule == 'heap-pointer'
return true
