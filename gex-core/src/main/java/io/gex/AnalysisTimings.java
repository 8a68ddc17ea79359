package io.gex;

/**
 * How long the phases of one analysis took, in nanoseconds of the engine's ticker.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param symbol the underlying symbol
 * @param contracts contracts priced
 * @param resolveNanos resolving the chain (settlement, volatility, selection, kernel)
 * @param exposureNanos exposures at spot, walls, pin risk and dealer figures
 * @param profileNanos gamma profiles and their zero crossings
 * @param totalNanos the whole analysis
 */
public record AnalysisTimings(
    String symbol,
    int contracts,
    long resolveNanos,
    long exposureNanos,
    long profileNanos,
    long totalNanos) {}
