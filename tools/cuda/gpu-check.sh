#!/usr/bin/env bash
# One-shot GPU check on the lent H200 machine (see docs/cuda.md). Everything it measures lands in $OUT.
set -uo pipefail
start=$(date +%s); el() { echo $(( $(date +%s) - start )); }
log() { echo "[$(el)s] $*" | tee -a "$OUT/device.log"; }
save_bench() { for f in $W/res/bench-*/bench.json; do [ -f "$f" ] && cp "$f" "$OUT/$(basename $(dirname $f)).json"; done; }
left() { [ $(( 540 - $(el) )) -gt "$1" ]; }
G=$PWD/.gpu; W=/tmp/w; mkdir -p $W/m; DOTNET_DIR=${DOTNET_DIR:-/opt/dotnet}
export PATH=$PATH:/usr/local/cuda/bin
log "start on $(hostname), $(nproc) cpus"
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv > "$OUT/nvidia-smi.txt" 2>&1
nvcc --version 2>&1 | tail -2 | tee -a "$OUT/device.log"
(mkdir -p $DOTNET_DIR && tar -xJf $G/dotnet-rt.tar.xz -C $DOTNET_DIR) & DOTNET_X=$!
mkdir -p $W/lsrc && tar -xJf $G/lsrc.tar.xz -C $W/lsrc
log "configure llama.cpp (CUDA, sm_90)"
cmake -S $W/lsrc -B $W/lb -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=ON -DGGML_CUDA=ON \
  -DCMAKE_CUDA_ARCHITECTURES=90 -DGGML_CUDA_FA=OFF -DGGML_CUDA_NCCL=OFF -DGGML_NATIVE=ON \
  -DLLAMA_BUILD_COMMON=OFF -DLLAMA_BUILD_TOOLS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_TESTS=OFF \
  -DLLAMA_BUILD_SERVER=OFF -DLLAMA_BUILD_APP=OFF -DLLAMA_BUILD_UI=OFF -DLLAMA_CURL=OFF -DLLAMA_OPENSSL=OFF > $W/cmake.log 2>&1 \
  || { tail -30 $W/cmake.log | tee -a "$OUT/device.log"; }
if [ -n "${PREBUILT:-}" ]; then mkdir -p $W/lb && ln -sfn $PREBUILT $W/lb/bin; echo 0 > $W/build.rc; echo prebuilt > $W/build.log; sleep 1 & BUILD=$!
else (nice -n 5 cmake --build $W/lb -j16 > $W/build.log 2>&1; echo $? > $W/build.rc) & BUILD=$!; fi
tar -xJf $G/app.tar.xz -C $W
wait $DOTNET_X
export DOTNET_ROOT=$DOTNET_DIR PATH=$DOTNET_DIR:$PATH DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
export LD_LIBRARY_PATH=/usr/local/cuda/lib64:${LD_LIBRARY_PATH:-}
E="dotnet $W/app/evalkit.dll"
log "fixtures and synthetic models (CPU, while llama.cpp builds)"
$E fixtures build fixtures/teacher.fixture.yaml -o $W/m/teacher.gguf >> "$OUT/device.log" 2>&1
$E fixtures build fixtures/student.fixture.yaml -o $W/m/student.gguf >> "$OUT/device.log" 2>&1
$E fixtures synth --shape qwen2-0.5b --type q4_0 -o $W/m/q05.gguf >> "$OUT/device.log" 2>&1
log "--device cuda without a CUDA build: must fail clearly"
$E run --suite suites/demo/accuracy.yaml --model $W/m/teacher.gguf --device cuda --in-process --out $W/r-nocuda > $W/nocuda.txt 2>&1
echo "exit=$?" >> $W/nocuda.txt; cat $W/nocuda.txt >> "$OUT/device.log"
log "demo on the bundled CPU library (reference)"
$E run --suite suites/demo --model teacher=$W/m/teacher.gguf --model student=$W/m/student.gguf --threads 4 --no-cache --in-process --out $W/r-cpu > $W/run-cpu.txt 2>&1
log "waiting for the CUDA build"
while kill -0 $BUILD 2>/dev/null; do
  if ! left 150; then log "build too slow, giving up"; kill $BUILD; break; fi
  sleep 5
done
log "build rc=$(cat $W/build.rc 2>/dev/null); $(tail -1 $W/build.log)"
tail -40 $W/build.log > "$OUT/build-tail.log"
N=$W/lb/bin; ls $N >> "$OUT/device.log" 2>&1
log "demo on CUDA"
$E run --suite suites/demo --model teacher=$W/m/teacher.gguf --model student=$W/m/student.gguf --device ${DEV:-cuda} --native-lib $N --no-cache --in-process --out $W/r-gpu > $W/run-gpu.txt 2>&1
echo "exit=$?" >> $W/run-gpu.txt; tail -25 $W/run-gpu.txt >> "$OUT/device.log"
python3 tools/cuda/compare-runs.py $W "CPU vs CUDA demo" >> "$OUT/device.log" 2>&1
log "bench q0.5b on CUDA"
$E bench $W/m/q05.gguf --device ${DEV:-cuda} --native-lib $N --out $W/res > $W/bench-gpu.txt 2>&1; echo "exit=$?" >> $W/bench-gpu.txt
tail -40 $W/bench-gpu.txt >> "$OUT/device.log"; save_bench
if left 150; then
  log "synthetic qwen2-1.5b q4_0 and bench on CUDA"
  $E fixtures synth --shape qwen2-1.5b --type q4_0 -o $W/m/q15.gguf >> "$OUT/device.log" 2>&1
  $E bench $W/m/q15.gguf --device ${DEV:-cuda} --native-lib $N -r 3 --out $W/res > $W/bench-gpu15.txt 2>&1; echo "exit=$?" >> $W/bench-gpu15.txt
  tail -30 $W/bench-gpu15.txt >> "$OUT/device.log"; save_bench
fi
if left 90; then
  log "bench q0.5b on the device's CPU (bundled library, 8 threads)"
  $E bench $W/m/q05.gguf -t 8 -r 3 --out $W/res > $W/bench-cpu.txt 2>&1; echo "exit=$?" >> $W/bench-cpu.txt
  tail -30 $W/bench-cpu.txt >> "$OUT/device.log"; save_bench
fi
tar -czf "$OUT/results.tar.gz" -C $W res r-gpu r-cpu nocuda.txt run-gpu.txt run-cpu.txt bench-gpu*.txt bench-cpu.txt cmake.log 2>/dev/null
log "done"
