#!/usr/bin/env bash
# Runs every benchmark and rewrites docs/BENCHMARKS.md.
#
#   bench/run.sh [--quick] [--note TEXT]
#
# Builds what it needs, starts two simulated upstreams (0 ms and 200 ms to first token, 50 tokens at
# 500 tokens/s), this gateway in front of them, and Portkey's open-source gateway (npm, on Node.js)
# in front of the same upstreams, all on 127.0.0.1; runs the gateway load steps, the SDK end-to-end
# comparison, JMH, and the footprint resolution; then writes the report. Everything it starts it
# stops on exit. --quick: short steps and few iterations, to check the harness (a few minutes);
# without it the full run takes most of an hour. --note adds a caveat to the report's header.
# Raw results stay in bench/.cache/results/ (git-ignored).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

mode=full
note=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) mode=quick ;;
    --note) note="${2:?--note needs a text}"; shift ;;
    -h|--help) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/run.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
  shift
done
quick_flag=()
[ "$mode" = quick ] && quick_flag=(--quick)

started=$(date +%s)
cache="$root/bench/.cache"
results="$cache/results/$(date -u +%Y%m%d-%H%M%S)-$mode"
mkdir -p "$results/commands" "$results/logs"
ln -sfn "$results" "$cache/results/last"
facts="$results/machine.properties"
notes=()

log() { printf '[bench %4ds] %s\n' "$(( $(date +%s) - started ))" "$*"; }
fact() { printf '%s=%s\n' "$1" "$(printf '%s' "$2" | tr '\n' ' ' | sed 's/\\/\\\\/g')" >> "$facts"; }
# record NAME CMD...: writes the command (relative to the repository) for the report, then runs it
record() {
  local name="$1" arg text=""; shift
  for arg in "$@"; do
    if [[ "$arg" =~ ^[A-Za-z0-9_./:=,@%+-]+$ ]]; then text+="$arg "; else text+="$(printf '%q' "$arg") "; fi
  done
  printf '%s\n' "${text% }" | sed "s#$root/##g" > "$results/commands/$name.txt"
  "$@"
}

# ---------------------------------------------------------------- processes we start, and stop
pids=()
stop_all() {
  local pid
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for _ in $(seq 1 50); do
    local alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.2
  done
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  pids=()
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# waits until FILE has a line matching REGEX (sed -n 's/REGEX/\1/p'), printing the capture
wait_for_line() {
  local file="$1" regex="$2" seconds="$3" pid="$4" value=""
  for _ in $(seq 1 $((seconds * 5))); do
    value="$(sed -n "s#$regex#\1#p" "$file" 2>/dev/null | head -n 1)"
    [ -n "$value" ] && { printf '%s\n' "$value"; return 0; }
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.2
  done
  echo "bench/run.sh: gave up waiting for '$regex' in $file:" >&2
  tail -n 20 "$file" >&2 || true
  return 1
}

# ---------------------------------------------------------------- machine facts
JAVA_HOME="$("$root/bin/find-jdk")"
export JAVA_HOME
fact mode "$mode"
fact date "$(date -u '+%Y-%m-%d %H:%M UTC')"
fact nproc "$(nproc)"
fact cpu_model "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
fact memory "$(free -h | awk '/^Mem:/ {print $2 " total, " $7 " available"}')"
fact loadavg "$(cut -d' ' -f1-3 /proc/loadavg)"
fact kernel "$(uname -sr)"
fact java_version "$("$JAVA_HOME/bin/java" -version 2>&1 | sed -n '1p;3p' | paste -sd ';' -)"
fact node_version "$(command -v node >/dev/null && node --version || echo 'not installed')"
fact commit "$(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
fact note "$note"
openai_version="$(sed -n 's:.*<openai-java.version>\(.*\)</openai-java.version>.*:\1:p' openrouter4j-bench/pom.xml | head -n 1)"
fact openai_java_version "$openai_version"
fixtures="${OPENROUTER4J_FIXTURES:-$("$root/bin/find-shared" 2>/dev/null || echo "$root/../shared")/fixtures}"
export OPENROUTER4J_FIXTURES="$fixtures"
fact fixture_stream_bytes "$(wc -c < "$fixtures/openai/chat-stream-text-usage.sse")"

# Open files: 10,000 streams need about 11,000 in the gateway and 10,000 here; raise the soft limit
# to the hard one (children inherit it).
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
fact ulimit_n "$(ulimit -n) (hard $(ulimit -Hn))"
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt 21000 ]; then
  notes+=("Open files limited to $(ulimit -n): 10,000 streams through Portkey (two sockets each) need ulimit -n >= 20,200, so that figure is skipped when the limit is lower.")
