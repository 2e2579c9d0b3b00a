def build = new GroovyClassLoader().parseClass(new File(itSources, 'BuildOutput.groovy')).newInstance(basedir)

build.has('unsafecheck: 1 offline-instrumented class(es) call io.github.unsafecheck:unsafecheck-runtime, which is not a dependency of this project')
build.has('<artifactId>unsafecheck-runtime</artifactId>')
build.hasLine(/<version>\d+\.\d+\.\d+\S*<\/version>/)
// nothing was rewritten, nothing backed up
assert !new File(basedir, 'target/generated-classes/unsafecheck').exists()
assert !new String(new File(basedir, 'target/classes/com/example/Main.class').bytes, 'ISO-8859-1').contains('UnsafeHooks')
return true
