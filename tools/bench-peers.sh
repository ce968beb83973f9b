#!/usr/bin/env bash
# ./run-eval.sh bench-peers LLAMA_CPP_BIN_DIR [STORIES260K.gguf]
# EvalKit beside llama.cpp's own tools on the same GGUF, same threads, interleaved round by round (machines are
# shared and noisy: compare the ratios, not absolute figures across runs). LLAMA_CPP_BIN_DIR holds llama-bench,
# llama-batched-bench and llama-server built at the commit LLamaSharp wraps (docs/benchmarks.md, "Peers").
# Environment: ROUNDS (default 3), PEERS_OUT (default results/peers-<timestamp>).
# Called by run-eval.sh with "evalkit" set to the command that runs the CLI and "model" to the synthetic model.
set -euo pipefail

bin=${1:?run-eval.sh bench-peers: pass the folder holding llama-bench, llama-batched-bench and llama-server}
stories=${2:-}
for tool in llama-bench llama-batched-bench llama-server; do
  [ -x "$bin/$tool" ] || { echo "run-eval.sh bench-peers: no executable $bin/$tool (build it: docs/benchmarks.md, Peers)" >&2; exit 2; }
done
command -v python3 >/dev/null || { echo "run-eval.sh bench-peers: python3 is needed to read the JSON results" >&2; exit 2; }
rounds=${ROUNDS:-3}
out=${PEERS_OUT:-results/peers-$(date -u +%Y%m%d-%H%M%S)}
mkdir -p "$out"

# model path, threads, pp, tg: the 0.5B-shape q4_0 model on 2 threads; stories260K on 1 (issue 17's settings)
targets=("$model 2 512 128")
[ -n "$stories" ] && targets+=("$stories 1 64 32")

summary() { python3 - "$@" <<'PY'
import json, sys, glob, statistics as st
kind, out = sys.argv[1], sys.argv[2]
def load(pattern):
    rows = []
    for f in sorted(glob.glob(pattern)):
        text = open(f).read().strip()
        if not text: continue
        rows += json.loads(text) if text.startswith('[') else [json.loads(l) for l in text.splitlines() if l.startswith('{')]
    return rows
if kind == "bench":
    peer, ours = load(out + "/llama-bench-*.json"), load(out + "/evalkit-bench-*.json")
    for r in peer: r["build_commit"] = "llama-bench"
    print(f"{'model':32} {'test':12} {'llama-bench t/s':>16} {'bare t/s':>10} {'evalkit t/s':>12} {'evalkit/llama-bench':>20}")
    keys = sorted({(r["model_filename"].split('/')[-1], r["n_prompt"], r["n_gen"]) for r in peer})
    for model, pp, tg in keys:
        def mean(rows, commit):
            v = [r["avg_ts"] for r in rows if r["model_filename"].endswith(model) and (r["n_prompt"], r["n_gen"]) == (pp, tg) and r["build_commit"].endswith(commit)]
            return st.mean(v) if v else float("nan")
        lb, bare, ek = mean(peer, "llama-bench"), mean(ours, "+bare"), mean(ours, "+evalkit")
        test = f"pp{pp}" if tg == 0 else f"tg{tg}"
        print(f"{model:32} {test:12} {lb:16.2f} {bare:10.2f} {ek:12.2f} {ek / lb:19.2f}x")
elif kind == "batched":
    n = int(sys.argv[3])
    peer = load(out + "/batched-bench-*.jsonl")
    speed = {pl: st.mean([r["speed"] for r in peer if r["pl"] == pl]) for pl in (1, n)}
    peer_up = speed[n] / speed[1]
    ours = [json.load(open(f))["evaluation"] for f in sorted(glob.glob(out + "/evalkit-eval-*/bench-*/bench.json"))]
    ups = [r["speedup_over_sequential"] for ev in ours for r in ev if r.get("parallel") == n and r.get("speedup_over_sequential")]
    ek_up = st.mean(ups) if ups else float("nan")
    print(f"batched decoding, N={n}: llama-batched-bench speed-up {peer_up:.2f}x, evalkit run --parallel {n} {ek_up:.2f}x, ratio {ek_up / peer_up:.2f}")
elif kind == "serve":
    def levels(name):
        res = {}
        for f in sorted(glob.glob(f"{out}/{name}-*/bench-*/bench.json")):
            for l in json.load(open(f))["endpoint"]["levels"]:
                res.setdefault(l["concurrency"], []).append((l["output_throughput"], l["failed"], l["reconnects"]))
        return res
    peer, ours = levels("sweep-llama-server"), levels("sweep-evalkit-serve")
    print(f"{'concurrency':>11} {'llama-server out tok/s':>23} {'evalkit serve out tok/s':>24} {'ratio':>7} {'failed':>7} {'reconnects':>11}")
    for c in sorted(peer):
        p, o = st.mean(x[0] for x in peer[c]), st.mean(x[0] for x in ours.get(c, [(float('nan'), 0, 0)]))
        failed = sum(x[1] for x in peer[c] + ours.get(c, []))
        reconnects = sum(x[2] for x in peer[c] + ours.get(c, []))
        print(f"{c:>11} {p:23.1f} {o:24.1f} {o / p:6.2f}x {failed:7} {reconnects:11}")
PY
}

