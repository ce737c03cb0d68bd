#!/usr/bin/env python3
"""Turns the JMH JSON of benchmarks/run.sh into docs/BENCHMARKS.md and an SVG chart of the ratios.

Only the standard library: reads <results>/threads*.json, pinned1-redis.json, stampede.json,
stampede-runs.txt, the Micrometer subjects' metrics-*.json and the near cache harnesses'
near-invalidation.json and near-zipf.json; every ratio is computed from results of the same run.
"""
import argparse
import glob
import json
import math
import os
import statistics
from html import escape

PKG = "io.cachegen.benchmarks."


def load(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        text = f.read().strip()
    return json.loads(text) if text else []


def load_all(results_dir):
    """Every throughput result of a run (threads1-*.json, threads2-*.json)."""
    out = []
    for path in sorted(glob.glob(os.path.join(results_dir, "threads*.json"))):
        out += load(path)
    return out


# Student's t for a two-sided 99.9% interval (JMH's error), by degrees of freedom.
T999 = [(1, 636.6), (2, 31.6), (3, 12.92), (4, 8.61), (5, 6.87), (6, 5.96), (7, 5.41), (8, 5.04),
        (9, 4.78), (10, 4.59), (12, 4.32), (15, 4.07), (20, 3.85), (30, 3.65), (60, 3.46)]


def t999(df):
    for d, t in reversed(T999):
        if df >= d:
            return t if df < 120 or d < 60 else 3.29
    return float("nan")


def merged(entries):
    """One subject measured in several rounds (runs of JMH interleaved in time): the mean of every
    iteration of every round, with a 99.9% error over all of them, and the mean allocation."""
    if len(entries) == 1:
        return entries[0]
    iters = [x for e in entries for fork in (e["raw"] or []) for x in fork]
    allocs = [e["alloc"] for e in entries if e["alloc"] is not None]
    n = len(iters)
    score = statistics.fmean(iters)
    err = t999(n - 1) * statistics.stdev(iters) / math.sqrt(n) if n > 1 else float("nan")
    return {"score": score, "error": err, "unit": entries[0]["unit"],
            "alloc": statistics.fmean(allocs) if allocs else None,
            "raw": [fork for e in entries for fork in (e["raw"] or [])],
            "rounds": len(entries)}


def index(results):
    """(Class.method, param-value or '', threads) -> dict(score, error, alloc, unit). A subject
    that several files hold (the rounds of run.sh) is merged over all of them."""
    grouped = {}
    for r in results:
        name = r["benchmark"].replace(PKG, "")
        params = r.get("params") or {}
        param = ",".join(str(v) for v in params.values())
        pm = r["primaryMetric"]
        alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm", {}).get("score")
        err = pm.get("scoreError")
        if isinstance(err, str):
            err = float("nan")
        if err is None or (isinstance(err, float) and math.isnan(err)):
            err = float("nan")
        grouped.setdefault((name, param, r["threads"]), []).append({
            "score": pm["score"], "error": err, "unit": pm["scoreUnit"], "alloc": alloc,
            "raw": pm.get("rawData"),
        })
    return {k: merged(v) for k, v in grouped.items()}


def fmt_ops(x):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "n/a"
    if x >= 1e6:
        return f"{x / 1e6:.2f} M"
    if x >= 1e3:
        return f"{x / 1e3:.1f} k"
    return f"{x:.1f}"


def fmt_alloc(x):
    if x is None:
        return "n/a"
    return f"{x:.0f}" if x >= 1 else f"{x:.2f}"


# Subjects by group, for the table: (Class.method, param) -> label.
LABELS = [
    ("Floors", [
        ("MemoryFloor.caffeineSmall", "", "Caffeine getIfPresent, small"),
        ("MemoryFloor.caffeineGraph", "", "Caffeine getIfPresent, graph"),
        ("MemoryFloor.caffeineBuiltKeySmall", "", "Caffeine getIfPresent, key string built per call, small"),
        ("MemoryFloor.caffeineExpiringSmall", "", "Caffeine + per-entry expiry (nanoTime), small"),
        ("MemoryFloor.caffeineExpiringCoarseClockSmall", "", "Caffeine + per-entry expiry, volatile-read clock, small"),
        ("MemoryFloor.clockNanoTime", "", "System.nanoTime() alone"),
        ("MemoryFloor.caffeineStringKeySmall", "", "Caffeine getIfPresent, String key \"bench:1:small:\" + id built per call, small"),
        ("MemoryFloor.caffeineDecodeGraph", "", "Caffeine getIfPresent of the JSON bytes + Jackson decode, graph (by-value floor)"),
        ("MemoryFloor.caffeineMissSetSmall", "", "Caffeine get(fresh key, fn), bounded at 300, small (miss + set floor)"),
        ("RedisFloor.jedisGetSmall", "", "pooled Jedis GET + Jackson decode, small"),
        ("RedisFloor.jedisGetGraph", "", "pooled Jedis GET + Jackson decode, graph"),
        ("RedisFloor.redisClientGetSmall", "", "Jedis RedisClient GET + Jackson decode, small (informative)"),
        ("RedisFloor.jedisMget100", "", "pooled Jedis MGET 100 keys + 100 decodes"),
        ("RedisFloor.jedisMissSetSmall", "", "pooled Jedis GET (nothing) + encode + SET EX, small (miss + set floor)"),
        ("RedisFloor.redisClientMget100", "", "Jedis RedisClient MGET 100 keys + 100 decodes (informative)"),
    ]),
    ("cachegen, generated BenchServiceCached", [
        (f"CachegenMethods.{m}", b, f"{b}: {m}")
        for b in ("reference", "value", "redis")
        for m in ("hitConstSmall", "hitParamSmall", "hitParamSmallSpread", "hitStringSmall",
                  "hitConstGraph", "hitParamGraph", "missSetSmall", "missSetGraph")
    ]),
    ("cachegen, near cache (Redis alias, near_cache=true), generated BenchServiceCached", [
        (f"CachegenNear.{m}", store, f"near, by {store}: {m}")
        for store in ("reference", "value")
        for m in ("hitConstSmall", "hitParamSmall", "hitParamGraph")
    ]),
    ("cachegen, runtime API (decomposition)", [
        (f"CachegenApi.{m}", b, f"{b}: {m}")
        for b in ("reference", "value", "redis") for m in ("getSmall", "lookupSmall")
    ] + [("CachegenBatch.redisGetMany100", "", "redis: getMany(100)")]),
    ("Spring @Cacheable", [
        (f"SpringLocal.{m}", "", f"ConcurrentMapCacheManager: {m}")
        for m in ("hitConstSmall", "hitParamSmall", "hitStringSmall", "hitConstGraph", "hitParamGraph",
                  "missSetSmall", "missSetGraph")
    ] + [
        (f"SpringRedis.{m}", c, f"RedisCacheManager/{c}: {m}")
        for c in ("lettuce", "jedis")
        for m in ("hitConstSmall", "hitParamSmall", "hitConstGraph", "hitParamGraph", "missSetSmall")
    ]),
]


class Ratios:
    def __init__(self, idx):
        self.idx = idx
        self.rows = []  # dicts: group, name, kind, target, values{threads: value}, note

    def get(self, name, param, t):
        return self.idx.get((name, param, t))

    def add(self, group, label, kind, target, fn, note=""):
        values = {}
        for t in (1, 2):
            try:
                v = fn(t)
            except (TypeError, KeyError, ZeroDivisionError):
                v = None
            values[t] = v
        self.rows.append(dict(group=group, label=label, kind=kind, target=target,
                              values=values, note=note))

    def thr(self, name, param, t):
        r = self.get(name, param, t)
        return r["score"] if r else None

    def alloc(self, name, param, t):
        r = self.get(name, param, t)
        return r["alloc"] if r else None


def meets(kind, target, v):
    if v is None or target is None:
        return None
    return v <= target if kind == "le" else v >= target


def build_ratios(idx):
    R = Ratios(idx)
    th = R.thr
    M = "CachegenMethods."
    for size, floor in (("Small", "MemoryFloor.caffeineSmall"), ("Graph", "MemoryFloor.caffeineGraph")):
        R.add("locmem", f"hit, by reference, constant key ({size.lower()}): time per hit / Caffeine's",
              "le", 1.2, lambda t, s=size, f=floor: th(f, "", t) / th(M + f"hitConst{s}", "reference", t))
    R.add("locmem", "hit, by reference, constant key (small): time / Caffeine with Caffeine's own per-entry expiry (what locmem avoids)",
          "le", None, lambda t: th("MemoryFloor.caffeineExpiringSmall", "", t) / th(M + "hitConstSmall", "reference", t),
          "informative")
    for size, floor in (("Small", "MemoryFloor.caffeineSmall"), ("Graph", "MemoryFloor.caffeineGraph")):
        R.add("locmem", f"hit, by reference, parameter key ({size.lower()}): time per hit / Caffeine's",
              "le", 3.0, lambda t, s=size, f=floor: th(f, "", t) / th(M + f"hitParam{s}", "reference", t))
    R.add("locmem", "hit, by reference, parameter key cycling over 128 ids (small, key memo missing): time / Caffeine's",
          "le", None, lambda t: th("MemoryFloor.caffeineSmall", "", t) / th(M + "hitParamSmallSpread", "reference", t),
          "informative")
    R.add("locmem", "hit, by reference, parameter key cycling over 128 ids (small): time / Caffeine with the key string built per call (like for like)",
          "le", None, lambda t: th("MemoryFloor.caffeineBuiltKeySmall", "", t) / th(M + "hitParamSmallSpread", "reference", t),
          "informative")
    for key in ("Const", "Param"):
        for size in ("Small", "Graph"):
            R.add("locmem", f"hit, by reference, {'constant' if key == 'Const' else 'parameter'} key ({size.lower()}): throughput / Spring @Cacheable ConcurrentMap",
                  "ge", 5.0, lambda t, k=key, s=size: th(M + f"hit{k}{s}", "reference", t) / th(f"SpringLocal.hit{k}{s}", "", t))
    R.add("locmem", "hit, by reference, String parameter key (small): time / Caffeine with the key string built the same way",
          "le", None, lambda t: th("MemoryFloor.caffeineStringKeySmall", "", t) / th(M + "hitStringSmall", "reference", t),
          "informative")
    R.add("locmem", "hit, by reference, String parameter key (small): time / Caffeine's constant-key getIfPresent",
          "le", None, lambda t: th("MemoryFloor.caffeineSmall", "", t) / th(M + "hitStringSmall", "reference", t),
          "informative")
    R.add("locmem", "hit, by reference, String parameter key (small): throughput / Spring @Cacheable ConcurrentMap",
          "ge", None, lambda t: th(M + "hitStringSmall", "reference", t) / th("SpringLocal.hitStringSmall", "", t),
          "informative")
    R.add("locmem", "hit, by value (the default), parameter key (graph): time / (Caffeine lookup + Jackson decode of the same stored JSON)",
          "le", None, lambda t: th("MemoryFloor.caffeineDecodeGraph", "", t) / th(M + "hitParamGraph", "value", t),
          "informative")
    R.add("locmem", "hit, by value (the default), parameter key (graph): throughput / Spring @Cacheable ConcurrentMap (by reference, its default)",
          "ge", None, lambda t: th(M + "hitParamGraph", "value", t) / th("SpringLocal.hitParamGraph", "", t),
          "informative")
    for store, target in (("reference", 0.8), ("value", None)):
        for size in ("Small", "Graph"):
            R.add("locmem", f"miss + set, by {store} ({size.lower()}): throughput / Caffeine get(fresh key, fn)",
                  "ge", target if size == "Small" else None,
                  lambda t, st=store, sz=size: th(M + f"missSet{sz}", st, t) / th("MemoryFloor.caffeineMissSetSmall", "", t),
                  "" if target and size == "Small" else "informative")
        R.add("locmem", f"miss + set, by {store} (small): throughput / Spring @Cacheable ConcurrentMap (bounded)",
              "ge", None, lambda t, st=store: th(M + "missSetSmall", st, t) / th("SpringLocal.missSetSmall", "", t),
              "informative")
    for size in ("Small", "Graph"):
        R.add("locmem", f"hit, by value / by reference, constant key ({size.lower()}): time ratio",
              "le", None, lambda t, s=size: th(M + f"hitConst{s}", "reference", t) / th(M + f"hitConst{s}", "value", t),
              "informative")
    for size, floor in (("Small", "RedisFloor.jedisGetSmall"), ("Graph", "RedisFloor.jedisGetGraph")):
        for key in ("Const", "Param"):
            R.add("redis", f"hit, {'constant' if key == 'Const' else 'parameter'} key ({size.lower()}): throughput / raw Jedis GET + decode",
                  "ge", 0.95, lambda t, k=key, s=size, f=floor: th(M + f"hit{k}{s}", "redis", t) / th(f, "", t))
    for size, floor in (("Small", "RedisFloor.jedisGetSmall"), ("Graph", "RedisFloor.jedisGetGraph")):
        for key in ("Const", "Param"):
            R.add("redis", f"hit, {'constant' if key == 'Const' else 'parameter'} key ({size.lower()}): bytes allocated per hit above the floor",
                  "le", 150, lambda t, k=key, s=size, f=floor: R.alloc(M + f"hit{k}{s}", "redis", t) - R.alloc(f, "", t))
    R.add("redis", "hit, constant key (small): throughput / Jedis RedisClient GET + decode (the backend's client)",
          "ge", None, lambda t: th(M + "hitConstSmall", "redis", t) / th("RedisFloor.redisClientGetSmall", "", t),
          "informative")
    for client, target in (("lettuce", 1.25), ("jedis", None)):
        for key in ("Const", "Param"):
            for size in ("Small", "Graph"):
                R.add("redis", f"hit, {'constant' if key == 'Const' else 'parameter'} key ({size.lower()}): throughput / Spring Data Redis @Cacheable on {client}",
                      "ge", target, lambda t, c=client, k=key, s=size: th(M + f"hit{k}{s}", "redis", t) / th(f"SpringRedis.hit{k}{s}", c, t),
                      "" if target else "informative")
    R.add("redis", "miss + set (small): throughput / raw pooled Jedis GET + encode + SET EX", "ge", None,
          lambda t: th(M + "missSetSmall", "redis", t) / th("RedisFloor.jedisMissSetSmall", "", t),
          "informative")
    for client in ("lettuce", "jedis"):
        R.add("redis", f"miss + set (small): throughput / Spring Data Redis @Cacheable on {client}", "ge", None,
              lambda t, c=client: th(M + "missSetSmall", "redis", t) / th("SpringRedis.missSetSmall", c, t),
              "informative")
    R.add("redis", "getMany(100): throughput / raw MGET 100 + decodes", "ge", 0.9,
          lambda t: th("CachegenBatch.redisGetMany100", "", t) / th("RedisFloor.jedisMget100", "", t))
    R.add("redis", "getMany(100): throughput / RedisClient MGET 100 + decodes (the backend's client)", "ge", None,
          lambda t: th("CachegenBatch.redisGetMany100", "", t) / th("RedisFloor.redisClientMget100", "", t),
          "informative")
    return R


def store_by_value_analysis(idx):
    """Whether copying (decode) or the lookup dominates a by-value hit, per size and threads."""
    lines = []
    for size in ("Small", "Graph"):
        for t in (1, 2):
            ref = idx.get((f"CachegenMethods.hitConst{size}", "reference", t))
            val = idx.get((f"CachegenMethods.hitConst{size}", "value", t))
            if not ref or not val:
                continue
            t_ref = 1e9 / ref["score"]
            t_val = 1e9 / val["score"]
            copy = t_val - t_ref
            dom = "copy (decode)" if copy > t_ref else "lookup"
            lines.append(
                f"| {size.lower()} | {t} | {t_ref:.0f} ns | {t_val:.0f} ns | {copy:.0f} ns "
                f"({100 * copy / t_val:.0f}% of the hit) | {fmt_alloc(val['alloc'])} B | {dom} |")
    return lines


def stampede_summary(idx, runs_path):
    counts = {}
    if os.path.exists(runs_path):
        with open(runs_path) as f:
            for line in f:
                parts = line.split()
                if len(parts) == 2:
                    counts.setdefault(parts[0], []).append(int(parts[1]))
    rows = []
    for backend in sorted(set(list(counts) + [k[1] for k in idx if k[0] == "Stampede.stampede64"])):
        r = idx.get(("Stampede.stampede64", backend, 1))
        c = counts.get(backend, [])
        median_ms = statistics.median(r["raw"][0] if r and r["raw"] and len(r["raw"]) == 1
                                      else [x for fork in (r["raw"] or []) for x in fork]) if r else None
        rows.append(dict(backend=backend, rounds=len(c), max_runs=max(c) if c else None,
                         once=all(x == 1 for x in c) if c else None,
                         mean=r["score"] if r else None, error=r["error"] if r else None,
                         median=median_ms))
    return rows


def failures(results_dir):
    """Benchmarks whose run failed, from JMH's human-readable logs: (benchmark, params, first error line)."""
    out = []
    for path in sorted(glob.glob(os.path.join(results_dir, "*.txt"))):
        if os.path.basename(path).startswith("stampede-runs"):
            continue
        bench = params = threads = None
        lines = open(path, errors="replace").read().splitlines()
        for i, line in enumerate(lines):
            if line.startswith("# Benchmark: "):
                bench = line[len("# Benchmark: "):].replace(PKG, "")
                params = None
            elif line.startswith("# Parameters: "):
                params = line[len("# Parameters: "):]
            elif line.startswith("# Threads: "):
                threads = line[len("# Threads: "):].split()[0]
            elif "<failure>" in line:
                why = next((l for l in lines[i + 1:i + 6] if l.strip()), "").strip()
                out.append((bench, params or "", threads or "?", why[:200]))
    seen, unique = set(), []
    for f in out:
        if f not in seen:
            seen.add(f)
            unique.append(f)
    return unique


def svg_chart(ratios, path):
    rows = [r for r in ratios.rows if any(v is not None for v in r["values"].values())]
    w, left, right, bar_h, gap = 980, 560, 40, 9, 8
    top = 50
    h = top + len(rows) * (2 * bar_h + gap) + 50
    lo, hi = 0.1, 100.0

    def x(v):
        v = min(max(v, lo), hi)
        return left + (math.log10(v) - math.log10(lo)) / (math.log10(hi) - math.log10(lo)) * (w - left - right)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif" font-size="11">',
           f'<rect width="{w}" height="{h}" fill="white"/>',
           '<text x="10" y="20" font-size="14" font-weight="bold">cachegen benchmark ratios (log scale; '
           'dark bar = 1 thread, light bar = 2 threads; black tick = target)</text>',
           '<text x="10" y="36" fill="#555">"time / floor" rows: lower is better. All other rows: higher is better. '
           'Green meets its target, red misses it, grey has none.</text>']
    for v in (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100):
        out.append(f'<line x1="{x(v):.1f}" y1="{top - 4}" x2="{x(v):.1f}" y2="{h - 40}" stroke="#ddd"/>')
        out.append(f'<text x="{x(v):.1f}" y="{h - 25}" text-anchor="middle" fill="#555">{v:g}×</text>')
    y = top
    for r in rows:
        label = r["label"]
        if r["kind"] == "le" and "time" in label:
            label += "  (lower is better)"
        out.append(f'<text x="{left - 8}" y="{y + bar_h + 3}" text-anchor="end">{escape(r["group"] + ": " + label[:88])}</text>')
        for i, t in enumerate((1, 2)):
            v = r["values"][t]
            if v is None or r["target"] is None and "bytes" in r["label"]:
                continue
            ok = meets(r["kind"], r["target"], v)
            base = {True: ("#1b7f3b", "#7cc792"), False: ("#b3261e", "#ee8b84"), None: ("#666", "#bbb")}[ok]
            by = y + i * bar_h
            if "bytes" in r["label"]:
                continue
            out.append(f'<rect x="{x(lo):.1f}" y="{by}" width="{max(1.0, x(v) - x(lo)):.1f}" height="{bar_h - 1}" fill="{base[i]}"/>')
            out.append(f'<text x="{x(v) + 3:.1f}" y="{by + bar_h - 1}" font-size="9">{v:.2f}</text>')
        if r["target"] is not None and "bytes" not in r["label"]:
            tx = x(r["target"])
            out.append(f'<line x1="{tx:.1f}" y1="{y - 2}" x2="{tx:.1f}" y2="{y + 2 * bar_h + 1}" stroke="black" stroke-width="2"/>')
        y += 2 * bar_h + gap
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def fmt_ratio(r, v):
    if v is None:
        return "n/a"
    if "bytes" in r["label"]:
        return f"{v:+.0f} B"
    return f"{v:.2f}×"


