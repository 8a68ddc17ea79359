/**
 * JMH benchmarks of gex's hot paths: the full analysis, the gamma profile, the Black-Scholes greeks, max
 * pain, chain parsing, and (when their servers answer) storage writes and cache hits.
 *
 * <p>Run them from the repository root with the shaded jar, for example {@code java -jar
 * gex-bench/target/benchmarks.jar FullAnalysis}; {@code BENCHMARKS.md} at the repository root has the
 * headline command, the results and how to reproduce them. The real snapshots are read from the folder
 * named by the {@code gex.data} system property, {@code data/} by default. Nothing here is published.
 */
@NullMarked
package io.gex.bench;

import org.jspecify.annotations.NullMarked;
