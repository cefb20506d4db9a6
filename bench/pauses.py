#!/usr/bin/env python3
"""Which slow requests a JVM's pauses explain: reads a bench/hop-floor.sh --trace DIR.

For each round and path (DIR/round-N-PATH.txt: intended epoch µs, latency µs, one request per line)
it prints the p99, how many requests were slower than the round's direct p99 + 1 ms ("slow"), how many
of those were in flight during a safepoint of that path's JVM (DIR/PATH-safepoints.log, written with
-Xlog:safepoint:...:utctime), and the p99 of the requests that met no pause. Then, per path, the
safepoints in its measured windows by cause: count, total and longest.

    bench/pauses.py DIR [--min-pause-ms 1]

A safepoint's log line is written as it ends, stamped to the millisecond; its window is taken as
[stamp - total - 1 ms, stamp + 1 ms], so a request counts as paused when it overlaps that.
"""
import bisect, collections, datetime, glob, os, re, sys

LINE = re.compile(r'^\[(\S+?)\] Safepoint "([^"]+)".*Total: (\d+) ns')


def safepoints(path, min_ns):
    out = []
    if not os.path.exists(path):
        return out
    for line in open(path):
        m = LINE.match(line)
        if not m:
            continue
        total = int(m.group(3))
        if total < min_ns:
            continue
        end = datetime.datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S.%f%z").timestamp() * 1e6
        out.append((end - total / 1000 - 1000, end + 1000, m.group(2), total))
    out.sort()
    return out


def p(values, q):
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, int(q * len(s)))]


def main():
    args = sys.argv[1:]
    if not args:
        print(__doc__)
        sys.exit(2)
    directory = args[0]
    min_ms = float(args[args.index("--min-pause-ms") + 1]) if "--min-pause-ms" in args else 1.0
    logs = {}
    rounds = collections.defaultdict(dict)
    for f in glob.glob(os.path.join(directory, "round-*.txt")):
        m = re.match(r"round-(\d+)-(.+)\.txt$", os.path.basename(f))
        rows = [tuple(map(int, l.split())) for l in open(f) if l.strip()]
        rounds[int(m.group(1))][m.group(2)] = [r for r in rows if r[1] >= 0]
    causes = collections.defaultdict(lambda: collections.defaultdict(list))
    print(f"| round | path | requests | p99 ms | slow (> direct p99 + 1 ms) | slow in a pause | p99 of requests in no pause (ms) |")
    print("|---|---|---|---|---|---|---|")
    for rnd in sorted(rounds):
        paths = rounds[rnd]
        direct = p([r[1] for r in paths.get("direct", [])], 0.99)
        threshold = direct + 1000
        for path, rows in paths.items():
            if path not in logs:
                logs[path] = safepoints(os.path.join(directory, f"{path}-safepoints.log"), min_ms * 1e6)
            pauses = logs[path]
            starts = [s for s, _, _, _ in pauses]
            lo = min((r[0] for r in rows), default=0)
            hi = max((r[0] + r[1] for r in rows), default=0)

            def paused(r):
                # any pause whose window overlaps [intended, intended + latency]
                i = bisect.bisect_right(starts, r[0] + r[1])
                while i > 0:
                    i -= 1
                    s, e, _, _ = pauses[i]
                    if e >= r[0]:
                        return True
                    if s < r[0] - 60e6:  # no pause is a minute long
                        return False
                return False

            met = [paused(r) for r in rows]
            slow = [m for r, m in zip(rows, met) if r[1] > threshold]
            slow_paused = sum(slow)
            unpaused = [r[1] for r, m in zip(rows, met) if not m]
            for s, e, cause, total in pauses:
                if lo <= e and s <= hi:
                    causes[path][cause].append(total / 1e6)
            pct = f"{slow_paused} ({100 * slow_paused / len(slow):.0f} %)" if slow and pauses else ("0" if pauses else "(no log)")
            print(f"| {rnd} | {path} | {len(rows)} | {p([r[1] for r in rows], 0.99) / 1000:.2f} | {len(slow)} | {pct} | {p(unpaused, 0.99) / 1000:.2f} |")
    print()
    for path, by in causes.items():
        print(f"{path}: safepoints of {min_ms:g} ms or more in the measured windows: " + "; ".join(
            f'{c} {len(v)}x, {sum(v):.0f} ms in all, longest {max(v):.1f} ms' for c, v in sorted(by.items(), key=lambda kv: -sum(kv[1]))))


if __name__ == "__main__":
    main()