def issue_rows():
    """The rows of issue 10's table: (path, what the issue measured, threads, cachegen, Spring,
    target). cachegen and Spring are functions of an index that return a formatted cell or None."""
    M = "CachegenMethods."

    def score(idx, name, param, t):
        r = idx.get((name, param, t))
        return r["score"] if r else None

    def ns(name, param, t):
        def f(idx):
            v = score(idx, name, param, t)
            return None if not v else f"{t * 1e9 / v:,.0f} ns"
        return f

    def ratio(a, b, t, inverse=False, suffix=""):
        """Throughput of a / throughput of b (inverse: time of a / time of b)."""
        def f(idx):
            x, y = score(idx, *a, t), score(idx, *b, t)
            if not x or not y:
                return None
            return f"{(y / x if inverse else x / y):.2f}×{suffix}"
        return f

    def both(*fns):
        def f(idx):
            parts = [fn(idx) for fn in fns]
            return None if all(p is None for p in parts) else ", ".join(p or "n/a" for p in parts)
        return f

    raw_miss = ("RedisFloor.jedisMissSetSmall", "")
    caf_miss = ("MemoryFloor.caffeineMissSetSmall", "")
    raw_get = ("RedisFloor.jedisGetSmall", "")
    return [
        ("Redis miss + set, small (throughput vs raw pooled Jedis GET + SET EX)",
         "0.69× / 0.72× / 0.80×", 1,
         ratio((M + "missSetSmall", "redis"), raw_miss, 1),
         both(ratio(("SpringRedis.missSetSmall", "lettuce"), raw_miss, 1, suffix=" Lettuce"),
              ratio(("SpringRedis.missSetSmall", "jedis"), raw_miss, 1, suffix=" Jedis")),
         "say the ratio"),
        ("in-memory miss + set, by reference, small (throughput vs Caffeine get(fresh key, fn))",
         "0.32× / 0.86× / 0.51× (2 threads)", 2,
         ratio((M + "missSetSmall", "reference"), caf_miss, 2),
         ratio(("SpringLocal.missSetSmall", ""), caf_miss, 2),
         "≥ 0.8× at 1 and 2 threads"),
        ("in-memory miss + set, by reference, small, 1 thread (same)", "—", 1,
         ratio((M + "missSetSmall", "reference"), caf_miss, 1),
         ratio(("SpringLocal.missSetSmall", ""), caf_miss, 1),
         "≥ 0.8×"),
        ("in-memory hit, by reference, String key `small:{id}` (time; × Caffeine getIfPresent of a constant key, "
         "× Caffeine with the key built the same way)",
         "~49 ns, 11.7× / 300 ns / 800 ns", 1,
         both(ns(M + "hitStringSmall", "reference", 1),
              ratio((M + "hitStringSmall", "reference"), ("MemoryFloor.caffeineSmall", ""), 1, inverse=True),
              ratio((M + "hitStringSmall", "reference"), ("MemoryFloor.caffeineStringKeySmall", ""), 1,
                    inverse=True)),
         ns("SpringLocal.hitStringSmall", "", 1),
         "—"),
        ("in-memory hit, **default** (by value), ~1 KB graph, parameter key (time; × lookup + Jackson decode floor)",
         "1,750 ns / 311 ns / 668 ns", 1,
         both(ns(M + "hitParamGraph", "value", 1),
              ratio((M + "hitParamGraph", "value"), ("MemoryFloor.caffeineDecodeGraph", ""), 1, inverse=True)),
         ns("SpringLocal.hitParamGraph", "", 1),
         "say what it costs"),
        ("Redis hit, small, parameter key, 2 threads (throughput vs raw pooled Jedis GET + decode)",
         "0.72×, 0.73× (0.95× elsewhere) / 0.43× / 0.39×", 2,
         ratio((M + "hitParamSmall", "redis"), raw_get, 2),
         both(ratio(("SpringRedis.hitParamSmall", "lettuce"), raw_get, 2, suffix=" Lettuce"),
              ratio(("SpringRedis.hitParamSmall", "jedis"), raw_get, 2, suffix=" Jedis")),
         "the dip found and fixed (≥ 0.95×)"),
        ("Redis hit, small, constant key, 2 threads (same)", "—", 2,
         ratio((M + "hitConstSmall", "redis"), raw_get, 2),
         None,
         "≥ 0.95×"),
    ]


