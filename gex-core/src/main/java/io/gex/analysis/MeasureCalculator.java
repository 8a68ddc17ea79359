package io.gex.analysis;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The exposures of any set of {@linkplain Measure measures} at spot, by strike, by expiry and in total, in
 * one pass over the contracts: each contract's {@code d1}, density and (when a measure needs it) normal
 * distribution function are computed once and shared by its measures. Contracts with zero open interest are
 * counted in the contracts and open interest by expiry but weigh nothing.
 *
 * <p>Every term is finite for the values {@link io.gex.chain.OptionContract}, {@link
 * io.gex.chain.OptionChain} and {@link io.gex.settings.GexSettings} accept (see {@link DealerPositioningAnalyzer}).
 *
 * <p>This class is stateless and thread-safe.
 */
public final class MeasureCalculator {

  /** The shared instance. */
  public static final MeasureCalculator DEFAULT = new MeasureCalculator();

  /**
   * The measures whose net figures are summed contract by contract, in chain order: the dealer's delta,
   * vanna and charm have always been reported that way (to the last bit). The others' nets are their calls
   * plus their puts.
   */
  private static final Set<Measure> NET_SUMMED =
      java.util.Collections.unmodifiableSet(EnumSet.of(Measure.DELTA, Measure.VANNA, Measure.CHARM));

  /**
   * The exposures of the given measures at the chain's spot. With {@link Measure#GAMMA} among them, the
   * net GEX by expiry and strike (the heatmap of {@link ExposureCalculator}) is kept too.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if no measure is given
   */
  public MeasureExposures calculate(ResolvedChain chain, Set<Measure> measures) {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(measures, "measures");
    if (measures.isEmpty()) {
      throw new IllegalArgumentException("measures must not be empty");
    }
    Measure[] ms = EnumSet.copyOf(measures).toArray(new Measure[0]);
    int count = ms.length;
    int[] slot = new int[count];
    boolean needsCdf = false;
    boolean greeks = false;
    boolean[] netSummed = new boolean[count];
    for (int m = 0; m < count; m++) {
      slot[m] = ms[m].ordinal();
      needsCdf |= ms[m].needsCdf();
      greeks |= ms[m] != Measure.GAMMA;
      netSummed[m] = NET_SUMMED.contains(ms[m]);
    }
    int strikes = chain.strikes.length;
    int expiries = chain.expiries.length;
    int all = Measure.values().length;
    double[][] callByStrike = new double[all][];
    double[][] putByStrike = new double[all][];
    double[][] netByStrike = new double[all][];
    double[][] callByExpiry = new double[all][];
    double[][] putByExpiry = new double[all][];
    double[][] netByExpiry = new double[all][];
    double[] callTotal = new double[all];
    double[] putTotal = new double[all];
    double[] netTotal = new double[all];
    double[] gross = new double[all];
    boolean heat = measures.contains(Measure.GAMMA);
    int gammaSlot = Measure.GAMMA.ordinal();
    double[] heatmap = new double[heat ? expiries * strikes : 0];
    long[] oiByExpiry = new long[expiries];
    int[] countByExpiry = new int[expiries];
    double spot = chain.spot;
    double lnS = Math.log(spot);
    // Flat sums, [m * strikes + k] and [m * expiries + e] for the m-th measure asked, copied into the rows
    // at the end (or the rows themselves when one measure is asked): one array per side instead of a row
    // per measure, so that the passes below load no row. Each sum still adds the same numbers in chain
    // order (the figures are those of a row per measure).
    double[] flatCallByStrike = new double[count * strikes];
    double[] flatPutByStrike = new double[count * strikes];
    double[] flatNetByStrike = new double[count * strikes];
    double[] flatCallByExpiry = new double[count * expiries];
    double[] flatPutByExpiry = new double[count * expiries];
    double[] flatNetByExpiry = new double[count * expiries];
    double[] flatCallTotal = new double[count];
    double[] flatPutTotal = new double[count];
    double[] flatNetTotal = new double[count];
    double[] flatGross = new double[count];
    int gammaAt = -1;
    for (int m = 0; m < count; m++) {
      if (slot[m] == gammaSlot) {
        gammaAt = m;
      }
    }
    if (count == 1 && gammaAt == 0) {
      gammaOnly(chain, lnS, flatCallByStrike, flatPutByStrike, flatCallByExpiry, flatPutByExpiry,
          flatCallTotal, flatPutTotal, flatGross, heatmap, oiByExpiry, countByExpiry);
    } else {
      // The one pass for any set of measures: each contract's greeks once, then each measure's exposure.
      ContractGreeks g = new ContractGreeks(chain, spot);
      for (int i = 0, n = chain.n; i < n; i++) {
        int e = chain.expiryIndex[i];
        int k = chain.strikeIndex[i];
        countByExpiry[e]++;
        oiByExpiry[e] += (long) chain.openInterest[i];
        if (chain.position[i] == 0) {
          continue; // every exposure is zero
        }
        g.load(i, lnS, greeks, needsCdf);
        double[] byStrike = g.call ? flatCallByStrike : flatPutByStrike;
        double[] byExpiry = g.call ? flatCallByExpiry : flatPutByExpiry;
        double[] total = g.call ? flatCallTotal : flatPutTotal;
        for (int m = 0, ks = k, es = e; m < count; m++, ks += strikes, es += expiries) {
          double x = ms[m].exposure(g);
          byStrike[ks] += x;
          byExpiry[es] += x;
          total[m] += x;
          if (netSummed[m]) {
            flatNetByStrike[ks] += x;
            flatNetByExpiry[es] += x;
            flatNetTotal[m] += x;
          }
          flatGross[m] += Math.abs(x);
          if (m == gammaAt && heat) {
            heatmap[e * strikes + k] += x;
          }
        }
      }
    }
    for (int m = 0; m < count; m++) {
      int s = slot[m];
      callByStrike[s] = row(flatCallByStrike, m, strikes, count);
      putByStrike[s] = row(flatPutByStrike, m, strikes, count);
      netByStrike[s] = row(flatNetByStrike, m, strikes, count);
      callByExpiry[s] = row(flatCallByExpiry, m, expiries, count);
      putByExpiry[s] = row(flatPutByExpiry, m, expiries, count);
      netByExpiry[s] = row(flatNetByExpiry, m, expiries, count);
      callTotal[s] = flatCallTotal[m];
      putTotal[s] = flatPutTotal[m];
      netTotal[s] = flatNetTotal[m];
      gross[s] = flatGross[m];
    }
    // The other measures' nets are their calls plus their puts (three sums fewer per contract and measure).
    for (int m = 0; m < count; m++) {
      if (!netSummed[m]) {
        int s = slot[m];
        for (int k = 0; k < strikes; k++) {
          netByStrike[s][k] = callByStrike[s][k] + putByStrike[s][k];
        }
        for (int e = 0; e < expiries; e++) {
          netByExpiry[s][e] = callByExpiry[s][e] + putByExpiry[s][e];
        }
        netTotal[s] = callTotal[s] + putTotal[s];
      }
    }
    return new MeasureExposures(
        chain,
        measures,
        callByStrike,
        putByStrike,
        netByStrike,
        callByExpiry,
        putByExpiry,
        netByExpiry,
        callTotal,
        putTotal,
        netTotal,
        gross,
        heatmap,
        oiByExpiry,
        countByExpiry);
  }

