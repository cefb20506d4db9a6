#!/usr/bin/env bash
# A/B in one run: this checkout's gateway against the gateway of another commit (or the same one with
# other JVM options), each at 1,000 JSON
# requests/s to an upstream that answers after 1 s (so about a thousand upstream connections are busy
# at any time, as with real LLM answers that take seconds), right after a burst to the same upstream
# that leaves more idle ones behind (what the upstream connection pool is about:
# docs/ARCHITECTURE.md, "Upstream connections").
#
#   bench/ab-gateway.sh OLD_REF [--burst-rate R] [--rate R] [--seconds S] [--rounds N]
#                               [--mode json|sse] [--model bench/burst|bench/ttft0]
#                               [--old-java-opts OPTS] [--new-java-opts OPTS]
#
# --model bench/ttft0 measures at the 100 ms upstream instead (50 tokens at 500/s); --burst-rate 0
# leaves the burst out. --old-java-opts and --new-java-opts are added to each gateway's JVM (through
# OPENROUTER4J_JAVA_OPTS), so OLD_REF HEAD with two option sets compares JVM settings.
#
# Both gateways run side by side on 127.0.0.1 in front of the same simulators; the rounds alternate
# which goes first. Prints, per round and gateway: the gateway's CPU time per request (from
# /proc/PID/stat) and the p50/p99 latency of the measured step, then the median ratios old/new.
# Builds this checkout's CLI and bench modules, and OLD_REF's CLI in a temporary worktree.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
old_ref="${1:?usage: bench/ab-gateway.sh OLD_REF [--burst-rate R] [--rate R] [--seconds S] [--rounds N] [--mode M] [--model M] [--old-java-opts O] [--new-java-opts O]}"; shift
burst_rate=3000 rate=1000 seconds=10 rounds=3 mode=json model=bench/burst old_opts="" new_opts=""
while [ $# -gt 0 ]; do
  case "$1" in
    --burst-rate) burst_rate="$2"; shift ;;
    --rate) rate="$2"; shift ;;
    --seconds) seconds="$2"; shift ;;
    --rounds) rounds="$2"; shift ;;
    --mode) mode="$2"; shift ;;
    --model) model="$2"; shift ;;
    --old-java-opts) old_opts="$2"; shift ;;
    --new-java-opts) new_opts="$2"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

. bench/lib.sh
bench_setup ab-gateway
bench_cleanup_more() { git -C "$root" worktree remove --force "$work/old" 2>/dev/null || true; }

echo "building this checkout and $old_ref" >&2
bench_build
git worktree add -q --detach "$work/old" "$old_ref"
(cd "$work/old" && bin/mvn -q -B -ntp package -DskipTests -pl openrouter4j-cli -am && touch openrouter4j-cli/target/.built)

sim0_port=$(port); bin/openrouter4j simulate --port "$sim0_port" --ttft-ms 0 --tokens 50 --tps 500 > "$work/sim0.log" 2>&1 & pids+=($!)
slow_port=$(port); bin/openrouter4j simulate --port "$slow_port" --ttft-ms 1000 --tokens 50 --tps 0 > "$work/slow.log" 2>&1 & pids+=($!)
bench/harness wait-port --port "$sim0_port" --seconds 120 && bench/harness wait-port --port "$slow_port" --seconds 120

