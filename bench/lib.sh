# Sourced by the bench scripts that start their own processes (ab-gateway.sh, hop-floor.sh), from
# the checkout's root. bench_setup PREFIX gives them a work directory and a pids array; at exit the
# processes in pids are killed, bench_cleanup_more runs if the script defines it, and the directory
# goes. The open-file limit is raised to the hard limit: a rate step holds thousands of sockets.

bench_setup() { # PREFIX -> sets work, pids
  work="$(mktemp -d "/tmp/$1.XXXXXX")"
  pids=()
  trap bench_cleanup EXIT
  ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
}

bench_cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if declare -F bench_cleanup_more > /dev/null; then bench_cleanup_more; fi
  rm -rf "$work"
}

# This checkout's CLI and harness; the stamp tells bin/openrouter4j they are current.
bench_build() {
  bin/mvn -q -B -ntp package -DskipTests -pl openrouter4j-bench,openrouter4j-cli -am
  touch openrouter4j-cli/target/.built
}

port() { bench/harness free-port; }