def issue_section(idx, bidx, before_dir):
    out = ["## Issue 10's table, before and after", "",
           "Every row of the table in issue 10 (\"Hardening II\"), measured by this run. The issue's own numbers "
           "(cachegen / Spring / Micronaut) came from another harness; Micronaut is not in this suite (its "
           "compile-time AOP needs its own build), and the raw floor here is Jedis 7 (the version cachegen-redis "
           "pins), not Jedis 5."]
    if bidx:
        out += ["", f"\"Before\" is the saved JMH JSON in `{before_dir}` (the suite's subjects at the commit before "
                "issue 10's fixes, a reduced run: see its README); it was measured on a different day, so compare "
                "ratios, not times."]
    out += ["", "| Path | Threads | Issue: cachegen / Spring / Micronaut | cachegen: before → this run | "
            "Spring: before → this run | Target |", "| --- | --- | --- | --- | --- | --- |"]
    for path, issue, t, cg, sp, target in issue_rows():
        cells = []
        for fn in (cg, sp):
            if fn is None:
                cells.append("—")
                continue
            now = fn(idx) or "n/a"
            cells.append(f"{fn(bidx) or 'n/a'} → {now}" if bidx else now)
        out.append(f"| {path} | {t} | {issue} | {cells[0]} | {cells[1]} | {target} |")
    out.append("")
    return out


