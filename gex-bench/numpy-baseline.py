#!/usr/bin/env python3
"""The vectorised numpy way of computing part of a GEX analysis, timed on the bundled real SPX chain.

Issue 14 sets gex's speed targets against this: per-contract gamma exposure, GEX by strike, one 201-point
gamma profile between 0.8 and 1.2 times spot and its zero crossings refined with brentq -- the subset that
the usual numpy tutorials compute. gex computes all of that and much more (three profiles with proven
crossings, eight measures by strike and expiry, dealer positioning, pin risk, max pain, data quality), so
the ratio of the two times is a floor on how much faster gex is, and the ratio, unlike a figure in
milliseconds, carries over from one machine to another.

    python3 gex-bench/numpy-baseline.py [data/cboe-spx-2022-12-12.csv] [repeats]

Reading the file is not timed. The figure printed is the median over the repeats of wall time and of the
process's CPU time per run. Needs numpy and scipy.
"""

import csv
import datetime as dt
import statistics
import sys
import time

import numpy as np
from scipy.optimize import brentq

MULTIPLIER = 100.0
RATE = 0.0
LOW, HIGH, POINTS = 0.8, 1.2, 201
MIN_T = 15 / (365 * 24 * 60)  # gex floors time to expiry at 15 minutes; do the same


def load(path):
    """Strikes, call flags, IVs, open interest and years to expiry (PM settlement, 16:00 New York)."""
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    spot = float(rows[1][1].split(":")[1])
    stamp = rows[2][0].replace("Date: ", "").replace(" EST", "")
    now = dt.datetime.strptime(stamp, "%B %d, %Y at %I:%M %p")
    strikes, calls, ivs, ois, years = [], [], [], [], []
    for r in rows[4:]:
        if len(r) < 22:
            continue
        expiry = dt.datetime.strptime(r[0], "%a %b %d %Y").replace(hour=16)
        t = max((expiry - now).total_seconds() / (365 * 24 * 3600), MIN_T)
        strike = float(r[11])
        for is_call, iv, oi in ((True, r[7], r[10]), (False, r[18], r[21])):
            strikes.append(strike)
            calls.append(is_call)
            ivs.append(float(iv))
            ois.append(float(oi))
            years.append(t)
    return spot, np.array(strikes), np.array(calls), np.array(ivs), np.array(ois), np.array(years)


def analyse(spot, strike, call, iv, oi, t):
    ok = iv > 0  # placeholder IVs of 0 would divide by zero; rows without open interest stay, as in the tutorials
    k, c, v, o, tt = strike[ok], call[ok], iv[ok], oi[ok], t[ok]
    sign = np.where(c, 1.0, -1.0)
    sqrt_t = np.sqrt(tt)

    def gamma(s):
        s = np.asarray(s, dtype=float).reshape(-1, 1)
        d1 = (np.log(s / k) + (RATE + 0.5 * v * v) * tt) / (v * sqrt_t)
        return np.exp(-0.5 * d1 * d1) / (np.sqrt(2 * np.pi) * s * v * sqrt_t)

    # Per-contract GEX at spot (dollars per 1% move), and by strike.
    gex = sign * gamma(spot)[0] * o * MULTIPLIER * spot * spot * 0.01
    strikes, inverse = np.unique(k, return_inverse=True)
    by_strike = np.bincount(inverse, weights=gex)

    # The profile: every contract re-priced at 201 spots, summed.
    spots = np.linspace(LOW * spot, HIGH * spot, POINTS)
    weights = sign * o * MULTIPLIER * 0.01
    profile = (gamma(spots) * weights).sum(axis=1) * spots * spots

    def total(s):
        return float((gamma(s)[0] * weights).sum() * s * s)

    flips = [
        brentq(total, spots[j], spots[j + 1], xtol=1e-9)
        for j in np.nonzero(np.sign(profile[:-1]) * np.sign(profile[1:]) < 0)[0]
    ]
    return gex.sum(), by_strike, profile, flips


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "data/cboe-spx-2022-12-12.csv"
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    chain = load(path)
    total, by_strike, _, flips = analyse(*chain)  # warm-up
    walls, cpus = [], []
    for _ in range(repeats):
        w0, c0 = time.perf_counter(), time.process_time()
        analyse(*chain)
        walls.append(time.perf_counter() - w0)
        cpus.append(time.process_time() - c0)
    print(
        f"{path}: {len(chain[1])} contracts, total GEX {total / 1e9:.2f} $bn, {len(by_strike)} strikes,"
        f" flips {', '.join(f'{f:,.2f}' for f in flips)}"
    )
    print(
        f"numpy {np.__version__}: {statistics.median(walls) * 1e3:.1f} ms wall,"
        f" {statistics.median(cpus) * 1e3:.1f} ms CPU per run (median of {repeats})"
    )


if __name__ == "__main__":
    main()
