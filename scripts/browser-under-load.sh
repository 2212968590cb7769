#!/usr/bin/env bash
# Runs the browser suite RUNS times (default 3) while a CPU hog keeps every core busy, and prints one line per run:
# the proof that the browser tests wait on events, not on time (issue 15 item 10). Usage:
#   bash scripts/browser-under-load.sh [RUNS]
set -u
runs="${1:-3}"
cores="$(nproc)"
cd "$(dirname "$0")/.."
node scripts/build-client-if-needed.mjs
hogs=()
for _ in $(seq "$cores"); do
  node -e 'for (;;) {}' &
  hogs+=("$!")
done
trap 'kill "${hogs[@]}" 2>/dev/null' EXIT
echo "CPU hog: ${cores} busy processes on ${cores} cores"
failed=0
for run in $(seq "$runs"); do
  log="$(mktemp)"
  start=$(date +%s)
  if npx vitest run test/browser >"$log" 2>&1; then result=passed; else result=FAILED; failed=1; fi
  end=$(date +%s)
  sed -i 's/\x1b\[[0-9;]*m//g' "$log"
  summary="$(grep -E '^ +Tests +[0-9]' "$log" | tail -1 | tr -s ' ')"
  load="$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "run ${run}: ${result} in $((end - start)) s —${summary} — load ${load}"
  # The failing tests with their errors, to find what a test waited for.
  [ "$result" = FAILED ] && sed -n '/Failed Tests/,$p' "$log" | grep -v '^\s*$' | head -60
  rm -f "$log"
done
exit "$failed"
