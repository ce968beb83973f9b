"""Compare the demo run on the CPU (W/r-cpu) with the one on CUDA (W/r-gpu): identical completions, what ran, timing."""
import glob
import json
import sys

work, label = sys.argv[1], sys.argv[2]


def samples(run):
    path = glob.glob(f'{work}/{run}/*/samples.jsonl')[0]
    return {(r['model'], r['suite'], r['case_id']): r for r in map(json.loads, open(path))}


cpu, gpu = samples('r-cpu'), samples('r-gpu')
same = sum(cpu[k]['completion'] == gpu.get(k, {}).get('completion') for k in cpu)
print(f'{label}: {len(cpu)} / {len(gpu)} samples, {same} identical completions')
print('cuda run details:', json.load(open(glob.glob(f'{work}/r-gpu/*/run.json')[0]))['models'][0]['details'])
for timing in json.load(open(glob.glob(f'{work}/r-gpu/*/metrics.json')[0])).get('timing', []):
    print('timing', timing.get('model'), 'ttft', timing.get('time_to_first_token_ms'))
