#!/usr/bin/env bash
# The long fuzzing run: every parser of untrusted text (tests/Crema.Tests/Fuzzing) fed
# CREMA_FUZZ_INPUTS generated and mutated inputs each (default 100000), seeded by CREMA_FUZZ_SEED
# (default: the suite's). The test suite runs a 300-input sample of the same targets.
# Prints one line per target (inputs, failures, time) and exits non-zero when any input failed.
set -euo pipefail
cd "$(dirname "$0")/.."

export CREMA_FUZZ_INPUTS=${CREMA_FUZZ_INPUTS:-100000}
report=${CREMA_FUZZ_REPORT:-$(mktemp)}
export CREMA_FUZZ_REPORT=$report
: >"$report"
dotnet build tests/Crema.Tests -c Release -v quiet -nologo
set +e
dotnet test tests/Crema.Tests -c Release --no-build --filter "FullyQualifiedName~Crema.Tests.Fuzzing.FuzzTests" >/dev/null
status=$?
set -e
cat "$report"
exit "$status"
