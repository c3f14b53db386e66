#!/usr/bin/env bash
# Runs the whole test suite on a machine with only the .NET SDK: installs the missing Debian packages
# listed in scripts/test-packages.txt, runs the tests, and ends with "tests: N passed, N failed".
# Exits non-zero when the build or a test fails.
set -euo pipefail
cd "$(dirname "$0")/.."

export DEBIAN_FRONTEND=noninteractive
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

packages=$(sed 's/#.*//' scripts/test-packages.txt | xargs)
missing=$(for p in $packages; do dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"; done)
if [ -n "$missing" ]; then
  as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    as_root=(sudo)
  fi
  echo "installing: $(echo "$missing" | xargs)"
  "${as_root[@]}" apt-get update -qq
  # shellcheck disable=SC2086 # one word per package
  "${as_root[@]}" apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# Azurite, Microsoft's Azure Storage emulator (pinned in tests/azurite/package-lock.json), for the azure-queue tests.
if [ ! -x tests/azurite/node_modules/.bin/azurite-queue ]; then
  echo "installing: azurite (npm ci --prefix tests/azurite)"
  npm ci --prefix tests/azurite --no-audit --no-fund --loglevel=error >/dev/null
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
dotnet test Crema.sln -c Release "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One plain closing line for CI, summed over the test projects.
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "tests: ${passed} passed, ${failed} failed"
exit "$status"
