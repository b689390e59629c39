#!/usr/bin/env python3
"""The summary of bench/million.sh: every figure of its logs per size, side by side, with the ratio between
consecutive sizes (p95, or the wall time / throughput) and the verdict against issue 24's targets at 1,000,000 models.

    python3 bench/million_summary.py OUT SIZE...      e.g. target/million 10000 100000 1000000
"""
import re
import sys
from pathlib import Path

out = Path(sys.argv[1])
sizes = [int(s) for s in sys.argv[2:]]


def label(n):
    if n % 1_000_000 == 0:
        return f"{n // 1_000_000}m"
    return f"{n // 1000}k" if n % 1000 == 0 else str(n)


def target_1m(case):
    """Issue 24's target at 1,000,000 models for a case (ms, p95), or None."""
    if case.startswith("dashboard snapshot"):
        return 500
    if case == "validation queue: first page (service)":
        return 300
    if case.startswith("start-up"):
        return 10_000
    if case.startswith(("first page", "two filters", "page at offset", "deep page", "text search", "search")):
        return 100
    return None


def read(n, benchmark):
    path = out / f"{label(n)}-{benchmark}.log"
    return path.read_text(errors="replace") if path.exists() else ""


def load(text):
    found = re.findall(r"load average (?:before|after): ([\d.]+)", text)
    return "–".join(found) if found else "?"


figures = {}  # (section, case) -> {n: (p50, p95, rows)}
loads = {}  # (section, n) -> text
order = []
failures = []


def share_of_size(case, n):
    """A case named by an absolute offset ("page at offset 90,000") named by its share of the size ("90 %"), so
    that the same case lines up across sizes."""
    return re.sub(r"offset (\d+(?:,\d{3})*)", lambda m: f"offset {int(m.group(1).replace(',', '')) * 100 // n} %", case)


def put(section, case, n, p50, p95, rows=""):
    key = (section, share_of_size(case, n))
    if key not in figures:
        figures[key] = {}
        order.append(key)
    figures[key][n] = (p50, p95, rows)


for n in sizes:
    gen = read(n, "generator")
    if gen:
        m = re.search(r": ([\d,]+) models, ([\d,]+) rows in ([\d.]+) s .*?, ([\d,]+) MB", gen)
        rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", gen)
        cpu = [float(x) for x in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", gen)]
        if m:
            put("generator", "rows", n, None, float(m.group(2).replace(",", "")))
            put("generator", "wall time (s)", n, None, float(m.group(3)))
            put("generator", "file (MB)", n, None, float(m.group(4).replace(",", "")))
        if cpu:
            put("generator", "CPU time, user + system (s)", n, None, sum(cpu))
        if rss:
            put("generator", "peak RSS (MB)", n, None, int(rss.group(1)) / 1024)
        loads[("generator", n)] = load(gen)
    for benchmark in ("matrix", "screens"):
        text = read(n, benchmark)
        if not text:
            continue
        loads[(benchmark, n)] = load(text)
        for line in text.splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) == 10 and re.fullmatch(r"[\d,]+", cells[1]) and re.fullmatch(r"\d+", cells[2]):
                try:
                    put(benchmark, cells[0], n, float(cells[3]), float(cells[4]), cells[1])
                except ValueError:
                    put(benchmark, cells[0], n, None, None, cells[1])
            elif "FAILS:" in line:
                failures.append(f"{label(n)} {benchmark}: {line.strip()}")
        for m in re.finditer(r"Export of the whole matrix as CSV \(([\d,]+) lines.*?p50 ([\d,]+) ms, p95 ([\d,]+) ms", text):
            put("screens", "export of the whole matrix as CSV", n, float(m.group(2).replace(",", "")),
                float(m.group(3).replace(",", "")), m.group(1))
        summarised = set()
        for m in re.finditer(r"Start-up to readiness UP \(([\w-]+)\): n \d+, p50 ([\d,]+) ms, p95 ([\d,]+) ms", text):
            summarised.add(m.group(1))
            put("start-up", f"start-up, {m.group(1)}", n, float(m.group(2).replace(",", "")),
                float(m.group(3).replace(",", "")))
        # A launch that stopped part-way (a run not ready in time) prints its finished runs only: show those.
        launch, runs = None, {}
        for line in text.splitlines():
            if line.startswith("Start-up: "):
                launch = "aot-cache" if "AOTCache" in line else "jar"
            m = re.match(r"\s+run \d+: ready after ([\d,]+) ms", line)
            if m and launch:
                runs.setdefault(launch, []).append(float(m.group(1).replace(",", "")))
        for kind, times in runs.items():
            if kind not in summarised:
                put("start-up", f"start-up, {kind} (incomplete: {len(times)} run(s) ready, the next not)", n,
                    min(times), max(times))
        if "BENCHMARK FAILED" in text or "OutOfMemory" in text or "Out of Memory" in text:
            for line in text.splitlines():
                if "BENCHMARK FAILED" in line or "Out of Memory" in line or "OutOfMemory" in line:
                    failures.append(f"{label(n)} {benchmark}: {line.strip()[:300]}")
                    break
    text = read(n, "ingest")
    if text:
        loads[("ingest", n)] = load(text)
        m = re.search(r"\| DuckDB \| ([\d,.]+) / ([\d,.]+) \| ([\d,.]+) \| ([\d,.]+) \| ([\d,.]+) \|", text)
        if m:
            f = [float(x.replace(",", "")) for x in m.groups()]
            put("ingest", "POST of 1,000 results (ms)", n, f[0], f[1])
            put("ingest", "POST → readable p95 (ms)", n, None, f[2])
            put("ingest", "results/s, one client", n, None, f[3])
            put("ingest", "results/s, several clients", n, None, f[4])
        elif "FAILS" in text or "BENCHMARK FAILED" in text:
            failures.append(f"{label(n)} ingest: failed (see its log)")


