#!/usr/bin/env bash
# The test command (README, .ci/run): installs what the tests need when it is missing, then runs every test.
# Extra arguments go to dotnet test (e.g. ./test.sh --filter "FullyQualifiedName~Import").
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 OMP_WAIT_POLICY=PASSIVE
# The report browser tests need headless Chromium (Debian package).
if ! command -v chromium >/dev/null; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update && $sudo apt-get install -y chromium
fi
dotnet test EvalKit.sln "$@"
