#!/usr/bin/env bash
# Runs the whole system locally without Docker: PostgreSQL, Kafka, Keycloak and the four services.
#   ./local-stack.sh            build (skipping tests) and start; Ctrl-C stops everything
#   ./local-stack.sh --no-build start what was built last time
#   ./local-stack.sh stop       stop a stack started from another terminal
# Ports and the data folder are set by environment variables: see README.md.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/jdk.sh
select_jdk
export PATH="$JAVA_HOME/bin:$PATH"

home="${TELEWORK_HOME:-$PWD/.local-stack}"
case "${1:-start}" in
  stop)
    if [ -f "$home/launcher.pid" ] && kill -0 "$(cat "$home/launcher.pid")" 2>/dev/null; then
      kill -TERM "$(cat "$home/launcher.pid")"
      echo "stopping the local stack (pid $(cat "$home/launcher.pid"))"
    else
      echo "no local stack is running"
    fi
    exit 0 ;;
  --no-build) ;;
  start)
    echo "building (tests skipped; this takes a few minutes the first time) ..."
    ./mvnw -B -q install -DskipTests ;;
  *) echo "usage: $0 [start|--no-build|stop]" >&2; exit 2 ;;
esac

exec "$JAVA_HOME/bin/java" -Dtelework.repository="$PWD" \
  -cp "local-stack/target/classes:$(cat local-stack/target/launcher.classpath)" jp.telework.desk.local.LocalStack
