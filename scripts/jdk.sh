# Sourced by local-stack.sh and .ci/run: point JAVA_HOME at a JDK 21 or newer.
# Keeps a JAVA_HOME that is already 21+; otherwise tries `java` on the PATH, then /usr/lib/jvm/*.
java_feature() { # prints the feature release of the java binary given, or 0
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n1 | cut -d. -f1 | grep -E '^[0-9]+$' || echo 0
}
select_jdk() {
  local candidate
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ] && [ "$(java_feature "$JAVA_HOME/bin/java")" -ge 21 ]; then
    return 0
  fi
  if command -v javac >/dev/null 2>&1; then
    candidate=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    if [ "$(java_feature "$candidate/bin/java")" -ge 21 ]; then export JAVA_HOME="$candidate"; return 0; fi
  fi
  for candidate in /usr/lib/jvm/* /opt/java/* "$HOME"/.sdkman/candidates/java/*; do
    if [ -x "$candidate/bin/javac" ] && [ "$(java_feature "$candidate/bin/java")" -ge 21 ]; then
      export JAVA_HOME="$candidate"; return 0
    fi
  done
  echo "ERROR: a JDK 21 or newer is required (found: ${JAVA_HOME:-$(command -v java || echo none)})." >&2
  echo "       Install one and set JAVA_HOME to it." >&2
  return 1
}
