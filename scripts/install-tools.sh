#!/usr/bin/env bash
# Installs the Node.js tools the build runs (tools/package.json: the OpenAPI linters Spectral and
# Redocly) into tools/node_modules. Called by .ci/run; run it once by hand to have the lint tests run
# locally too (without the tools they are skipped and say so, except under CI=true, where they fail).
# Needs Node.js 20.19+ (or 22.12+) with npm; installs Debian's nodejs and npm when run as root without them.
set -euo pipefail
cd "$(dirname "$0")/../tools"

node_ok() {
  command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 &&
    node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit((a===20&&b>=19)||(a===22&&b>=12)||a>22?0:1)'
}
if ! node_ok; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "install-tools: installing Debian's nodejs and npm"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm >/dev/null
  fi
  node_ok || { echo "install-tools: Node.js 20.19+ or 22.12+ with npm is required (found: $(node --version 2>/dev/null || echo none))" >&2; exit 1; }
fi

# npm ci only when package-lock.json changed since the last install
stamp=node_modules/.installed-from
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "install-tools: tools/node_modules is up to date"
  exit 0
fi
echo "install-tools: npm ci in tools/ (node $(node --version))"
npm ci --no-audit --no-fund --loglevel=error
echo "$want" > "$stamp"