def pinned_section(pidx):
    """Redis hits measured with the JVM on CPU 0, redis-server on CPU 1, both CPUs kept awake."""
    def thr(name, param):
        r = pidx.get((name, param, 1))
        return r["score"] if r else None

    def ratio(a, b):
        return None if a is None or b is None or b == 0 else a / b

    out = ["## Redis hits on equal footing (pinned, CPUs kept awake)", "",
           "Same subjects, 1 thread, run after the rounds above with the benchmark JVM pinned to CPU 0, "
           "its own `redis-server` pinned to CPU 1, and a nice-19 busy loop on each CPU so that neither "
           "halts between round trips. Idle, a round trip here is mostly the wake-up of a halted virtual "
           "CPU (~75 µs for `redis-benchmark -c 1` too), and a JVM that keeps a CPU busy on its own (a large "
           "framework's JIT threads, Lettuce's event loop) skips it; pinned, every subject pays the same "
           "for the network and the ratios rank the clients' and libraries' own cost per hit. The whole "
           "JVM shares CPU 0 here, so a client that hands each command to another thread (Lettuce) pays "
           "for that hop on the same CPU.", "",
           "Every subject gets 8 s of warmup here: on one CPU, Spring's proxies and Lettuce need about "
           "that long before C2 has compiled their hit path (with less, they look several times slower).", "",
           "| Ratio | Target | small, constant key | small, parameter key |",
           "| --- | --- | --- | --- |"]
    M = "CachegenMethods."
    combos = [("Small", "Const"), ("Small", "Param")]
    rows = [
        ("cachegen / raw pooled Jedis GET + decode (throughput)", "ge", 0.95,
         lambda s, k: ratio(thr(M + f"hit{k}{s}", "redis"), thr(f"RedisFloor.jedisGet{s}", ""))),
        ("cachegen / Spring Data Redis @Cacheable on Lettuce, its default client (throughput)", "ge", 1.25,
         lambda s, k: ratio(thr(M + f"hit{k}{s}", "redis"), thr(f"SpringRedis.hit{k}{s}", "lettuce"))),
        ("cachegen / Spring Data Redis @Cacheable on Jedis (throughput)", "ge", None,
         lambda s, k: ratio(thr(M + f"hit{k}{s}", "redis"), thr(f"SpringRedis.hit{k}{s}", "jedis"))),
    ]
    for label, kind, target, fn in rows:
        cells = []
        for s, k in combos:
            v = fn(s, k)
            ok = meets(kind, target, v)
            cells.append(("n/a" if v is None else f"{v:.2f}×") + ("" if ok is None else (" ✅" if ok else " ❌")))
        tgt = "—" if target is None else f"≥ {target:g}×"
        out.append(f"| {label} | {tgt} | " + " | ".join(cells) + " |")
    out += ["", "| Subject (pinned, 1 thread) | ops/s | B/op |", "| --- | --- | --- |"]
    for name, param, label in [("RedisFloor.jedisGetSmall", "", "raw pooled Jedis GET + decode, small")] + [
            (M + f"hit{k}{s}", "redis", f"cachegen hit{k}{s}") for s, k in combos] + [
            (f"SpringRedis.hit{k}{s}", c, f"Spring on {c}: hit{k}{s}") for c in ("lettuce", "jedis")
            for s, k in combos]:
        r = pidx.get((name, param, 1))
        if r:
            err = "" if math.isnan(r["error"]) else f" ± {fmt_ops(r['error'])}"
            out.append(f"| {label} | {fmt_ops(r['score'])}{err} | {fmt_alloc(r['alloc'])} |")
    out.append("")
    return out


