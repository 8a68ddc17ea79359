#!/usr/bin/env bash
# How many times faster gex's full analysis of the bundled SPX chain is than the numpy baseline's subset
# (gex-bench/numpy-baseline.py), measured alternately on the same machine: numpy, gex, numpy per round.
# Issue 14 aims at 20 times. Both figures are CPU time of the work alone (numpy: the median of 30 runs;
# gex: CpuTimeReport's median of 9 batches of about 250 ms), so the ratio holds on a busy machine, and
# carries from one machine to another where milliseconds do not. Each round gives two ratios: numpy's
# subset against gex's whole analysis (what the issue asks), and against gex computing that same subset
# (resolve, gamma exposures by strike, one profile with its crossings: like for like).
#
# gex is warmed up for WARMUP seconds (default 20) before it is measured: on a 2-core machine the JIT takes
# about nine seconds to settle the full analysis (FullAnalysisBenchmark's class comment has the figures),
# and a shorter warm-up measures code still being compiled.
#
#   ./mvnw -q -pl gex-bench -am package -DskipTests    # once: builds gex-bench/target/benchmarks.jar
#   gex-bench/numpy-ratio.sh [ROUNDS]                  # default 3 rounds, about a minute and a half each
#
# Needs python3 with numpy and scipy.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=${1:-3}
jar=gex-bench/target/benchmarks.jar
if [ ! -f "$jar" ]; then
  echo "numpy-ratio: $jar is missing; build it with ./mvnw -q -pl gex-bench -am package -DskipTests" >&2
  exit 1
fi

numpy_cpu() {
  python3 gex-bench/numpy-baseline.py | sed -n 's/.*, \([0-9.]*\) ms CPU per run.*/\1/p'
}

for r in $(seq 1 "$rounds"); do
  before=$(numpy_cpu)
  report=$(java -Dwarmup="${WARMUP:-20}" -DbatchMillis=250 -cp "$jar" io.gex.bench.CpuTimeReport spx 2>/dev/null)
  gex_us=$(sed -n 's/^spx (.*): full \([0-9]*\) us.*/\1/p' <<<"$report")
  subset_us=$(sed -n "s/^spx numpy's subset: \([0-9]*\) us.*/\1/p" <<<"$report")
  after=$(numpy_cpu)
  if [ -z "$before" ] || [ -z "$gex_us" ] || [ -z "$subset_us" ] || [ -z "$after" ]; then
    echo "numpy-ratio: could not read a figure (numpy '$before' '$after', gex '$gex_us' '$subset_us')" >&2
    exit 1
  fi
  awk -v r="$r" -v a="$before" -v g="$gex_us" -v s="$subset_us" -v b="$after" \
    -v la="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
    n = (a + b) / 2
    printf "round %d (load %s): numpy %.1f / %.1f ms of CPU; gex, whole analysis %.2f ms: numpy / gex %.1f;" \
      " gex, numpy'"'"'s subset %.2f ms: numpy / gex %.1f\n", r, la, a, b, g / 1000, n / (g / 1000), s / 1000,
      n / (s / 1000)
  }'
done
