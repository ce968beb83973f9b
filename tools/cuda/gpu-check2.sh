#!/usr/bin/env bash
# Second GPU check: TTFT read after sampling, batched (--parallel 8) demo on CUDA, a 7B-shape model on the H200.
set -uo pipefail
start=$(date +%s); el() { echo $(( $(date +%s) - start )); }
log() { echo "[$(el)s] $*" | tee -a "$OUT/device.log"; }
left() { [ $(( 400 - $(el) )) -gt "$1" ]; }
save_bench() { for f in $W/res/bench-*/bench.json; do [ -f "$f" ] && cp "$f" "$OUT/$(basename $(dirname $f)).json"; done; }
G=$PWD/.gpu; W=/tmp/w; mkdir -p $W/m; DOTNET_DIR=/opt/dotnet
export PATH=$PATH:/usr/local/cuda/bin
(mkdir -p $DOTNET_DIR && tar -xJf $G/dotnet-rt.tar.xz -C $DOTNET_DIR) & DOTNET_X=$!
mkdir -p $W/lsrc && tar -xJf $G/lsrc.tar.xz -C $W/lsrc
cmake -S $W/lsrc -B $W/lb -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=ON -DGGML_CUDA=ON \
  -DCMAKE_CUDA_ARCHITECTURES=90 -DGGML_CUDA_FA=OFF -DGGML_CUDA_NCCL=OFF -DGGML_NATIVE=ON \
  -DLLAMA_BUILD_COMMON=OFF -DLLAMA_BUILD_TOOLS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_TESTS=OFF \
  -DLLAMA_BUILD_SERVER=OFF -DLLAMA_BUILD_APP=OFF -DLLAMA_BUILD_UI=OFF -DLLAMA_CURL=OFF -DLLAMA_OPENSSL=OFF > $W/cmake.log 2>&1
(cmake --build $W/lb -j16 > $W/build.log 2>&1; echo $? > $W/build.rc) & BUILD=$!
tar -xJf $G/app.tar.xz -C $W
wait $DOTNET_X
export DOTNET_ROOT=$DOTNET_DIR PATH=$DOTNET_DIR:$PATH DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
E="dotnet $W/app/evalkit.dll"
log "fixtures and synthetic models (CPU, while llama.cpp builds)"
$E fixtures build fixtures/teacher.fixture.yaml -o $W/m/teacher.gguf >> "$OUT/device.log" 2>&1
$E fixtures build fixtures/student.fixture.yaml -o $W/m/student.gguf >> "$OUT/device.log" 2>&1
$E fixtures synth --shape qwen2-0.5b --type q4_0 -o $W/m/q05.gguf >> "$OUT/device.log" 2>&1
$E fixtures synth --shape llama-7b --type q4_0 -o $W/m/l7.gguf >> "$OUT/device.log" 2>&1
log "demo on the CPU, sequential (reference)"
$E run --suite suites/demo --model teacher=$W/m/teacher.gguf --model student=$W/m/student.gguf --threads 4 --no-cache --in-process --out $W/r-cpu > $W/run-cpu.txt 2>&1
while kill -0 $BUILD 2>/dev/null; do
  if ! left 150; then log "build too slow, giving up"; kill $BUILD; break; fi
  sleep 3
done
log "build rc=$(cat $W/build.rc 2>/dev/null); $(tail -1 $W/build.log)"
N=$W/lb/bin
log "demo on CUDA with --parallel 8"
$E run --suite suites/demo --model teacher=$W/m/teacher.gguf --model student=$W/m/student.gguf --device cuda --native-lib $N --parallel 8 --no-cache --in-process --out $W/r-gpu > $W/run-gpu.txt 2>&1
echo "exit=$?" >> $W/run-gpu.txt; tail -4 $W/run-gpu.txt >> "$OUT/device.log"
python3 tools/cuda/compare-runs.py $W "CPU sequential vs CUDA --parallel 8 demo" >> "$OUT/device.log" 2>&1
log "bench q0.5b on CUDA"
$E bench $W/m/q05.gguf --device cuda --native-lib $N --eval-parallel 2,4,8,16 --out $W/res > $W/bench-q05.txt 2>&1; echo "exit=$?" >> $W/bench-q05.txt
grep -E "^│ q05|exit=" $W/bench-q05.txt >> "$OUT/device.log"; save_bench
if left 60; then
  log "bench llama-7b q4_0 on CUDA"
  $E bench $W/m/l7.gguf --device cuda --native-lib $N -r 3 --out $W/res > $W/bench-l7.txt 2>&1; echo "exit=$?" >> $W/bench-l7.txt
  grep -E "^│ l7|exit=" $W/bench-l7.txt >> "$OUT/device.log"; save_bench
fi
tar -czf "$OUT/results2.tar.gz" -C $W res r-gpu run-gpu.txt run-cpu.txt bench-q05.txt bench-l7.txt 2>/dev/null
log "done"
