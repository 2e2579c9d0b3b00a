def build = new GroovyClassLoader().parseClass(new File(itSources, 'BuildOutput.groovy')).newInstance(basedir)
int line = build.markedLine('../setup-native-lib/src/main/java/example/lib/OffHeapTable.java')
String site = "example.lib.OffHeapTable.rememberInNativeMemory(OffHeapTable.java:${line})"

build.has('unsafecheck: it.unsafecheck:native-lib:1.0: 1 of 3 classes instrumented')
File out = new File(basedir, 'target/unsafecheck-dependencies')
assert new File(out, 'native-lib-1.0.jar').isFile()
assert out.listFiles().any { it.name.startsWith('unsafecheck-runtime-') } : 'the runtime goes along'
// the coverage report names the rewritten call site
def coverage = build.report('target/dependencies-coverage.jsonl')
def table = coverage.find { it.class == 'example.lib.OffHeapTable' }
assert table.sites.any { it.target == 'sun.misc.Unsafe.putLong(JJ)V' && it.rewritten } : table
assert table.skipped == 0 : table

File app = new File(basedir, 'target/instrument-dependencies-1.0.jar')
List<String> jvm = ['-XX:-UseCompressedOops', '-Dunsafecheck.mode=report']

// with the instrumented copies: the library's store is reported, no agent anywhere
def (exit, stdout) = build.run(jvm + ['-Dunsafecheck.report=target/checked-run.jsonl',
        '-cp', app.path + File.pathSeparator + out.path + File.separator + '*', 'com.example.App'])
assert exit == 0 : stdout
assert stdout.contains('stored: true') : stdout
def records = build.report('target/checked-run.jsonl')
assert records*.site == [site] : stdout

// with the original jar from the repository: nothing checks, nothing is reported (and the original is untouched)
File original = new File(localRepositoryPath, 'it/unsafecheck/native-lib/1.0/native-lib-1.0.jar')
def (exit2, stdout2) = build.run(jvm + ['-Dunsafecheck.report=target/plain-run.jsonl',
        '-cp', app.path + File.pathSeparator + original.path, 'com.example.App'])
assert exit2 == 0 : stdout2
assert !new File(basedir, 'target/plain-run.jsonl').exists()
return true