wait_for_url() { # log file, pid, pattern
  for _ in $(seq 1 180); do
    if grep -qE "$3" "$1"; then return 0; fi
    kill -0 "$2" 2>/dev/null || { cat "$1" >&2; return 1; }
    sleep 1
  done
  return 1
}

sweep() { # name, url, model name, threads
  "${evalkit[@]}" bench --endpoint "$2" --model "$3" -c 1,4 --requests 16 --prompt-words 64 --max-tokens 32 \
    --ceiling-requests 0 --out "$out/sweep-$1-$round" >/dev/null
}

for target in "${targets[@]}"; do
  read -r gguf threads pp tg <<<"$target"
  echo "==> $gguf, $threads thread(s): pp$pp/tg$tg, llama-bench and evalkit bench interleaved, $rounds round(s)"
  for round in $(seq 1 "$rounds"); do
    "$bin/llama-bench" -m "$gguf" -t "$threads" -p "$pp" -n "$tg" -r 3 -o json > "$out/llama-bench-$(basename "$gguf")-$round.json" 2>/dev/null
    "${evalkit[@]}" bench "$gguf" -t "$threads" -p "$pp" -n "$tg" -r 3 --eval-parallel 0 -o json --out "$out/evalkit-runs" \
      > "$out/evalkit-bench-$(basename "$gguf")-$round.json" 2>/dev/null
  done
done
summary bench "$out"

n=8
echo "==> batched decoding, N=$n: llama-batched-bench and evalkit bench --eval-parallel $n, interleaved"
for round in $(seq 1 "$rounds"); do
  # EvalKit's evaluation cases: ~40 prompt tokens on the synthetic vocabulary, up to 16 generated.
  "$bin/llama-batched-bench" -m "$model" -t 2 -c 2048 -b 2048 -ub 512 -npp 40 -ntg 16 -npl 1,$n --output-format jsonl \
    > "$out/batched-bench-$round.jsonl" 2>/dev/null
  "${evalkit[@]}" bench "$model" -t 2 -p 0 -n 0 -r 3 --eval-parallel $n --eval-cases 32 --eval-max-tokens 16 \
    --out "$out/evalkit-eval-$round" >/dev/null 2>&1
done
summary batched "$out" "$n"

echo "==> serving: llama-server -np 4 and evalkit serve, each swept at concurrency 1,4 (16 requests, 32 tokens), interleaved"
for round in $(seq 1 "$rounds"); do
  log=$(mktemp)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  "$bin/llama-server" -m "$model" -t 2 -np 4 -c 4096 --host 127.0.0.1 --port "$port" >"$log" 2>&1 &
  pid=$!
  if wait_for_url "$log" "$pid" "listening on"; then
    sweep llama-server "http://127.0.0.1:$port/v1" qwen2-0.5b-q4_0 2
  fi
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true

  COLUMNS=200 "${evalkit[@]}" serve "$model" --port 0 --threads 2 --name qwen2-0.5b-q4_0 >"$log" 2>&1 &
  pid=$!
  if wait_for_url "$log" "$pid" 'http://127\.0\.0\.1:[0-9]+/v1'; then
    sweep evalkit-serve "$(grep -oE 'http://127\.0\.0\.1:[0-9]+/v1' "$log" | head -n 1)" qwen2-0.5b-q4_0 2
  fi
  kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  rm -f "$log"
done
summary serve "$out"
echo "==> raw results in $out"
