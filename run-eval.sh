#!/usr/bin/env bash
# EvalKit's main job.
#   ./run-eval.sh                     build, compile the demo teacher/student fixture models, run suites/demo on both
#   ./run-eval.sh --model PATH.gguf   run every suite under suites/ against your own model (repeat --model to compare)
#   ./run-eval.sh bench [OPTIONS]     tokens/sec (pp512, tg128; EvalKit vs a bare loop) and cases/sec (sequential vs
#                                     --parallel 8) on the synthetic qwen2-0.5b q4_0 model, into results/bench-<timestamp>/
#   ./run-eval.sh bench-endpoint [OPTIONS]  'evalkit serve' on that model, swept by 'evalkit bench --endpoint'
#                                     (concurrency 1,2,4,8; plus the load generator's own ceiling)
#   ./run-eval.sh bench-peers LLAMA_CPP_BIN_DIR [STORIES.gguf]  llama-bench, llama-batched-bench and llama-server
#                                     beside EvalKit on the same model(s), interleaved; prints the ratios
#   ./run-eval.sh --help              this text
# Extra options after the model(s) are passed to 'evalkit run' (see: evalkit run --help).
# Afterwards the run is reported to reports/latest/ (index.html, summary.md, junit.xml); with EVALKIT_GATES=FILE
# the gates in FILE are applied and the script exits 1 when one fails.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

usage() { sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; }

case "${1:-}" in
  -h|--help) usage; exit 0 ;;
esac

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# llama.cpp's OpenMP threads spin-wait; passive waiting keeps small machines responsive.
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"

echo "==> building EvalKit (Release)"
dotnet build src/EvalKit.Cli/EvalKit.Cli.csproj -c Release --nologo -v quiet -clp:ErrorsOnly
evalkit=(dotnet src/EvalKit.Cli/bin/Release/net10.0/evalkit.dll)

run_and_report() {
  "${evalkit[@]}" run "$@"
  local run_dir
  # The newest run (results/ also holds bench-* folders, which have no run.json).
  run_dir=$(dirname "$(ls -t results/*/run.json | head -n 1)")
  echo "==> writing the report for ${run_dir} to reports/latest/"
  local gates=()
  if [ -n "${EVALKIT_GATES:-}" ]; then gates=(--gates "$EVALKIT_GATES"); fi
  "${evalkit[@]}" report "$run_dir" -o reports/latest "${gates[@]}"
}

synth_model() {
  model=.cache/synth/qwen2-0.5b-q4_0.gguf
  if [ ! -f "$model" ]; then
    echo "==> writing the synthetic qwen2-0.5b q4_0 model (random weights, real shape) to $model"
    "${evalkit[@]}" fixtures synth --shape qwen2-0.5b --type q4_0 -o "$model"
  fi
}

if [ "${1:-}" = bench-endpoint ]; then
  shift
  synth_model
  log=$(mktemp)
  COLUMNS=200 "${evalkit[@]}" serve "$model" --port 0 --threads 2 --name qwen2-0.5b-q4_0 >"$log" 2>&1 &
  serve_pid=$!
  trap 'kill "$serve_pid" 2>/dev/null || true; rm -f "$log"' EXIT
  url=""
  for _ in $(seq 1 120); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/v1' "$log" | head -n 1 || true)
    [ -n "$url" ] && break
    kill -0 "$serve_pid" 2>/dev/null || { cat "$log" >&2; exit 3; }
    sleep 1
  done
  [ -n "$url" ] || { echo "run-eval.sh: evalkit serve did not start within 120 s" >&2; cat "$log" >&2; exit 3; }
  echo "==> evalkit serve $model --threads 2 at $url; evalkit bench --endpoint $url --model qwen2-0.5b-q4_0 $*"
  "${evalkit[@]}" bench --endpoint "$url" --model qwen2-0.5b-q4_0 --out results "$@"
  exit
fi

if [ "${1:-}" = bench ]; then
  shift
  synth_model
  echo "==> evalkit bench $model -t 2 $*"
  "${evalkit[@]}" bench "$model" -t 2 --out results "$@"
  exit
fi

if [ "${1:-}" = bench-peers ]; then
  shift
  [ $# -ge 1 ] || { echo "run-eval.sh: bench-peers needs LLAMA_CPP_BIN_DIR (see docs/benchmarks.md, Peers)" >&2; exit 2; }
  synth_model
  # shellcheck source=tools/bench-peers.sh
  source tools/bench-peers.sh "$@"
  exit
fi

if [ $# -eq 0 ]; then
  echo "==> compiling the demo fixture models (cached by spec digest in .cache/fixtures)"
  mkdir -p .cache/fixtures
  "${evalkit[@]}" fixtures build fixtures/teacher.fixture.yaml -o .cache/fixtures/teacher.gguf
  "${evalkit[@]}" fixtures build fixtures/student.fixture.yaml -o .cache/fixtures/student.gguf
  echo "==> running suites/demo on teacher and student (programmed fixtures, not real models)"
  run_and_report --suite suites/demo \
    --model teacher=.cache/fixtures/teacher.gguf --model student=.cache/fixtures/student.gguf \
    --threads 1 --out results
  exit
fi

models=()
while [ $# -gt 0 ]; do
  case "$1" in
    --model|-m) [ $# -ge 2 ] || { echo "run-eval.sh: --model needs a path: --model [NAME=]PATH.gguf" >&2; exit 2; }
                models+=(--model "$2"); shift 2 ;;
    *) break ;;
  esac
done
if [ ${#models[@]} -eq 0 ]; then
  echo "run-eval.sh: pass --model [NAME=]PATH.gguf (or no arguments at all for the built-in demo)." >&2
  usage >&2
  exit 2
fi
run_and_report --suite suites "${models[@]}" --out results "$@"
