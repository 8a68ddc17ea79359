#!/usr/bin/env python3
"""Prints JMH JSON results (-rf json) as the Markdown table of BENCHMARKS.md.

Usage: python3 gex-bench/jmh-table.py gex-bench/target/jmh-result.json [more.json ...]

Columns: benchmark, parameters, median of the measurement iterations, mean ± 99.9% error, unit, and
for runs with -prof gc the allocation per operation. Secondary "megabytes" counters (ParsingBenchmark)
get a row of their own in MB/s.
"""
import json
import statistics
import sys


def fmt(x):
    if isinstance(x, str):  # JMH writes "NaN" when there are too few iterations for an error
        x = float(x)
    if x != x:
        return "n/a"
    if abs(x) >= 100:
        return f"{x:,.0f}"
    if abs(x) >= 10:
        return f"{x:.1f}"
    return f"{x:.3g}"


def rows(path):
    with open(path) as f:
        for r in json.load(f):
            name = r["benchmark"].replace("io.gex.bench.", "")
            params = ", ".join(f"{k}={v}" for k, v in (r.get("params") or {}).items())
            pm = r["primaryMetric"]
            raw = [x for fork in pm["rawData"] for x in fork]
            median = statistics.median(raw) if raw else float("nan")
            alloc = r.get("secondaryMetrics", {}).get("gc.alloc.rate.norm")
            alloc_text = f"{alloc['score'] / 1024:,.1f} KiB" if alloc else ""
            yield (name, params, fmt(median), f"{fmt(pm['score'])} ± {fmt(pm['scoreError'])}",
                   pm["scoreUnit"], alloc_text)
            mb = r.get("secondaryMetrics", {}).get("megabytes")
            if mb:
                mraw = [x for fork in mb["rawData"] for x in fork]
                yield (name + " (MB/s)", params, fmt(statistics.median(mraw)),
                       f"{fmt(mb['score'])} ± {fmt(mb['scoreError'])}", "MB/s", "")


def main(paths):
    print("| benchmark | params | median | mean ± error (99.9%) | unit | alloc/op |")
    print("| --- | --- | ---: | ---: | --- | ---: |")
    for path in paths:
        for row in rows(path):
            print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
