// Pastes the README's Maven snippet ("With the agent (recommended)") into this project's pom, as a user would.
File readme = new File(itSources, '../../../../README.md').canonicalFile
String text = readme.text
int section = text.indexOf('### With the agent (recommended)')
assert section >= 0 : "no 'With the agent (recommended)' section in ${readme}"
int start = text.indexOf('```xml\n', section)
int end = text.indexOf('```', start + 7)
assert start > 0 && end > start : "no xml block in the README's 'With the agent' section"
String snippet = text.substring(start + 7, end)
File pom = new File(basedir, 'pom.xml')
assert pom.text.contains('<!-- README snippet -->')
pom.text = pom.text.replace('<!-- README snippet -->', snippet)
return true
