#!/usr/bin/env bash
# Cached rerun time against model size (issue 19): a fully cached 'evalkit run' must not cost time in proportion to
# the model file. A two-case suite runs on stories260K (1 MB) and on a multi-GB synthetic model: once each to fill the
# response cache; once each fully cached without the hash memo (model-hashes.json deleted, so the file is hashed as
# every run did before the memo); then ROUNDS (default 5) fully cached reruns of each with the memo, the two models
# alternating so that load from other processes hits both alike. Prints medians of wall time and of CPU time
# (user + system of the supervisor and its worker; steadier than wall time on a busy machine).
#   tools/cached-rerun-bench.sh [BIG_MODEL.gguf]   default: results/synthetic/llama-7b-f16.gguf, written on first use
# Needs EVALKIT_SHARED (or ../shared) for stories260K. BENCH_CACHE_DIR keeps the filled cache between invocations.
# Figures are recorded in docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"
small="${EVALKIT_SHARED:-../shared}/models/stories260K.gguf"
big="${1:-results/synthetic/llama-7b-f16.gguf}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export EVALKIT_CACHE_DIR="${BENCH_CACHE_DIR:-$work/cache}"
rounds="${ROUNDS:-5}"

echo "==> building EvalKit (Release)"
dotnet build src/EvalKit.Cli/EvalKit.Cli.csproj -c Release --nologo -v quiet -clp:ErrorsOnly
evalkit=(dotnet src/EvalKit.Cli/bin/Release/net10.0/evalkit.dll)
if [ ! -f "$big" ]; then
  echo "==> writing $big"
  "${evalkit[@]}" fixtures synth --shape llama-7b --type f16 -o "$big"
fi

cat > "$work/suite.yaml" <<'YAML'
id: rerun
kind: custom
defaults:
  max_tokens: 4
scorer:
  type: contains
cases:
  - id: once
    prompt: Once upon a time
    expected: [Lily]
  - id: dog
    prompt: The little dog
    expected: [the]
YAML

# Prints "wall cpu" seconds of one run of the suite on model $1.
measure() {
  /usr/bin/time -f '%e %U %S' -o "$work/time" "${evalkit[@]}" run --suite "$work/suite.yaml" --model "m=$1" --threads 2 --ctx 256 \
    --out "$work/results" > "$work/last.log" 2>&1 || { cat "$work/last.log"; exit 3; }
  grep -q "2 answer(s) came from the response cache" "$work/last.log" || [ "${2:-}" = fill ] \
    || { echo "the rerun was not fully cached:"; cat "$work/last.log"; exit 3; }
  awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$work/time"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

models=("$small" "$big")
for model in "${models[@]}"; do
  echo "==> filling the cache: $(basename "$model") took $(measure "$model" fill | cut -d' ' -f1)s"
done
declare -A cold
for model in "${models[@]}"; do
  rm -f "$EVALKIT_CACHE_DIR/model-hashes.json"
  cold[$model]=$(measure "$model")
done
for round in $(seq "$rounds"); do
  for model in "${models[@]}"; do
    echo "$(measure "$model")" >> "$work/warm-$(basename "$model")"
  done
done

printf '%-20s %9s %24s %24s\n' model "size MiB" "cached, no memo wall/CPU" "cached, memo wall/CPU"
for model in "${models[@]}"; do
  warm="$work/warm-$(basename "$model")"
  printf '%-20s %9s %24s %24s\n' "$(basename "$model")" "$(( $(stat -c %s "$model") / 1048576 ))" \
    "$(echo "${cold[$model]}" | awk '{ printf "%ss / %ss", $1, $2 }')" \
    "$(cut -d' ' -f1 "$warm" | median)s / $(cut -d' ' -f2 "$warm" | median)s"
done
echo "(medians of $rounds alternating rounds; every rerun answered both cases from the response cache)"
