import groovy.json.JsonSlurper

/**
 * What the verify.groovy scripts assert on: an integration-test project's build.log, its reports, and programs run
 * from what it built. Failed assertions name what was missing instead of printing the whole log.
 */
class BuildOutput {
    final File basedir
    final String log

    BuildOutput(File basedir) {
        this.basedir = basedir
        this.log = new File(basedir, 'build.log').text
    }

    void has(String text) {
        assert log.contains(text) : "build.log of ${basedir.name} lacks: ${text}"
    }

    void hasNot(String text) {
        assert !log.contains(text) : "build.log of ${basedir.name} should not contain: ${text}"
    }

    /** A regular expression that must match within one line. */
    void hasLine(String regex) {
        assert (log =~ ('(?m)' + regex)).find() : "build.log of ${basedir.name} has no line matching: ${regex}"
    }

    /** The line number of the source line marked with the comment '// unsafecheck: violation'. */
    int markedLine(String sourcePath) {
        int i = new File(basedir, sourcePath).readLines().findIndexOf { it.contains('// unsafecheck: violation') }
        assert i >= 0 : "no marked line in ${sourcePath}"
        return i + 1
    }

    /** The violation records of a JSON-lines report (or the lines of any other); an absent file fails. */
    List<Map> report(String path) {
        return lines(path).findAll { !it.containsKey('record') }
    }

    /** The run records of a report: each JVM's start record and, if it reached its exit, its end record. */
    List<Map> runRecords(String path) {
        return lines(path).findAll { it.containsKey('record') }
    }

    private List<Map> lines(String path) {
        File f = new File(basedir, path)
        assert f.isFile() : "no report ${f}"
        return f.readLines().findAll { it.trim() }.collect { new JsonSlurper().parseText(it) as Map }
    }

    /** Runs java (the JDK running this build) with these arguments in the project directory; returns [exit, output]. */
    List run(List<String> args) {
        String java = new File(System.getProperty('java.home'), 'bin/java').path
        List<String> command = [java]
        if (Runtime.version().feature() >= 23) {
            command << '--sun-misc-unsafe-memory-access=allow'
        }
        command.addAll(args)
        Process p = new ProcessBuilder(command).directory(basedir).redirectErrorStream(true).start()
        String out = p.inputStream.text
        int exit = p.waitFor()
        return [exit, out]
    }
}