fi

# ---------------------------------------------------------------- build
log "building (bin/mvn package -pl openrouter4j-bench,openrouter4j-cli -am)"
record build "$root/bin/mvn" -q -B -ntp package -DskipTests -pl openrouter4j-bench,openrouter4j-cli -am > "$results/logs/build.log" 2>&1 \
  || { cat "$results/logs/build.log" >&2; exit 1; }
touch "$root/openrouter4j-cli/target/.built" # what bin/openrouter4j does after building: it is current now

# ---------------------------------------------------------------- footprint (Maven, in the background while the servers start)
footprint() {
  record footprint-openrouter4j "$root/bin/mvn" -q -B -ntp package dependency:build-classpath -DskipTests -pl openrouter4j -am \
    -DincludeScope=runtime -Dmdep.outputFile="$results/footprint-openrouter4j.cp" > "$results/logs/footprint.log" 2>&1 \
    && { tr -d '\n' < "$results/footprint-openrouter4j.cp"; printf ':%s\n' "$(ls "$root"/openrouter4j/target/openrouter4j-*.jar | grep -v sources | head -n 1)"; } \
       > "$results/footprint-openrouter4j.txt" \
    || echo "The SDK's footprint could not be resolved; see logs/footprint.log." >> "$results/footprint-failures.txt"
  record footprint-openai-java "$root/mvnw" -q -B -ntp -f "$root/bench/footprint/openai-java.xml" dependency:build-classpath \
    -Dopenai-java.version="$openai_version" -DincludeScope=runtime -Dmdep.outputFile="$results/footprint-openai-java.txt" \
    >> "$results/logs/footprint.log" 2>&1 \
    || echo "openai-java's footprint could not be resolved; see logs/footprint.log." >> "$results/footprint-failures.txt"
}
log "footprint (in the background)"
footprint &
footprint_pid=$!
pids+=("$footprint_pid")

# ---------------------------------------------------------------- Portkey (npm), optional
portkey_version=1.15.2
portkey_dir="$cache/portkey"
portkey_ok=0
fact portkey_version "$portkey_version"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  fact portkey_status "unavailable: node and npm are not installed"
else
  mkdir -p "$portkey_dir"
  # @hono/node-server 2.1.8: with the version 1.15.2 pins, every streaming request fails (Portkey issues #1389, #1550)
  cat > "$portkey_dir/package.json" <<EOF
{
  "private": true,
  "dependencies": { "@portkey-ai/gateway": "$portkey_version" },
  "overrides": { "@hono/node-server": "2.1.8" }
}
EOF
  installed="$(node -p "try{require('$portkey_dir/node_modules/@portkey-ai/gateway/package.json').version+'/'+require('$portkey_dir/node_modules/@hono/node-server/package.json').version}catch(e){''}" 2>/dev/null || true)"
  if [ "$installed" = "$portkey_version/2.1.8" ]; then
    portkey_ok=1
  else
    log "installing Portkey $portkey_version with npm"
    if (cd "$portkey_dir" && timeout 600 npm install --no-audit --no-fund --fetch-retries=1 --loglevel=error) > "$results/logs/npm.log" 2>&1; then
      portkey_ok=1
    else
      why="$(grep -m1 -E '^npm (ERR!|error) (code|network|notarget|404)' "$results/logs/npm.log" | sed -E 's/^npm (ERR!|error) //')"
      fact portkey_status "unavailable: npm install failed (${why:-see logs/npm.log}); the comparison with Portkey is not measured"
    fi
  fi
  printf 'cd bench/.cache/portkey && npm install   # package.json: @portkey-ai/gateway %s, overrides @hono/node-server 2.1.8\n' "$portkey_version" \
    > "$results/commands/portkey-install.txt"
