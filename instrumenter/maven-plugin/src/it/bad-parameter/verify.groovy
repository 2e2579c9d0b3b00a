def build = new GroovyClassLoader().parseClass(new File(itSources, 'BuildOutput.groovy')).newInstance(basedir)

build.has("unsafecheck: bad value 'sometimes' for option 'mode'; accepted values: throw, report, count")
build.hasLine(/prepare-agent \(default\) on project bad-parameter: unsafecheck: bad value 'sometimes'/)
return true
