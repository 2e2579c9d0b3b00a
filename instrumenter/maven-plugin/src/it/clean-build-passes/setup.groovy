// A violation left over from an earlier build: prepare-agent must remove it, or check would fail this clean build.
File report = new File(basedir, 'target/unsafecheck-report.jsonl')
report.parentFile.mkdirs()
report.text = '{"rule":"heap-pointer","op":"Unsafe.putLong","dst":"0x10","value":"0x20","size":8,"dstKind":"unknown",' +
        '"allocation":null,"thread":"main","site":"old.Stale.write(Stale.java:1)","stack":[],"skipped":false}\n'
return true
