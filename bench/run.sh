#!/usr/bin/env bash
# Runs every benchmark scenario once against the Docker-free stack and writes bench/results/latest.{json,md}
# (and the results section of bench/README.md). About 15 minutes on a 2-core machine.
#   bench/run.sh              build the harness (not the services) and run all scenarios
#   bench/run.sh --no-build   skip building the harness
#   bench/run.sh --quick      short runs to try the harness (results in bench/target/results-quick, README untouched)
#   bench/run.sh --only=1,3   only some scenarios (setup always runs)
# Prerequisites are checked, never installed: see bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
select_jdk
export PATH="$JAVA_HOME/bin:$PATH"

build=1
args=()
for a in "$@"; do
  if [ "$a" = "--no-build" ]; then build=0; else args+=("$a"); fi
done

missing=""
for tool in wrk nginx pgbench; do
  command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || missing="$missing $tool"
done
if [ -n "$missing" ]; then
  echo "ERROR: missing load tools:$missing" >&2
  echo "       Debian/Ubuntu: apt-get install wrk nginx-light postgresql-contrib   (see bench/README.md)" >&2
  exit 2
fi
for s in contact-point-service consultation-service seminar-service gateway; do
  if [ ! -f "$s/target/quarkus-app/quarkus-run.jar" ]; then
    echo "ERROR: $s is not packaged; run ./mvnw -B install -DskipTests first" >&2
    exit 2
  fi
done

if [ "$build" = 1 ]; then
  ./mvnw -B -q ${BENCH_MAVEN_OFFLINE--o} -f bench/pom.xml package -DskipTests
fi

# What a load test needs from the services; everything else is the services' own defaults.
# The stack's processes inherit these variables.
export TELEWORK_RATE_LIMITS_PUBLIC_READ_REQUESTS=100000000   # the limiter stays on (its cost is measured), the limits out of reach
export TELEWORK_RATE_LIMITS_API_REQUESTS=100000000
export TELEWORK_RATE_LIMITS_STATISTICS_REQUESTS=100000000
export CONSULTATION_MAX_OPEN_BOOKINGS_PER_ORGANIZATION=10000000   # 50 organizations book thousands of slots
export TELEWORK_AVAILABILITY_HORIZON_WEEKS=2                     # ~6,800 slots instead of ~27,000 to publish at setup

exec "$JAVA_HOME/bin/java" -Xmx1g -Dbench.repository="$PWD" \
  -cp "bench/target/classes:$(cat bench/target/bench.classpath)" jp.telework.desk.bench.Bench "${args[@]+"${args[@]}"}"
