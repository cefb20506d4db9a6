#!/usr/bin/env bash
# What one HTTP hop costs on this machine, in one run: the same open-loop step straight to the
# simulated upstream (direct), through nginx (when it is installed: the floor of a hop in C),
# through the minimal Vert.x relay (bench/harness relay: a JVM hop that does nothing but relay), through
# this gateway, and straight to the upstream again (the method's noise). Separates what a hop costs
# here from what the gateway's own work adds (docs/BENCHMARKS.md, "Investigations").
#
#   bench/hop-floor.sh [--rate R] [--seconds S] [--warm S] [--rounds N] [--mode json|sse]
#                      [--ttft-ms MS] [--gateway-java-opts OPTS] [--relay-java-opts OPTS]
#                      [--storage-url JDBC_URL]   (default: an H2 file database in the run's directory)
#                      [--trace DIR]
#
# --trace DIR keeps, for each round and path, every measured request's intended time and latency
# (DIR/round-N-PATH.txt), and the safepoint logs of the gateway and the relay (DIR/PATH-safepoints.log);
# bench/pauses.py DIR then says how many of each path's slow requests overlapped a pause of its JVM.
#
# Prints one row per round and path (p50/p90/p99/p99.9 of the total latency, the p99 added over
# that round's direct path, the process's CPU time per request), then each path's median added p99.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
rate=1000 seconds=20 warm=60 rounds=3 mode=json ttft=0 gw_opts="" relay_opts="" storage="" trace=""
while [ $# -gt 0 ]; do
  case "$1" in
    --rate) rate="$2"; shift ;;
    --seconds) seconds="$2"; shift ;;
    --warm) warm="$2"; shift ;;
    --rounds) rounds="$2"; shift ;;
    --mode) mode="$2"; shift ;;
    --ttft-ms) ttft="$2"; shift ;;
    --gateway-java-opts) gw_opts="$2"; shift ;;
    --relay-java-opts) relay_opts="$2"; shift ;;
    --storage-url) storage="$2"; shift ;;
    --trace) trace="$2"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

. bench/lib.sh
bench_setup hop-floor

if [ -n "$trace" ]; then
  mkdir -p "$trace"; trace="$(cd "$trace" && pwd)"
  # utctime: the wall clock that LatencyTrace writes, so pauses and requests line up
  gw_opts="$gw_opts -Xlog:safepoint:file=$trace/gateway-safepoints.log:utctime"
  relay_opts="$relay_opts -Xlog:safepoint:file=$trace/relay-safepoints.log:utctime"
fi

echo "building the CLI and the bench harness" >&2
bench_build

sim_port=$(port)
bin/openrouter4j simulate --port "$sim_port" --ttft-ms "$ttft" --tokens 50 --tps 500 > "$work/sim.log" 2>&1 & pids+=($!)
bench/harness wait-port --port "$sim_port" --seconds 120

gw_port=$(port)
cat > "$work/gateway.yaml" <<YAML
server: { host: 127.0.0.1, port: $gw_port }
storage: { url: "${storage:-jdbc:h2:file:$work/gateway-data/gw}" }
providers:
  - { id: sim, kind: openai, base_url: "http://127.0.0.1:$sim_port/v1", api_key: bench }
models:
  - id: bench/floor
    endpoints: [ { provider: sim, upstream_model: simulated } ]
YAML
OPENROUTER4J_JAVA_OPTS="$gw_opts" bin/openrouter4j serve --config "$work/gateway.yaml" > "$work/gateway.log" 2>&1 &
gw_pid=$!; pids+=("$gw_pid")
bench/harness wait-port --port "$gw_port" --seconds 180

relay_port=$(port)
BENCH_JAVA_OPTS="--enable-native-access=ALL-UNNAMED $relay_opts" bench/harness relay --port "$relay_port" --upstream-port "$sim_port" > "$work/relay.log" 2>&1 &
relay_pid=$!; pids+=("$relay_pid")
bench/harness wait-port --port "$relay_port" --seconds 60

