#!/bin/bash
# Cases/sec of `evalkit run --parallel 1` and `--parallel 8` on answers of uneven length (docs/benchmarks.md,
# "Continuous batching on uneven answers"). Usage: tools/bench-uneven.sh EVALKIT_DLL [OTHER_EVALKIT_DLL] [REPEATS]
# Each build is run in turn, so two builds (before and after a change) see the same machine load.
# Writes its fixture, suites and runs under ${BENCH_DIR:-/tmp/evalkit-bench-uneven}; needs EVALKIT_SHARED for stories260K.
set -euo pipefail
first=$(realpath "$1"); second=$(realpath "${2:-$1}"); reps=${3:-3}
dir=${BENCH_DIR:-/tmp/evalkit-bench-uneven}
mkdir -p "$dir" && cd "$dir"
export OMP_WAIT_POLICY=PASSIVE DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
python3 - <<'PY'
import os
# 64 programmed cases: every 8th answers with 200 tokens, the others with one token (then </s>).
spec, suite = ["name: uneven", "pairs:"], ["id: uneven", "kind: custom", "defaults:", "  max_tokens: 240", "  temperature: 0", "scorer:", "  type: contains", "cases:"]
for i in range(64):
    prompt = f"Question number {i}?"
    spec.append(f'  - prompt: "{prompt}"')
    if i % 8 == 0:
        tokens = [f"t{i}x{k}|" for k in range(200)]
        spec.append("    tokens: [" + ", ".join(f'"{t}"' for t in tokens) + "]")
        expected = tokens[0]
    else:
        spec.append(f'    response: "answer{i}"')
        expected = f"answer{i}"
    suite += [f"  - id: c{i}", f'    prompt: "{prompt}"', f'    expected: "{expected}"']
os.makedirs("uneven", exist_ok=True)
open("uneven.fixture.yaml", "w").write("\n".join(spec) + "\n")
open("uneven/uneven.yaml", "w").write("\n".join(suite) + "\n")
# stories260K: natural lengths, each answer cut at its first full stop.
openings = ["Once upon a time", "The dog ran to the", "Tom had a red", "Lily and her mom went", "One day, a little bird", "The sun was hot and",
            "Sam did not want to", "There was a big tree", "Mia found a shiny", "The cat said", "A boy named Tim", "The little girl saw",
            "In the park, there", "Ben and his friend", "The old man had", "A big bear"]
stories = ["id: stories", "kind: custom", "defaults:", "  max_tokens: 96", "  temperature: 0", '  stop: ["."]', "scorer:", "  type: contains", "cases:"]
for r in range(4):
    for j, opening in enumerate(openings):
        stories += [f"  - id: s{r}-{j}", f'    prompt: "{opening}{" " * r}"', '    expected: "the"']
os.makedirs("stories", exist_ok=True)
open("stories/stories.yaml", "w").write("\n".join(stories) + "\n")
PY
dotnet "$first" fixtures build uneven.fixture.yaml -o uneven.gguf > /dev/null
for rep in $(seq 1 "$reps"); do
  for build in "$first" "$second"; do
    for model in uneven stories; do
      source=$([ $model = uneven ] && echo uneven.gguf || echo "${EVALKIT_SHARED:?set EVALKIT_SHARED}/models/stories260K.gguf")
      for n in 1 8; do
        rm -rf out
        dotnet "$build" run -s $model --in-process -m $model="$source" --parallel $n --no-cache -t 1 -o out > /dev/null
        python3 - "$build" $model $n <<'PY'
import datetime, glob, json, os, sys
manifest = glob.glob("out/*/run.json")[0]
run = json.load(open(manifest))
at = lambda s: datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
seconds = (at(run["completed_at"]) - at(run["created_at"])).total_seconds()
samples = [json.loads(line) for line in open(os.path.join(os.path.dirname(manifest), "samples.jsonl"))]
tokens = sorted(s.get("completion_tokens", 0) for s in samples)
print(f"{sys.argv[1]} {sys.argv[2]} --parallel {sys.argv[3]}: {len(samples)} cases in {seconds:.3f} s = {len(samples) / seconds:.2f} cases/s "
      f"(completion tokens min/median/max {tokens[0]}/{tokens[len(tokens) // 2]}/{tokens[-1]})")
PY
      done
    done
  done
done
