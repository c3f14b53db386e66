#!/usr/bin/env bash
# The long fuzzing run: every parser of untrusted text (tests/Crema.Tests/Fuzzing) fed
# CREMA_FUZZ_INPUTS generated and mutated inputs each (default 100000), seeded by CREMA_FUZZ_SEED
# (default: the suite's). The test suite runs a 300-input sample of the same targets.
#
#   scripts/fuzz.sh                              every target, in one test run
#   scripts/fuzz.sh nats-jsz,beanstalkd aws-sqs  each argument a batch (comma-separated target names), run one
#                                                after another at low priority, so a loaded machine stays usable
#
# Prints one line per target (inputs, failures, most memory one input allocated, time) and exits
# non-zero when any input failed; the failing inputs, as C# literals, are in the test log it names.
set -euo pipefail
cd "$(dirname "$0")/.."

export CREMA_FUZZ_INPUTS=${CREMA_FUZZ_INPUTS:-100000}
report=${CREMA_FUZZ_REPORT:-$(mktemp)}
export CREMA_FUZZ_REPORT=$report
log=$(mktemp)
: >"$report"
dotnet build tests/Crema.Tests -c Release -v quiet -nologo
status=0
for batch in "${@:-}"; do
  set +e
  CREMA_FUZZ_TARGETS=$batch nice dotnet test tests/Crema.Tests -c Release --no-build \
    --filter "FullyQualifiedName~Crema.Tests.Fuzzing.FuzzTests" >>"$log" 2>&1 || status=1
  set -e
done
cat "$report"
echo "test log: $log"
exit "$status"