# What issue 13 asks of the near cache. Each row: label, kind ("le" time ratio, "ge" throughput
# ratio, "bytes" allocation), target, the threads the target applies to, fn(t) -> value.
def near_rows(idx, nidx):
    """idx: the suite's results (Spring, Redis, locmem by value); nidx: the near hits' own
    invocations (nearhits-*.json), which also hold the locmem by-reference hits they are held to."""
    def th(name, param, t, src=None):
        r = (nidx if src is None else src).get((name, param, t))
        return r["score"] if r else None

    def alloc(name, param, t):
        r = nidx.get((name, param, t))
        return r["alloc"] if r else None

    M, N = "CachegenMethods.", "CachegenNear."
    rows = []
    for m, what in (("hitConstSmall", "constant key (small)"), ("hitParamSmall", "parameter key (small)"),
                    ("hitParamGraph", "parameter key (graph)")):
        rows.append((f"near hit, by reference, {what}: time / locmem by-reference hit (same method)",
                     "le", 2.0, (1, 2), lambda t, m=m: th(M + m, "reference", t) / th(N + m, "reference", t)))
    for m, what in (("hitConstSmall", "constant key (small)"), ("hitParamSmall", "parameter key (small)"),
                    ("hitParamGraph", "parameter key (graph)")):
        rows.append((f"near hit, by reference, {what}: bytes allocated per hit",
                     "bytes", 1.0, (1, 2), lambda t, m=m: alloc(N + m, "reference", t)))
    for m, what in (("hitConstSmall", "constant key (small)"), ("hitParamSmall", "parameter key (small)")):
        rows.append((f"near hit, by reference, {what}: throughput / Spring Data Redis @Cacheable on Lettuce "
                     "(its default client; the interleaved rounds)",
                     "ge", 1000.0, (1,), lambda t, m=m: th(N + m, "reference", t) / th(f"SpringRedis.{m}", "lettuce", t, idx)))
    for m, what in (("hitConstSmall", "constant key (small)"), ("hitParamSmall", "parameter key (small)")):
        rows.append((f"near hit, by reference, {what}: throughput / Spring Data Redis @Cacheable on Jedis",
                     "ge", None, (), lambda t, m=m: th(N + m, "reference", t) / th(f"SpringRedis.{m}", "jedis", t, idx)))
    rows.append(("near hit, by reference, parameter key (small): throughput / cachegen Redis hit without the near cache",
                 "ge", None, (), lambda t: th(N + "hitParamSmall", "reference", t) / th(M + "hitParamSmall", "redis", t, idx)))
    for m, what in (("hitConstSmall", "constant key (small)"), ("hitParamSmall", "parameter key (small)"),
                    ("hitParamGraph", "parameter key (graph)")):
        rows.append((f"near hit, by value (the default), {what}: time / locmem by-value hit (same method, "
                     "from the memory subjects)",
                     "le", None, (), lambda t, m=m: th(M + m, "value", t, idx) / th(N + m, "value", t)))
    rows.append(("near hit, by value (the default), parameter key (graph): throughput / Spring Data Redis "
                 "@Cacheable on Lettuce", "ge", None, (),
                 lambda t: th(N + "hitParamGraph", "value", t) / th("SpringRedis.hitParamGraph", "lettuce", t, idx)))
    return rows