start_gateway() { # NAME DIR JAVA_OPTS -> sets NAME_port, NAME_pid
  local name="$1" dir="$2" opts="$3" p
  p=$(port)
  cat > "$work/$name.yaml" <<EOF
server: { host: 127.0.0.1, port: $p }
storage: { url: "jdbc:h2:file:$work/$name-data/gw" }
providers:
  - { id: sim0, kind: openai, base_url: "http://127.0.0.1:$sim0_port/v1", api_key: bench }
  - { id: slow, kind: openai, base_url: "http://127.0.0.1:$slow_port/v1", api_key: bench }
models:
  - id: bench/ttft0
    endpoints: [ { provider: sim0, upstream_model: simulated } ]
  - id: bench/burst
    endpoints: [ { provider: slow, upstream_model: simulated } ]
EOF
  OPENROUTER4J_JAVA_OPTS="$opts" "$dir/bin/openrouter4j" serve --config "$work/$name.yaml" > "$work/$name.log" 2>&1 &
  local pid=$!
  pids+=("$pid")
  eval "${name}_port=$p; ${name}_pid=$pid"
  bench/harness wait-port --port "$p" --seconds 180
}
start_gateway old "$work/old" "$old_opts"
start_gateway new "$root" "$new_opts"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
ticks_per_second=$(getconf CLK_TCK)
step() { # URL MODEL RATE SECONDS WARMUP [MODE] -> JSON
  bench/harness step --url "$1" --model "$2" --headers "Authorization: Bearer ab" --mode "${6:-json}" --rate "$3" --duration "$4" --warmup "$5"
}
measure() { # NAME -> "cpu_us_per_request p50_ms p99_ms errors"
  local name="$1" p pid before after out
  p=$(eval echo "\$${name}_port"); pid=$(eval echo "\$${name}_pid")
  step "http://127.0.0.1:$p/api/v1/chat/completions" bench/ttft0 500 5 0 > /dev/null # warm
  if [ "$burst_rate" != 0 ]; then
    step "http://127.0.0.1:$p/api/v1/chat/completions" bench/burst "$burst_rate" 2 0 > /dev/null
    sleep 2 # the burst's answers end; their connections are idle now
  fi
  before=$(cpu_ticks "$pid")
  out=$(step "http://127.0.0.1:$p/api/v1/chat/completions" "$model" "$rate" "$seconds" 0 "$mode")
  after=$(cpu_ticks "$pid")
  python3 - "$out" "$before" "$after" "$ticks_per_second" <<'PY'
import json, sys
r = json.loads(sys.argv[1]); before, after, hz = int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
n = max(1, r["sent"])
print(f'{(after - before) / hz * 1e6 / n:.0f} {r["total"]["p50"] / 1000:.2f} {r["total"]["p99"] / 1000:.2f} {r["errors"]}')
PY
  sleep 35 # the next gateway starts from the same state: idle connections swept or expired
}

echo "measured: $mode at $rate req/s to $model for $seconds s; burst: ${burst_rate} req/s to bench/burst"
echo "old: $old_ref ${old_opts:-(default JVM options)}; new: $(git rev-parse --short HEAD) ${new_opts:-(default JVM options)}"
echo "| round | gateway | CPU µs per request | p50 ms | p99 ms | errors |"
echo "|---|---|---|---|---|---|"
ratios=()
for i in $(seq 1 "$rounds"); do
  if [ $((i % 2)) = 1 ]; then order=(old new); else order=(new old); fi
  declare -A got=()
  for g in "${order[@]}"; do
    got[$g]="$(measure "$g")"
    read -r cpu p50 p99 errors <<< "${got[$g]}"
    echo "| $i | $g ($([ "$g" = old ] && echo "$old_ref" || git rev-parse --short HEAD)) | $cpu | $p50 | $p99 | $errors |"
  done
  read -r ocpu _ op99 _ <<< "${got[old]}"; read -r ncpu _ np99 _ <<< "${got[new]}"
  ratios+=("$(python3 -c "print(f'{$ocpu/$ncpu:.2f} {$op99/max($np99,0.001):.2f}')")")
  unset got
done
printf '%s\n' "${ratios[@]}" | python3 -c '
import sys, statistics
rows = [tuple(map(float, l.split())) for l in sys.stdin if l.strip()]
print(f"\nmedian ratio old/new over {len(rows)} rounds: CPU per request {statistics.median(r[0] for r in rows):.2f}x, p99 {statistics.median(r[1] for r in rows):.2f}x")'