  /** Row m of {@code count} rows of {@code length} laid end to end (the array itself when it is the only one). */
  private static double[] row(double[] flat, int m, int length, int count) {
    return count == 1 ? flat : Arrays.copyOfRange(flat, m * length, (m + 1) * length);
  }

  /**
   * The pass for {@link Measure#GAMMA} alone (what a live chain's spot tick asks for): the same sums in the
   * same order as the pass for any set of measures, so the same figures to the last bit, without the per-measure
   * dispatch and with the Gaussian of a call/put pair that shares d1 computed once.
   */
  private static void gammaOnly(
      ResolvedChain chain,
      double lnS,
      double[] callByStrike,
      double[] putByStrike,
      double[] callByExpiry,
      double[] putByExpiry,
      double[] callTotal,
      double[] putTotal,
      double[] gross,
      double[] heatmap,
      long[] oiByExpiry,
      int[] countByExpiry) {
    int strikes = chain.strikes.length;
    double spot = chain.spot;
    int[] expiryIndex = chain.expiryIndex;
    int[] strikeIndex = chain.strikeIndex;
    double[] openInterest = chain.openInterest;
    double[] position = chain.position;
    double[] gexCoef = chain.gexCoef;
    boolean[] call = chain.call;
    boolean heat = heatmap.length > 0;
    double callSum = 0;
    double putSum = 0;
    double grossSum = 0;
    int loaded = -1; // the contract whose Gaussian is in gaussian, as ContractGreeks.load shares it
    double gaussian = 0;
    for (int i = 0, n = chain.n; i < n; i++) {
      int e = expiryIndex[i];
      int k = strikeIndex[i];
      countByExpiry[e]++;
      oiByExpiry[e] += (long) openInterest[i];
      if (position[i] == 0) {
        continue; // every exposure is zero
      }
      if (!chain.sharesD1(i, loaded)) {
        double d1 = chain.d1(i, lnS);
        gaussian = Math.exp(-0.5 * d1 * d1);
      }
      loaded = i;
      double x = spot * gexCoef[i] * gaussian;
      if (call[i]) {
        callByStrike[k] += x;
        callByExpiry[e] += x;
        callSum += x;
      } else {
        putByStrike[k] += x;
        putByExpiry[e] += x;
        putSum += x;
      }
      grossSum += Math.abs(x);
      if (heat) {
        heatmap[e * strikes + k] += x;
      }
    }
    callTotal[0] += callSum;
    putTotal[0] += putSum;
    gross[0] += grossSum;
  }

  /**
   * Each measure's total at a hypothetical spot (same volatilities and times to expiry), with the spot of
   * the scaling the hypothetical one, into {@code out} (aligned with {@code ms}).
   */
  static void totalsAt(ResolvedChain chain, Measure[] ms, double spot, double[] out) {
    boolean needsCdf = false;
    for (Measure m : ms) {
      needsCdf |= m.needsCdf();
    }
    java.util.Arrays.fill(out, 0, ms.length, 0);
    double lnS = Math.log(spot);
    ContractGreeks g = new ContractGreeks(chain, spot);
    for (int i = 0, n = chain.n; i < n; i++) {
      if (chain.position[i] == 0) {
        continue;
      }
      g.load(i, lnS, true, needsCdf);
      for (int m = 0; m < ms.length; m++) {
        out[m] += ms[m].exposure(g);
      }
    }
  }
}
