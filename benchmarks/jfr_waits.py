#!/usr/bin/env python3
"""Where the benchmark threads of a JFR recording waited: jdk.JavaMonitorEnter/Wait, ThreadPark,
SocketRead/Write events of JMH worker threads, with count, total, mean and the top stack frames.

  python3 benchmarks/jfr_waits.py FILE.jfr ...   (needs `jfr` on PATH; record with thresholds of 0 ns)
"""
import json, subprocess, sys, collections
def dur(s):
    # JFR JSON durations are ISO-8601 like "PT0.000012345S"
    s = s[2:-1] if s.startswith("PT") else s
    return float(s)
for path in sys.argv[1:]:
    out = subprocess.run(["jfr", "print", "--json", "--events",
        "jdk.JavaMonitorEnter,jdk.ThreadPark,jdk.SocketRead,jdk.SocketWrite,jdk.JavaMonitorWait", path],
        capture_output=True, text=True).stdout
    events = json.loads(out)["recording"]["events"]
    by = collections.defaultdict(list); frames = collections.defaultdict(collections.Counter)
    for e in events:
        v = e["values"]; t = v.get("eventThread") or {}
        tn = t.get("javaName", "") if t else ""
        if "jmh-worker" not in tn and "Benchmark" not in tn:
            continue
        d = dur(v["duration"]); by[e["type"]].append(d)
        st = (v.get("stackTrace") or {}).get("frames") or []
        top = " < ".join(f'{f["method"]["type"]["name"].split(".")[-1]}.{f["method"]["name"]}' for f in st[:4])
        frames[e["type"]][top] += d
    print(f"== {path}")
    for k, ds in sorted(by.items()):
        print(f"  {k}: n={len(ds)} total={sum(ds)*1e3:.1f} ms mean={1e6*sum(ds)/len(ds):.1f} us")
        for top, tot in frames[k].most_common(3):
            print(f"     {tot*1e3:8.1f} ms  {top}")