def cluster_section(results_dir):
    """Issue 14's Redis Cluster targets, from the cluster-r*.json rounds (merged)."""
    results = []
    for path in sorted(glob.glob(os.path.join(results_dir, "cluster-r*.json"))):
        results += load(path)
    if not results:
        return ["## Redis Cluster (issue 14)", "", "n/a: no cluster results in this run.", ""]
    cidx = index(results)

    def thr(m):
        r = cidx.get(("ClusterBench." + m, "", 1))
        return r
    out = ["## Redis Cluster (issue 14)", "",
           "A 3-primary cluster (no replicas) this run starts on loopback; the alias is "
           "`redis-cluster://` two seeds, key prefix `bench`. Floors: a raw `JedisCluster` `GET` + Jackson "
           "decode of the same key, and a raw cluster pipeline of 100 `GET`s (one batch per node) + 100 "
           "decodes. 1 thread, 3 interleaved rounds of -f 1 -wi 3 -w 1s -i 4 -r 1s, merged (longer "
           "iterations than the single-server rounds: a cluster call's wake-ups are as noisy).", "",
           "| Ratio | Target | 1 thread |", "| --- | --- | --- |"]
    for label, a, b in (("generated hit, constant key (small): throughput / raw JedisCluster GET + decode",
                         "cachegenHitConstSmall", "rawClusterGetSmall"),
                        ("getMany(100) across slots: throughput / raw cluster pipeline of 100 GETs + decodes",
                         "cachegenGetMany100", "rawClusterPipeline100")):
        ra, rb = thr(a), thr(b)
        if not ra or not rb:
            out.append(f"| {label} | ≥ 0.9× | n/a |")
            continue
        v = ra["score"] / rb["score"]
        out.append(f"| {label} | ≥ 0.9× | {v:.2f}× {'✅' if v >= 0.9 else '❌'} |")
    out += ["", "| Subject | ops/s | B/op |", "| --- | --- | --- |"]
    for m in ("cachegenHitConstSmall", "rawClusterGetSmall", "cachegenGetMany100", "rawClusterPipeline100"):
        r = thr(m)
        out.append(f"| {m} | {fmt_ops(r['score']) if r else 'n/a'}"
                   f"{' ± ' + fmt_ops(r['error']) if r else ''} | {fmt_alloc(r['alloc']) if r else 'n/a'} |")
    out.append("")
    return out


def ns_per_op(r):
    """Time per operation (ns) of a throughput result: 1 / its score, with JMH's error scaled by
    the same factor (relative error kept), so that times and throughput ratios agree."""
    if not r["score"]:
        return float("nan"), float("nan")
    ns = 1e9 / r["score"]
    return ns, ns * r["error"] / r["score"]


METRICS_SUBJECTS = ("hitConstSmall", "hitParamSmall", "missSetSmall")
METRICS_TARGET = 0.95


def metrics_section(midx, jmh):
    """Micrometer's meters against the default in-process counters (CachegenMetrics, from
    metrics-*.json): throughput micrometer / inProcess per subject, and time and B/op of each."""
    out = ["## Micrometer", "",
           "`CachegenMetrics`: the generated `BenchServiceCached` on locmem by reference (the installed handler, "
           "as `CachegenMethods`), the handler built with `CacheHandler.builder().metrics(...)` of the default "
           "in-process counters (`inProcess`) or of a `MicrometerCacheMetrics` bound to a `SimpleMeterRegistry` "
           "(`micrometer`; its teardown reads `cache.gets{cache=default}` from the registry and fails the run if "
           "the measured calls were not counted there). The meters are function meters read at a scrape and "
           "counting goes to the same in-process adders, so the target is no measurable cost: at least "
           "0.95× the in-process throughput. "
           "Times are 1 / throughput, ± JMH's 99.9% error scaled alike; B/op is `-prof gc`'s "
           f"`gc.alloc.rate.norm`. 1 thread, both kinds of counters in one JMH invocation ({jmh}).", "",
           "| Ratio | Target | 1 thread |", "| --- | --- | --- |"]
    for m in METRICS_SUBJECTS:
        a = midx.get(("CachegenMetrics." + m, "micrometer", 1))
        b = midx.get(("CachegenMetrics." + m, "inProcess", 1))
        label = f"{m}: throughput micrometer / inProcess"
        tgt = f"≥ {METRICS_TARGET:g}× of in-process"
        if not a or not b or not b["score"]:
            out.append(f"| {label} | {tgt} | n/a |")
            continue
        v = a["score"] / b["score"]
        out.append(f"| {label} | {tgt} | {v:.2f}× {'✅' if v >= METRICS_TARGET else '❌'} |")
    out += ["", "| Subject, 1 thread | inProcess: time | B/op | micrometer: time | B/op |",
            "| --- | --- | --- | --- | --- |"]
    for m in METRICS_SUBJECTS:
        cells = []
        for p in ("inProcess", "micrometer"):
            r = midx.get(("CachegenMetrics." + m, p, 1))
            if not r:
                cells += ["n/a", "n/a"]
                continue
            ns, err = ns_per_op(r)
            time = "n/a" if math.isnan(ns) else f"{ns:,.1f}" + ("" if math.isnan(err) else f" ± {err:,.1f}") + " ns"
            cells += [time, fmt_alloc(r["alloc"])]
        out.append(f"| {m} | " + " | ".join(cells) + " |")
    out.append("")
    return out