paths=(direct)
declare -A url model pid
url[direct]="http://127.0.0.1:$sim_port/v1/chat/completions"; model[direct]=simulated
if command -v nginx > /dev/null; then
  nginx_port=$(port)
  cat > "$work/nginx.conf" <<NGINX
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 16384; }
http {
  access_log off;
  upstream sim { server 127.0.0.1:$sim_port; keepalive 1024; }
  server {
    listen 127.0.0.1:$nginx_port;
    location / { proxy_pass http://sim; proxy_http_version 1.1; proxy_set_header Connection ""; proxy_buffering off; }
  }
}
NGINX
  nginx -c "$work/nginx.conf" -g 'daemon off;' > "$work/nginx.log" 2>&1 &
  pid[nginx]=$!; pids+=("${pid[nginx]}")
  bench/harness wait-port --port "$nginx_port" --seconds 30
  url[nginx]="http://127.0.0.1:$nginx_port/v1/chat/completions"; model[nginx]=simulated
  paths+=(nginx)
else
  echo "nginx is not installed: its row is left out (apt-get install nginx-light adds it)" >&2
fi
url[relay]="http://127.0.0.1:$relay_port/v1/chat/completions"; model[relay]=simulated; pid[relay]=$relay_pid
url[gateway]="http://127.0.0.1:$gw_port/api/v1/chat/completions"; model[gateway]=bench/floor; pid[gateway]=$gw_pid
url[direct-again]="${url[direct]}"; model[direct-again]=simulated
paths+=(relay gateway direct-again)

step() { # PATH RATE SECONDS WARMUP [TRACE_FILE] -> JSON
  bench/harness step --url "${url[$1]}" --model "${model[$1]}" --headers "Authorization: Bearer floor" --mode "$mode" --rate "$2" --duration "$3" --warmup "$4" ${5:+--trace "$5"}
}
cpu_ticks() { # PID: the process and its children (nginx's workers)
  local total=0 p
  for p in "$1" $(pgrep -P "$1" || true); do total=$((total + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done
  echo "$total"
}

echo "warming every path: $warm s at $rate req/s each" >&2
for p in nginx relay gateway; do
  [ -n "${url[$p]:-}" ] && step "$p" "$rate" "$warm" 0 > /dev/null
done

echo "measured: $mode at $rate req/s, $seconds s per step after 5 s of warm-up, $rounds rounds; upstream: simulate --ttft-ms $ttft --tokens 50 --tps 500"
echo "gateway storage: ${storage:-H2 file}; gateway JVM options: ${gw_opts:-(defaults)}; relay JVM options: ${relay_opts:-(defaults)}; commit $(git rev-parse --short HEAD)"
echo
echo "| round | path | p50 ms | p90 ms | p99 ms | p99.9 ms | p99 added over direct (ms) | CPU µs per request | errors |"
echo "|---|---|---|---|---|---|---|---|---|"
hz=$(getconf CLK_TCK)
added="$work/added.txt"
for round in $(seq 1 "$rounds"); do
  direct_p99=""
  for p in "${paths[@]}"; do
    before=""; [ -n "${pid[$p]:-}" ] && before=$(cpu_ticks "${pid[$p]}")
    out=$(step "$p" "$rate" "$seconds" 5 ${trace:+"$trace/round-$round-$p.txt"})
    after=""; [ -n "${pid[$p]:-}" ] && after=$(cpu_ticks "${pid[$p]}")
    row=$(python3 - "$out" "$p" "$round" "${direct_p99:-}" "$before" "$after" "$hz" <<'PY'
import json, sys
r = json.loads(sys.argv[1]); path, rnd, direct = sys.argv[2], sys.argv[3], sys.argv[4]
t = r["total"]; p99 = t["p99"] / 1000
add = "" if path == "direct" else f'{p99 - float(direct):+.2f}'
cpu = ""
if sys.argv[5] and sys.argv[6]:
    cpu = f'{(int(sys.argv[6]) - int(sys.argv[5])) / int(sys.argv[7]) * 1e6 / max(1, r["sent"]):.0f}'
print(f'| {rnd} | {path} | {t["p50"]/1000:.2f} | {t["p90"]/1000:.2f} | {p99:.2f} | {t["p999"]/1000:.2f} | {add} | {cpu} | {r["errors"]} |\t{p99:.3f}')
PY
)
    echo "${row%%$'\t'*}"
    [ "$p" = direct ] && direct_p99="${row##*$'\t'}"
    [ "$p" != direct ] && echo "$p ${row##*$'\t'} $direct_p99" >> "$added"
  done
done
echo
python3 - "$added" <<'PY'
import sys, statistics, collections
by = collections.defaultdict(list)
for line in open(sys.argv[1]):
    path, p99, direct = line.split()
    by[path].append(float(p99) - float(direct))
print("median p99 added over direct, by path: " + ", ".join(f"{p} {statistics.median(v):+.2f} ms" for p, v in by.items()))
PY