fi

# ---------------------------------------------------------------- servers
log "starting the simulators, the gateway and Portkey on 127.0.0.1"
start_simulator() { # NAME TTFT_MS TOKENS_PER_SECOND -> prints its base URL
  local name="$1" ttft="$2" tps="$3" out="$results/logs/simulator-$1.log"
  printf 'bin/openrouter4j simulate --port 0 --ttft-ms %s --tokens 50 --tps %s\n' "$ttft" "$tps" > "$results/commands/simulator-$name.txt"
  "$root/bin/openrouter4j" simulate --port 0 --ttft-ms "$ttft" --tokens 50 --tps "$tps" > "$out" 2>&1 &
  local pid=$!
  pids+=("$pid")
  eval "sim_${name}_pid=$pid"
  wait_for_line "$out" '.*listening on \(http://127\.0\.0\.1:[0-9]*/v1\).*' 180 "$pid"
}
start_simulator ttft0 0 500 > "$results/sim0.url"
start_simulator ttft200 200 500 > "$results/sim200.url"
start_simulator hold 0 0.2 > "$results/simhold.url" # a token every 5 s: streams that stay open, for memory
sim0="$(cat "$results/sim0.url")"
sim200="$(cat "$results/sim200.url")"
simhold="$(cat "$results/simhold.url")"
for url in "$sim0" "$sim200" "$simhold"; do
  # an empty base_url would make the gateway's openai provider default to the public API: never
  [[ "$url" =~ ^http://127\.0\.0\.1:[0-9]+/v1$ ]] || { echo "bench/run.sh: unexpected simulator URL '$url'" >&2; exit 1; }
done

config="$results/gateway.yaml"
cat > "$config" <<EOF
# bench/run.sh: the gateway in front of the two simulators, as OpenAI-compatible upstreams
server: { host: 127.0.0.1, port: 0 }
providers:
  - { id: sim0, kind: openai, base_url: "$sim0", api_key: bench }
  - { id: sim200, kind: openai, base_url: "$sim200", api_key: bench }
  - { id: simhold, kind: openai, base_url: "$simhold", api_key: bench }
  # in-process, for holding 10,000 streams where ulimit -n allows no second socket per stream
  - { id: local, kind: simulated, options: { ttft_ms: 0, tokens_per_second: 0.2, output_tokens: 50 } }
models:
  - id: bench/ttft0
    endpoints: [ { provider: sim0, upstream_model: simulated } ]
  - id: bench/ttft200
    endpoints: [ { provider: sim200, upstream_model: simulated } ]
  - id: bench/hold
    endpoints: [ { provider: simhold, upstream_model: simulated } ]
  - id: bench/hold-local
    endpoints: [ { provider: local, upstream_model: simulated } ]
EOF
cp "$config" "$results/commands/gateway-config.txt"
printf 'bin/openrouter4j serve --config gateway.yaml\n' > "$results/commands/gateway.txt"
"$root/bin/openrouter4j" serve --config "$config" > "$results/logs/gateway.log" 2>&1 &
gateway_pid=$!
pids+=("$gateway_pid")
gateway="$(wait_for_line "$results/logs/gateway.log" '.*gateway listening on \(http://127\.0\.0\.1:[0-9]*/api/v1\).*' 120 "$gateway_pid")"

portkey_args=()
if [ "$portkey_ok" = 1 ]; then
  port="$("$root/bench/harness" free-port)"
  printf 'node -r bench/portkey-loopback.cjs bench/.cache/portkey/node_modules/@portkey-ai/gateway/build/start-server.js --port=%s --headless\n' "$port" \
    > "$results/commands/portkey.txt"
  node -r "$root/bench/portkey-loopback.cjs" "$portkey_dir/node_modules/@portkey-ai/gateway/build/start-server.js" --port="$port" --headless \
    > "$results/logs/portkey.log" 2>&1 &
  portkey_pid=$!
  pids+=("$portkey_pid")
  if "$root/bench/harness" wait-port --port "$port" --seconds 60; then
    listening="$(ss -Hltn "sport = :$port" | awk '{print $4}' | sort -u | paste -sd ' ' -)"
    if [ "$listening" = "127.0.0.1:$port" ]; then
      fact portkey_status "installed from npm with @hono/node-server overridden to 2.1.8; listening on $listening only"
      portkey_args=(--portkey "http://127.0.0.1:$port" --portkey-pid "$portkey_pid")
    else
      fact portkey_status "left out: it listened on '$listening', not on 127.0.0.1 only"
      kill -TERM "$portkey_pid" 2>/dev/null || true
    fi
  else
    fact portkey_status "unavailable: it did not start ($(tail -n 1 "$results/logs/portkey.log"))"
  fi
fi
log "simulators $sim0 $sim200, gateway $gateway, Portkey ${portkey_args[1]:-not running}"

# ---------------------------------------------------------------- gateway benchmarks
wait "$footprint_pid" || true # nothing else may use the CPU while we measure
if [ -f "$results/footprint-failures.txt" ]; then
  while IFS= read -r line; do notes+=("$line"); done < "$results/footprint-failures.txt"
fi
log "gateway suite"
record gateway-suite "$root/bench/harness" gateway-suite "${quick_flag[@]}" \
  --sim0 "$sim0" --sim0-pid "$sim_ttft0_pid" --sim200 "$sim200" --sim200-pid "$sim_ttft200_pid" --sim-hold "$simhold" --sim-hold-pid "$sim_hold_pid" --hold-local-model bench/hold-local \
  --gateway "$gateway" --gateway-pid "$gateway_pid" "${portkey_args[@]}" \
  --out "$results/gateway.json" 2>&1 | tee "$results/logs/gateway-suite.log" \
  || notes+=("The gateway suite failed; see bench/.cache/results/last/logs/gateway-suite.log.")

# ---------------------------------------------------------------- SDK end to end
log "SDK end to end"
# full mode: three rounds per pair, alternating which client goes first, so a ratio shows whether it holds
sdk_rounds=(--rounds 3 --warmup 3 --duration 8)
[ "$mode" = quick ] && sdk_rounds=()
record sdk-suite "$root/bench/harness" sdk-suite "${quick_flag[@]}" "${sdk_rounds[@]}" --url "$sim0" --out "$results/sdk.json" 2>&1 \
  | tee "$results/logs/sdk-suite.log" || notes+=("The SDK end-to-end suite failed; see its log.")

stop_all # JMH and Maven run on a machine without our servers

# ---------------------------------------------------------------- JMH
if [ "$mode" = quick ]; then
  # one JVM for all (no fork per benchmark) and short iterations: a check that every benchmark runs
  jmh_opts=(-f 0 -wi 2 -w 1s -i 1 -r 1s)
else
  jmh_opts=(-f 2 -wi 3 -w 2s -i 5 -r 2s)
fi
log "JMH ${jmh_opts[*]}"
# every benchmark class in the package: GatewayStagesBenchmark (the gateway's stages), ChatRelayBenchmark (the relay
# fast path against the canonical path, per upstream chunk), SseDecodeBenchmark and SdkCallBenchmark (the SDK)
record jmh "$root/bench/harness" jmh "${jmh_opts[@]}" -prof gc -rf json -rff "$results/jmh.json" \
  'dev.openrouter4j.bench.jmh.*' > "$results/logs/jmh.log" 2>&1 \
  || { tail -n 30 "$results/logs/jmh.log" >&2; notes+=("JMH failed; see its log."); }

# ---------------------------------------------------------------- report
fact loadavg_after "$(cut -d' ' -f1-3 /proc/loadavg)"
fact elapsed_seconds "$(( $(date +%s) - started ))"
fact notes "$(IFS='|'; echo "${notes[*]:-}")"
log "writing docs/BENCHMARKS.md"
"$root/bench/harness" report --results "$results" --out "$root/docs/BENCHMARKS.md"
log "done in $(( $(date +%s) - started )) s; raw results in ${results#"$root"/}"