def near_section(idx, nidx, results_dir, private_server):
    """Issue 13's targets for the near cache: hits (JMH), invalidation delay and the Zipf workload
    (the harnesses' JSON)."""
    out = ["## Near cache (issue 13)", "",
           "A Redis alias with `near_cache=true` (the user's near options otherwise: `near_max_entries=10000`, "
           "`near_max_age=60`, `near_liveness_interval=1`). Hits are the generated `BenchServiceCached` methods "
           "(`CachegenNear`; its setup waits for tracking and for a round of calls served from L1, its teardown fails "
           "the run if more than 1% of the lookups were not near hits), by reference (`store_by_value=false`: the "
           "copy itself) and by value (the default: a decode of the stored bytes per hit), with the memory "
           "subjects' settings in JMH invocations of their own: by reference next to the locmem by-reference "
           "hits they are held to (measured again there, so within seconds of each other), by value with "
           "more warmup (see the JMH line above: a by-value decode compiles late in a JVM that set up Jedis). The Spring Data Redis and Redis hits are those of the "
           "interleaved Redis rounds above.", "",
           "| Ratio | Target | 1 thread | 2 threads |", "| --- | --- | --- | --- |"]
    for label, kind, target, applies, fn in near_rows(idx, nidx):
        cells = []
        for t in (1, 2):
            try:
                v = fn(t)
            except (TypeError, KeyError, ZeroDivisionError):
                v = None
            if v is None:
                cells.append("n/a")
                continue
            if kind == "bytes":
                text = f"{v:.2f} B" if v < 10 else f"{v:.0f} B"
                ok = None if target is None or t not in applies else v < target
            else:
                text = f"{v:,.0f}×" if v >= 100 else f"{v:.2f}×"
                ok = meets(kind, target, v) if t in applies else None
            cells.append(text + ("" if ok is None else (" ✅" if ok else " ❌")))
        if target is None:
            tgt = "—"
        elif kind == "bytes":
            tgt = "none (< 1 B)"
        else:
            tgt = ("≤ " if kind == "le" else "≥ ") + f"{target:,g}×" + ("" if applies == (1, 2) else " at 1 thread")
        if all(c == "n/a" for c in cells):
            continue
        out.append(f"| {label} | {tgt} | " + " | ".join(cells) + " |")
    out += ["", "| Near hit, 1 thread | by reference: time | B/op | by value: time | B/op |",
            "| --- | --- | --- | --- | --- |"]
    for m in ("hitConstSmall", "hitParamSmall", "hitParamGraph"):
        cells = []
        for store in ("reference", "value"):
            r = nidx.get(("CachegenNear." + m, store, 1))
            cells += [f"{1e9 / r['score']:,.1f} ns" if r else "n/a", fmt_alloc(r["alloc"]) if r else "n/a"]
        out.append(f"| {m} | " + " | ".join(cells) + " |")
    out.append("")

    delay = load_json(os.path.join(results_dir, "near-invalidation.json"))
    out += ["### Invalidation delay", "",
            "Two handlers A and B (two instances, no shared state but the server) with `near_cache=true` on one "
            "Redis (`NearInvalidationDelay`). Each sample: B holds a copy of the key; A sets it; the delay runs "
            "from the moment A's `set` returned to the moment B's message reader dropped the key from L1 (noted "
            "on that thread through the public `CacheMetrics` SPI, at the `near_invalidation` count). Then, outside "
            "the measured part, B reads the key again to hold a new copy. The measuring thread parks while it "
            "waits, as an idle instance would; percentiles are nearest-rank over the sorted samples. A negative "
            "delay means B dropped the key before A's thread had read the reply (Redis sends both at once).", ""]
    if delay:
        p99 = delay.get("p99_us")
        ok = None if p99 is None else p99 < 5000
        out += ["| Samples | p50 | p90 | p99 (target < 5 ms) | p99.9 | max | dropped before the reply | "
                "from A's call: p50 / p99 | A's write: p50 / p99 | lost (no message in 1 s) |",
                "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
                f"| {delay['samples']:,} (after {delay['warmup']:,} warm-up) | {delay['p50_us']:,.1f} µs | "
                f"{delay['p90_us']:,.1f} µs | {p99:,.1f} µs{'' if ok is None else (' ✅' if ok else ' ❌')} | "
                f"{delay['p999_us']:,.1f} µs | {delay['max_us']:,.1f} µs | "
                f"{100 * delay['dropped_before_reply']:.0f}% | {delay['from_call_p50_us']:,.1f} / "
                f"{delay['from_call_p99_us']:,.1f} µs | {delay['write_p50_us']:,.1f} / {delay['write_p99_us']:,.1f} µs | "
                f"{delay['timeouts']} |", ""]
    else:
        out += ["n/a: no `near-invalidation.json` in this run (see `near-invalidation.txt` beside the results).", ""]

    zipf = load_json(os.path.join(results_dir, "near-zipf.json"))
    out += ["### A skewed workload on two instances", ""]
    if zipf:
        off, on = zipf["off"], zipf["on"]

        def factor(a, b):
            return "n/a" if not b else f"{a / b:.2f}×"

        out += [f"`NearZipfWorkload`: {zipf['keys']:,} keys in Redis, two instances (two handlers, no shared state) "
                f"on a thread each, {zipf['ops_per_instance']:,} operations each after {zipf['warmup_per_instance']:,} "
                f"of warm-up, keys drawn from Zipf(s = {zipf['s']:g}), {100 * zipf['write_ratio']:g}% writes (`set`), "
                "the rest reads (`get`); near cache off, then on (defaults: 10,000 copies per instance, by value). "
                "Commands are the server's `INFO commandstats` over the measured phase"
                + ("" if private_server else " (**not a private server here: other clients' commands count too**)")
                + "; a near miss is one round trip of two commands (`GET` and `PTTL`, pipelined).", "",
                "| Measure | near off | near on | off / on |", "| --- | --- | --- | --- |",
                f"| hit ratio (near hits / reads) | {off['hit_ratio']:.1%} | {on['hit_ratio']:.1%} | — |",
                f"| Redis commands per read | {off['read_commands_per_read']:.3f} | {on['read_commands_per_read']:.3f} | "
                f"{factor(off['read_commands_per_read'], on['read_commands_per_read'])} |",
                f"| Redis commands per operation (reads, writes, tracking upkeep) | {off['commands_per_op']:.3f} | "
                f"{on['commands_per_op']:.3f} | {factor(off['commands_per_op'], on['commands_per_op'])} |",
                f"| round trips per read | {off['read_round_trips_per_read']:.3f} | "
                f"{on['read_round_trips_per_read']:.3f} | "
                f"{factor(off['read_round_trips_per_read'], on['read_round_trips_per_read'])} |",
                f"| operations per second, both instances (informative; the factor is on / off) | "
                f"{fmt_ops(off['ops_per_s'])} | {fmt_ops(on['ops_per_s'])} | "
                f"{factor(on['ops_per_s'], off['ops_per_s'])} |",
                f"| reads / writes | {off['reads']:,} / {off['writes']:,} | {on['reads']:,} / {on['writes']:,} | — |",
                f"| near invalidations / flushes | — | {on['near_invalidations']:,} / {on['near_flushes']:,} | — |",
                f"| commands | {commands_text(off['commands'])} | {commands_text(on['commands'])} | — |", ""]
    else:
        out += ["n/a: no `near-zipf.json` in this run (see `near-zipf.txt` beside the results).", ""]
    return out


def load_json(path):
    if not os.path.exists(path):
        return None
    with open(path) as f:
        try:
            return json.load(f)
        except json.JSONDecodeError:
            return None


