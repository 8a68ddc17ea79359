package io.gex.analysis;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The exposures of a set of measures at spot over one resolved chain, from {@link MeasureCalculator}: for
 * each, calls and puts by strike, by expiry and in total, and the gross (the sum of every contract's
 * |exposure|).
 *
 * <p>This class is immutable and thread-safe: the arrays are never exposed.
 */
public final class MeasureExposures {

  final ResolvedChain chain;
  private final Set<Measure> measures;

  /** Per measure ordinal (null when not calculated): per strike, calls and puts and, summed in contract order, both. */
  final double[][] callByStrike;

  final double[][] putByStrike;
  final double[][] netByStrike;
  final double[][] callByExpiry;
  final double[][] putByExpiry;
  final double[][] netByExpiry;
  final double[] callTotal;
  final double[] putTotal;
  final double[] netTotal;
  final double[] gross;

  /** Net GEX by expiry and strike (row-major, expiry × strikes) when GAMMA was calculated, else empty. */
  final double[] gammaHeatmap;

  /** Open interest and number of priced contracts of each expiry. */
  final long[] openInterestByExpiry;

  final int[] contractsByExpiry;

  MeasureExposures(
      ResolvedChain chain,
      Set<Measure> measures,
      double[][] callByStrike,
      double[][] putByStrike,
      double[][] netByStrike,
      double[][] callByExpiry,
      double[][] putByExpiry,
      double[][] netByExpiry,
      double[] callTotal,
      double[] putTotal,
      double[] netTotal,
      double[] gross,
      double[] gammaHeatmap,
      long[] openInterestByExpiry,
      int[] contractsByExpiry) {
    this.chain = chain;
    this.measures = Collections.unmodifiableSet(EnumSet.copyOf(measures));
    this.callByStrike = callByStrike;
    this.putByStrike = putByStrike;
    this.netByStrike = netByStrike;
    this.callByExpiry = callByExpiry;
    this.putByExpiry = putByExpiry;
    this.netByExpiry = netByExpiry;
    this.callTotal = callTotal;
    this.putTotal = putTotal;
    this.netTotal = netTotal;
    this.gross = gross;
    this.gammaHeatmap = gammaHeatmap;
    this.openInterestByExpiry = openInterestByExpiry;
    this.contractsByExpiry = contractsByExpiry;
  }

  /** The measures calculated. */
  public Set<Measure> measures() {
    return measures;
  }

  /**
   * The exposure of one measure, by strike, by expiry and in total.
   *
   * @throws IllegalArgumentException if the measure was not calculated
   */
  public MeasureExposure exposure(Measure measure) {
    int m = index(measure);
    return new MeasureExposure(
        measure,
        callTotal[m],
        putTotal[m],
        DoubleArray.copyOf(chain.strikes),
        DoubleArray.copyOf(callByStrike[m]),
        DoubleArray.copyOf(putByStrike[m]),
        List.of(chain.expiries),
        DoubleArray.copyOf(callByExpiry[m]),
        DoubleArray.copyOf(putByExpiry[m]));
  }

  /**
   * The sum of every contract's |exposure| of one measure.
   *
   * @throws IllegalArgumentException if the measure was not calculated
   */
  public double gross(Measure measure) {
    return gross[index(measure)];
  }

  /** The ordinal of a calculated measure. */
  int index(Measure measure) {
    Objects.requireNonNull(measure, "measure");
    if (!measures.contains(measure)) {
      throw new IllegalArgumentException(measure + " was not calculated; calculated: " + measures);
    }
    return measure.ordinal();
  }

  @Override
  public String toString() {
    return "MeasureExposures" + measures + " of " + chain.underlying + " (" + chain.n + " contracts)";
  }
}