def num(x):
    if x is None:
        return "—"
    return f"{x:,.0f}" if abs(x) >= 100 else f"{x:.1f}"


heads = " | ".join(f"{label(n)} p50 / p95" for n in sizes)
ratios = " | ".join(f"{label(b)} / {label(a)}" for a, b in zip(sizes, sizes[1:]))
print(f"# Cost curve: {', '.join(label(n) for n in sizes)} models (DuckDB)\n")
print("Ratios are of p95 (of the single figure where there is no p95); the target is issue 24's at 1,000,000 models.\n")
section = None
for key in order:
    if key[0] != section:
        section = key[0]
        print(f"\n## {section}\n")
        print(f"load average (before–after per size): "
              + "; ".join(f"{label(n)} {loads.get((section if section != 'start-up' else 'screens', n), '?')}" for n in sizes) + "\n")
        print(f"| case | {heads} |" + (f" {ratios} |" if ratios else "") + " target at 1m | at 1m |")
        print("|---|" + "---:|" * len(sizes) + "---:|" * (len(sizes) - 1) + "---|---|")
    values = figures[key]
    cells = []
    for n in sizes:
        v = values.get(n)
        cells.append("—" if v is None else (num(v[1]) if v[0] is None else f"{num(v[0])} / {num(v[1])}"))
    rs = []
    for a, b in zip(sizes, sizes[1:]):
        va, vb = values.get(a), values.get(b)
        rs.append(f"{vb[1] / va[1]:.1f}×" if va and vb and va[1] and vb[1] else "—")
    target = target_1m(key[1]) if key[0] in ("matrix", "screens", "start-up") else None
    big = values.get(1_000_000)
    verdict = "" if target is None or big is None or big[1] is None else ("met" if big[1] <= target else "**missed**")
    print(f"| {key[1]} | {' | '.join(cells)} |" + (f" {' | '.join(rs)} |" if rs else "") + f" {'≤ ' + format(target, ',') + ' ms' if target else ''} | {verdict} |")
if failures:
    print("\n## failures\n")
    for f in failures:
        print(f"- {f}")