def commands_text(commands):
    return ", ".join(f"{k} {v:,}" for k, v in sorted(commands.items(), key=lambda kv: -kv[1]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--results", required=True)
    ap.add_argument("--previous", default="")
    ap.add_argument("--markdown", required=True)
    ap.add_argument("--svg", required=True)
    ap.add_argument("--command", default="benchmarks/run.sh")
    ap.add_argument("--jmh", default="")
    ap.add_argument("--cores", default="?")
    ap.add_argument("--jdk", default="?")
    ap.add_argument("--redis", default="?")
    ap.add_argument("--elapsed", default="?")
    ap.add_argument("--private-redis", action="store_true",
                    help="the suite ran its own redis-server (so INFO commandstats counts its commands only)")
    ap.add_argument("--metrics-jmh", default="",
                    help="the JMH settings of the Micrometer subjects (metrics-*.json), for its section")
    ap.add_argument("--notes", default=os.path.join(os.path.dirname(__file__), "NOTES.md"))
    ap.add_argument("--before", default=os.path.join(os.path.dirname(__file__), "results-before"),
                    help="saved JMH JSON (threads*.json) to show as 'before' in the issue table")
    a = ap.parse_args()

    idx = index(load_all(a.results))
    nidx = index([r for path in sorted(glob.glob(os.path.join(a.results, "nearhits-*.json"))) for r in load(path)])
    sidx = index(load(os.path.join(a.results, "stampede.json")))
    ratios = build_ratios(idx)
    prev_ratios = None
    if a.previous and glob.glob(os.path.join(a.previous, "threads*.json")):
        prev_ratios = build_ratios(index(load_all(a.previous)))
    os.makedirs(os.path.dirname(a.svg), exist_ok=True)
    svg_chart(ratios, a.svg)

    md = []
    md.append("# Benchmarks")
    md.append("")
    md.append("Generated by `benchmarks/run.sh` (`benchmarks/report.py` turns JMH's JSON into this page); "
              "do not edit by hand. Every ratio below comes from the same run. Absolute numbers are "
              "this machine's on this day: quote the ratios and the allocation per operation, never a single time.")
    md.append("")
    md.append(f"- Command: `{a.command}` (whole suite in {a.elapsed} s)")
    md.append(f"- JMH 1.37, throughput mode: `{a.jmh}`")
    md.append(f"- Machine: {a.cores} cores (shared), {a.jdk}, Redis {a.redis} (private `redis-server` on loopback, "
              "`--save \"\" --appendonly no`)")
    md.append("- Payloads: `small` = `List.of(\"0\", \"1\", \"2\")`; `graph` = an `Order` record "
              "(customer, address, 8 lines, notes) of about 1 KB as JSON. Constant key = `\"data\"`/`\"order\"`; "
              "parameter key = `\"item:{id}\"`/`\"order:{id}\"`. Every alias has key prefix `bench`; every other "
              "setting is the user's default (`record_stats=true`, 300 s timeout, locmem `max_entries=300`).")
    md.append("")
    md.append("![ratios](benchmarks-ratios.svg)")
    md.append("")
    md.append("## Ratios and targets")
    md.append("")
    md.append("`time / floor` ratios are time per operation (lower is better); the others are throughput "
              "(higher is better). ✅ meets the target, ❌ misses it.")
    md.append("")
    if prev_ratios:
        md.append("The last two columns are the previous run of the suite on the same machine, to show how "
                  "far ratios move between runs.")
        md.append("")
        md.append("| Group | Ratio | Target | 1 thread | 2 threads | previous run, 1 thread | previous run, 2 threads |")
        md.append("| --- | --- | --- | --- | --- | --- | --- |")
    else:
        md.append("| Group | Ratio | Target | 1 thread | 2 threads |")
        md.append("| --- | --- | --- | --- | --- |")
    for n, r in enumerate(ratios.rows):
        if r["target"] is None:
            tgt = "—"
        elif "bytes" in r["label"]:
            tgt = f"≤ +{r['target']:g} B"
        else:
            tgt = ("≤ " if r["kind"] == "le" else "≥ ") + f"{r['target']:g}×"
        cells = []
        for t in (1, 2):
            v = r["values"][t]
            ok = meets(r["kind"], r["target"], v)
            mark = "" if ok is None else (" ✅" if ok else " ❌")
            cells.append(fmt_ratio(r, v) + mark)
        if prev_ratios:
            p = prev_ratios.rows[n]
            cells += [fmt_ratio(p, p["values"][t]) for t in (1, 2)]
        md.append(f"| {r['group']} | {r['label']} | {tgt} | " + " | ".join(cells) + " |")
    md.append("")

    bidx = index(load_all(a.before)) if a.before and os.path.isdir(a.before) else {}
    md.extend(issue_section(idx, bidx, "benchmarks/" + os.path.basename(os.path.normpath(a.before))))

    pidx = index(load(os.path.join(a.results, "pinned1-redis.json")))
    if pidx:
        md.extend(pinned_section(pidx))

    if nidx or glob.glob(os.path.join(a.results, "near-*.json")):
        md.extend(near_section(idx, nidx, a.results, a.private_redis))
    if glob.glob(os.path.join(a.results, "cluster-r*.json")):
        md.extend(cluster_section(a.results))
    midx = index([r for path in sorted(glob.glob(os.path.join(a.results, "metrics-*.json"))) for r in load(path)])
    if midx:
        md.extend(metrics_section(midx, a.metrics_jmh or a.jmh))

    sbv = store_by_value_analysis(idx)
    if sbv:
        md.append("## Store-by-value: copy or lookup?")
        md.append("")
        md.append("A by-value hit is a by-reference hit plus a Jackson decode of the stored bytes (the copy). "
                  "Times are 1 / throughput of the generated constant-key hit.")
        md.append("")
        md.append("| Payload | Threads | by reference | by value | copy = difference | by-value B/op | Dominates |")
        md.append("| --- | --- | --- | --- | --- | --- | --- |")
        md.extend(sbv)
        md.append("")

    st = stampede_summary(sidx, os.path.join(a.results, "stampede-runs.txt"))
    if st:
        md.append("## Stampede")
        md.append("")
        md.append("64 threads call the generated method on one missing key at the same instant; the body sleeps "
                  "20 ms and counts its runs. One round per JMH invocation (`-bm ss`), a fresh key each round.")
        md.append("")
        md.append("| Backend | Rounds | Body runs per round (max) | Once per JVM every round | Time to serve all 64 (mean ± error) | Median |")
        md.append("| --- | --- | --- | --- | --- | --- |")
        for s in st:
            once = {True: "yes ✅", False: "no ❌", None: "n/a"}[s["once"]]
            mean = "n/a" if s["mean"] is None else f"{s['mean']:.1f} ± {s['error']:.1f} ms"
            med = "n/a" if s["median"] is None else f"{s['median']:.1f} ms"
            md.append(f"| {s['backend']} | {s['rounds']} | {s['max_runs']} | {once} | {mean} | {med} |")
        md.append("")

    md.append("## All results")
    md.append("")
    md.append("Throughput (ops/s, ± JMH's 99.9% error) and `-prof gc` allocation per operation (`gc.alloc.rate.norm`).")
    md.append("")
    md.append("| Group | Subject | 1 thread ops/s | 1 thread B/op | 2 threads ops/s | 2 threads B/op |")
    md.append("| --- | --- | --- | --- | --- | --- |")
    for group, items in LABELS:
        for name, param, label in items:
            cells = []
            for t in (1, 2):
                r = (nidx if name.startswith("CachegenNear.") else idx).get((name, param, t))
                if r:
                    err = "" if math.isnan(r["error"]) else f" ± {fmt_ops(r['error'])}"
                    cells += [fmt_ops(r["score"]) + err, fmt_alloc(r["alloc"])]
                else:
                    cells += ["—", "—"]
            if all(c == "—" for c in cells):
                continue
            md.append(f"| {group} | {label} | " + " | ".join(cells) + " |")
    md.append("")

    failed = failures(a.results)
    if failed:
        md.append("## Failed runs")
        md.append("")
        md.append("These subjects failed in this run, so their ratios show n/a:")
        md.append("")
        for bench, params, threads, why in failed:
            md.append(f"- `{bench}` {params} on {threads} thread(s): {why}")
        md.append("")

    if a.notes and os.path.exists(a.notes):
        with open(a.notes) as f:
            md.append(f.read().rstrip())
            md.append("")

    with open(a.markdown, "w") as f:
        f.write("\n".join(md))


if __name__ == "__main__":
    main()
