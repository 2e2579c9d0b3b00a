#!/usr/bin/env bash
# Runs the JMH benchmarks with and without the agent in one invocation and prints the ratio table
# (with/without, ratio, goal, pass/miss). Builds benchmarks.jar and the agent first (skip with --no-build).
#
#   benchmarks/run.sh                 quick profile: under 5 minutes on 2 cores, to check that it all runs
#   benchmarks/run.sh --full          the figures to record in benchmarks/RESULTS.md, on a quiet machine
#   benchmarks/run.sh --full --jdk /usr/lib/jvm/java-17-openjdk-amd64     the forks on another JDK (17+)
#   benchmarks/run.sh --only 'native' --prof gc                           some cases, with a JMH profiler
#
# Other options: --agent JAR, --out DIR, --jvm-arg ARG (see RatioRunner's usage). Extra Maven options: MVN_ARGS=-o.
set -eu
cd "$(dirname "$0")/.."
build=yes
args=()
for a in "$@"; do
  if [ "$a" = "--no-build" ]; then build=no; else args+=("$a"); fi
done
JAVA_HOME=$(bin/find-jdk 22)
if [ "$build" = yes ]; then
  # shellcheck disable=SC2086
  bin/mvn -B -q ${MVN_ARGS:-} package -DskipTests -pl benchmarks -am
fi
runner_opts=()
feature=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$JAVA_HOME/release")
if [ "${feature:-0}" -ge 23 ]; then
  # JMH's own harness calls sun.misc.Unsafe in the runner JVM; the forks keep the JDK's default.
  runner_opts+=(--sun-misc-unsafe-memory-access=allow)
fi
exec "$JAVA_HOME/bin/java" "${runner_opts[@]}" -cp benchmarks/target/benchmarks.jar \
  io.github.unsafecheck.benchmarks.ratio.RatioRunner "${args[@]}"
