package io.gex.analysis;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Max pain, high open-interest strikes and pin-risk scores per expiry.
 *
 * <h2>Which contracts count</h2>
 *
 * <p>Every contract not yet settled and inside the expiry selection counts, <b>whether or not it could be
 * priced</b>: max pain is intrinsic value and needs no volatility. So max pain, the pin strike, the
 * concentration, the top strikes and the open interest by strike use all of that open interest, and are the
 * same under every {@link io.gex.settings.IvSource} (the sums even add the same numbers in the same order). Every
 * such expiry is reported, including one where no contract has a usable volatility. Only the figures that
 * need a volatility use the priced contracts alone: the at-the-money volatility, hence the expected move, the
 * proximity and the score. An expiry with no priced contract reports 0 for the at-the-money volatility, the
 * expected move, the proximity and the score (unknown, not a guess). Contracts of one expiry date with
 * different settlement styles (AM and PM) are treated as one expiry.
 *
 * <h2>Per expiry</h2>
 *
 * <ul>
 *   <li><b>Max pain</b>: the expiry's listed strike {@code s} minimising {@code multiplier × (Σ_calls
 *       OI·max(s - K, 0) + Σ_puts OI·max(K - s, 0))}, the intrinsic value paid to holders at settlement;
 *       computed with running sums over the ascending strikes, O(m) per expiry after the O(n) grouping of
 *       the already sorted strikes. Ties (payouts within 1e-12 of Σ OI·K of the minimum) go to the strike
 *       nearest spot, then the lower one. Payouts are doubles: any open interest and strike gives a strike;
 *       a payout beyond the double range saturates at {@code Double.MAX_VALUE}.
 *   <li><b>Top strikes</b>: the {@code topStrikes} strikes with the largest call + put open interest, with
 *       their share of the expiry's open interest; strikes with no open interest are never listed. The
 *       analysis also ranks strikes over the whole chain, with shares of the chain's open interest.
 *   <li><b>At-the-money volatility and time</b>: each strike's implied volatility is the mean over its
 *       priced call and put, its time to settlement the mean over all its contracts; the at-the-money
 *       figures interpolate linearly in strike between the two strikes around spot (strikes with a priced
 *       contract for the volatility, all listed strikes for the time; the nearest strike's figure when spot
 *       is outside them).
 *   <li><b>Expected move</b>: {@code spot × σ_atm × √T}, index points, T in years.
 *   <li><b>Pin strike</b>: the listed strike nearest spot (ties: more open interest, then lower).
 * </ul>
 *
 * <h2>Pin-risk score</h2>
 *
 * <p>{@code score = 100 × w(c) × p(z) × t(d)}, in [0, 100], with three components in [0, 1]:
 *
 * <ul>
 *   <li>concentration {@code c}: the pin strike's share of the expiry's open interest (0 when the expiry has
 *       none), weighted by the saturating {@code w(c) = c (1 + c0) / (c + c0)}, which rises from w(0) = 0
 *       to w(1) = 1 and reaches about one half at {@code c = c0} (the {@code concentrationScale}, default
 *       0.05: a strike holding 5% of an expiry's open interest is already a notable magnet);
 *   <li>proximity {@code p(z) = exp(-z² / 2)}, with {@code z = |spot - pinStrike| / expectedMove} the
 *       distance to the pin strike in expected moves to settlement: 1 at the strike, 0.61 one move away;
 *   <li>time factor {@code t(d) = d0 / (d0 + d)}, with {@code d} the time to settlement in (fractional)
 *       calendar days and {@code d0} the {@code timeScaleDays} (default 2): 1 at settlement, one half
 *       {@code d0} days before it.
 * </ul>
 *
 * <p>The score rises with concentration, falls with the distance in expected moves, and rises as
 * settlement approaches (each strictly so while the other two components are positive).
 *
 * <p>This class is stateless and thread-safe.
 */
public final class PinRiskAnalyzer {

  /** The default number of strikes ranked per expiry and over the chain. */
  public static final int DEFAULT_TOP_STRIKES = 5;

  /** The default half-saturation share {@code c0} of the concentration weight. */
  public static final double DEFAULT_CONCENTRATION_SCALE = 0.05;

  /** The default time scale {@code d0} of the time factor, calendar days. */
  public static final double DEFAULT_TIME_SCALE_DAYS = 2.0;

  /** The shared instance with the default parameters. */
  public static final PinRiskAnalyzer DEFAULT =
      new PinRiskAnalyzer(DEFAULT_TOP_STRIKES, DEFAULT_CONCENTRATION_SCALE, DEFAULT_TIME_SCALE_DAYS);

  private final int topStrikes;
  private final double concentrationScale;
  private final double timeScaleDays;

  /**
   * An analyzer with the given parameters.
   *
   * @param topStrikes strikes ranked per expiry and over the chain, {@code >= 1}
   * @param concentrationScale the share {@code c0} at which the concentration weight is about one half,
   *     in (0, 1]
   * @param timeScaleDays the days {@code d0} before settlement at which the time factor is one half,
   *     finite and {@code > 0}
   * @throws IllegalArgumentException if a parameter is out of range
   */
  public PinRiskAnalyzer(int topStrikes, double concentrationScale, double timeScaleDays) {
    if (topStrikes < 1) {
      throw new IllegalArgumentException("topStrikes must be >= 1, was " + topStrikes);
    }
    if (!(concentrationScale > 0 && concentrationScale <= 1)) {
      throw new IllegalArgumentException(
          "concentrationScale must be in (0, 1], was " + concentrationScale);
    }
    if (!(timeScaleDays > 0) || Double.isInfinite(timeScaleDays)) {
      throw new IllegalArgumentException(
          "timeScaleDays must be finite and > 0, was " + timeScaleDays);
    }
    this.topStrikes = topStrikes;
    this.concentrationScale = concentrationScale;
    this.timeScaleDays = timeScaleDays;
  }

  /**
   * Pin risk of every expiry of the resolved chain (each live expiry in the selection, priced or not),
   * ascending by expiry, with the chain's top strikes and open interest by strike.
   *
   * @throws NullPointerException if chain is null
   */
  public PinRiskAnalysis analyze(ResolvedChain chain) {
    Objects.requireNonNull(chain, "chain");
    Positions p = new Positions(chain);
    int size = p.size;
    if (size == 0) {
      return PinRiskAnalysis.EMPTY;
    }
    int strikeCount = p.strikes.length;
    int expiryCount = p.expiries.length;

    // Group contracts by expiry, ascending strikes within.
    int[] start = new int[expiryCount + 1];
    int[] order = new int[size];
    CountingSort.byTwoKeys(size, p.expiryIndex, expiryCount, p.strikeIndex, 0, strikeCount, start, order);

    double[] chainOi = new double[strikeCount];
    double[] chainCallOi = new double[strikeCount];
    double[] chainPutOi = new double[strikeCount];
    double chainTotal = 0;
    for (int i = 0; i < size; i++) {
      (p.call[i] ? chainCallOi : chainPutOi)[p.strikeIndex[i]] += p.openInterest[i];
      chainOi[p.strikeIndex[i]] += p.openInterest[i];
      chainTotal += p.openInterest[i];
    }

    // Scratch per expiry, reused: an expiry lists at most every strike of the chain.
    double[] k = new double[strikeCount];
    double[] callOi = new double[strikeCount];
    double[] putOi = new double[strikeCount];
    double[] oi = new double[strikeCount];
    double[] tauSum = new double[strikeCount];
    int[] count = new int[strikeCount];
    double[] pricedStrike = new double[strikeCount];
    double[] pricedVol = new double[strikeCount];
    double[] payout = new double[strikeCount];

    double spot = chain.spot;
    double multiplier = chain.settings.multiplier();
    double daysPerYear = chain.settings.daysPerYear();
    List<ExpiryPinRisk> expiries = new ArrayList<>(expiryCount);
    for (int e = 0; e < expiryCount; e++) {
      int m = -1;
      int pm = 0; // strikes with a priced contract
      double volSum = 0;
      int volCount = 0;
      double total = 0;
      for (int o = start[e]; o < start[e + 1]; o++) {
        int i = order[o];
        if (m < 0 || p.strike[i] != k[m]) {
          if (volCount > 0) {
            pricedStrike[pm] = k[m];
            pricedVol[pm++] = volSum / volCount;
          }
          volSum = 0;
          volCount = 0;
          m++;
          k[m] = p.strike[i];
          callOi[m] = 0;
          putOi[m] = 0;
          tauSum[m] = 0;
          count[m] = 0;
        }
        if (p.call[i]) {
          callOi[m] += p.openInterest[i];
        } else {
          putOi[m] += p.openInterest[i];
        }
        if (p.vol[i] > 0) {
          volSum += p.vol[i];
          volCount++;
        }
        tauSum[m] += p.tau[i];
        count[m]++;
        total += p.openInterest[i];
      }
      if (volCount > 0) {
        pricedStrike[pm] = k[m];
        pricedVol[pm++] = volSum / volCount;
      }
      m++;
      for (int j = 0; j < m; j++) {
        oi[j] = callOi[j] + putOi[j];
      }

      int maxPain = MaxPain.index(k, callOi, putOi, m, spot, payout);

      // At-the-money time (every contract) and volatility (priced ones): linear in strike around spot.
      double atmTau = interpolate(k, tauSum, count, m, spot);
      double atmVol = pm == 0 ? 0 : interpolate(pricedStrike, pricedVol, null, pm, spot);
      double expectedMove = spot * atmVol * Math.sqrt(atmTau);

      int pin = 0;
      for (int j = 1; j < m; j++) {
        double dj = Math.abs(k[j] - spot);
        double dp = Math.abs(k[pin] - spot);
        if (dj < dp || (dj == dp && oi[j] > oi[pin])) {
          pin = j;
        }
      }
      double concentration = total > 0 ? Math.min(1, oi[pin] / total) : 0;
      double weight = concentrationWeight(concentration);
      // With no priced contract there is no expected move: proximity and score are 0, not a guess.
      double proximity = pm == 0 ? 0 : proximity(distanceInMoves(spot, k[pin], expectedMove));
      double timeFactor = timeFactor(atmTau * daysPerYear);
      double score = clampScore(100 * weight * proximity * timeFactor);

      expiries.add(
          new ExpiryPinRisk(
              p.expiries[e],
              Math.max(0, ChronoUnit.DAYS.between(chain.valuationDate, p.expiries[e])),
              k[maxPain],
              Math.min(payout[maxPain] * multiplier, Double.MAX_VALUE),
              k[pin],
              score,
              concentration,
              weight,
              proximity,
              timeFactor,
              expectedMove,
              atmVol,
              atmTau,
              top(k, oi, m, total)));
    }
    return new PinRiskAnalysis(
        expiries,
        top(p.strikes, chainOi, strikeCount, chainTotal),
        new OpenInterestByStrike(
            DoubleArray.copyOf(p.strikes),
            DoubleArray.copyOf(chainCallOi),
            DoubleArray.copyOf(chainPutOi)));
  }

  /**
   * The value at spot, linear in strike between the two strikes around it (the nearest strike's value
   * outside them); the value at strike j is {@code sum[j] / count[j]}, or {@code sum[j]} when count is null.
   */
  private static double interpolate(
      double[] strikes, double[] sum, int @Nullable [] count, int m, double spot) {
    int hi = 0;
    while (hi < m && strikes[hi] < spot) {
      hi++;
    }
    if (hi == 0 || hi == m) {
      int j = hi == 0 ? 0 : m - 1;
      return count == null ? sum[j] : sum[j] / count[j];
    }
    int lo = hi - 1;
    double w = (spot - strikes[lo]) / (strikes[hi] - strikes[lo]);
    double atLo = count == null ? sum[lo] : sum[lo] / count[lo];
    double atHi = count == null ? sum[hi] : sum[hi] / count[hi];
    return (1 - w) * atLo + w * atHi;
  }

  /**
   * Every live, selected contract of a resolved chain, priced or not, with indices into the sorted distinct
   * strikes and expiries of them all: the priced contracts first, then the unpriced ones (vol 0).
   */
  private static final class Positions {
    final int size;
    final double[] strike;
    final boolean[] call;
    final double[] openInterest;
    final double[] tau;
    final double[] vol;
    final double[] strikes;
    final LocalDate[] expiries;
    final int[] strikeIndex;
    final int[] expiryIndex;

    Positions(ResolvedChain chain) {
      int n = chain.n;
      ResolvedChain.Priced u = chain.unpriced;
      size = n + u.size;
      strike = new double[size];
      call = new boolean[size];
      openInterest = new double[size];
      tau = new double[size];
      vol = new double[size]; // 0 for the unpriced
      strikeIndex = new int[size];
      expiryIndex = new int[size];
      // Priced and unpriced merged back into the chain's order, so that every sum below adds the same
      // numbers in the same order whatever the IV source priced: max pain is then independent of it to
      // the last bit, even where open interest is too large for exact sums.
      int[] source = new int[size]; // >= 0: a priced contract; < 0: unpriced -(index + 1)
      for (int a = 0, b = 0, o = 0; o < size; o++) {
        boolean takePriced = b == u.size || (a < n && chain.chainIndex[a] < u.chainIndex[b]);
        source[o] = takePriced ? a++ : -(b++ + 1);
      }
      for (int o = 0; o < size; o++) {
        int i = source[o];
        if (i >= 0) {
          strike[o] = chain.strike[i];
          call[o] = chain.call[i];
          openInterest[o] = chain.openInterest[i];
          tau[o] = chain.tau[i];
          vol[o] = chain.vol[i];
          strikeIndex[o] = chain.strikeIndex[i];
          expiryIndex[o] = chain.expiryIndex[i];
        } else {
          int j = -i - 1;
          strike[o] = u.strike[j];
          call[o] = u.call[j];
          openInterest[o] = u.openInterest[j];
          tau[o] = u.tau[j];
        }
      }
      if (u.size == 0) {
        strikes = chain.strikes;
        expiries = chain.expiries;
        return;
      }
      // The union of the priced strikes (sorted, distinct) and the unpriced ones.
      double[] extra = Arrays.copyOf(u.strike, u.size);
      Arrays.sort(extra);
      double[] merged = new double[chain.strikes.length + extra.length];
      int a = 0;
      int b = 0;
      int m = 0;
      int[] pricedToUnion = new int[chain.strikes.length];
      while (a < chain.strikes.length || b < extra.length) {
        double next =
            b == extra.length || (a < chain.strikes.length && chain.strikes[a] <= extra[b])
                ? chain.strikes[a]
                : extra[b];
        if (m == 0 || merged[m - 1] != next) {
          merged[m++] = next;
        }
        if (a < chain.strikes.length && chain.strikes[a] == next) {
          pricedToUnion[a++] = m - 1;
        } else {
          b++;
        }
      }
      strikes = Arrays.copyOf(merged, m);
      java.util.TreeSet<LocalDate> expirySet = new java.util.TreeSet<>(Arrays.asList(chain.expiries));
      for (int i = 0; i < u.size; i++) {
        if (i == 0 || !u.expiry[i].equals(u.expiry[i - 1])) {
          expirySet.add(u.expiry[i]);
        }
      }
      expiries = expirySet.toArray(new LocalDate[0]);
      int[] pricedExpiryToUnion = new int[chain.expiries.length];
      for (int e = 0; e < chain.expiries.length; e++) {
        pricedExpiryToUnion[e] = Arrays.binarySearch(expiries, chain.expiries[e]);
      }
      for (int o = 0; o < size; o++) {
        if (source[o] >= 0) {
          strikeIndex[o] = pricedToUnion[strikeIndex[o]];
          expiryIndex[o] = pricedExpiryToUnion[expiryIndex[o]];
        } else {
          strikeIndex[o] = Arrays.binarySearch(strikes, strike[o]);
          expiryIndex[o] = Arrays.binarySearch(expiries, u.expiry[-source[o] - 1]);
        }
      }
    }
  }

  /**
   * The weight {@code w(c) = c (1 + c0) / (c + c0)} of a concentration; increasing, w(0) = 0, w(1) = 1.
   *
   * @param concentration the pin strike's share of the expiry's open interest, in [0, 1]
   * @throws IllegalArgumentException if concentration is outside [0, 1]
   */
  public double concentrationWeight(double concentration) {
    if (!(concentration >= 0 && concentration <= 1)) {
      throw new IllegalArgumentException("concentration must be in [0, 1], was " + concentration);
    }
    return Math.min(1, concentration * (1 + concentrationScale) / (concentration + concentrationScale));
  }

  /**
   * The proximity {@code exp(-z² / 2)} of spot to the pin strike, {@code z} in expected moves; decreasing
   * in z, 1 at z = 0.
   *
   * @param distanceInMoves {@code |spot - pinStrike| / expectedMove}, {@code >= 0} (may be infinite)
   * @throws IllegalArgumentException if distanceInMoves is negative or NaN
   */
  public double proximity(double distanceInMoves) {
    if (!(distanceInMoves >= 0)) {
      throw new IllegalArgumentException("distanceInMoves must be >= 0, was " + distanceInMoves);
    }
    return Math.exp(-0.5 * distanceInMoves * distanceInMoves);
  }

  /**
   * The time factor {@code d0 / (d0 + d)}; decreasing in d, 1 at settlement.
   *
   * @param daysToSettlement calendar days to settlement (fractional), {@code >= 0}
   * @throws IllegalArgumentException if daysToSettlement is negative or NaN
   */
  public double timeFactor(double daysToSettlement) {
    if (!(daysToSettlement >= 0)) {
      throw new IllegalArgumentException("daysToSettlement must be >= 0, was " + daysToSettlement);
    }
    return timeScaleDays / (timeScaleDays + daysToSettlement);
  }

  /**
   * The pin-risk score {@code 100 × w(concentration) × p(distanceInMoves) × t(daysToSettlement)}, in [0,
   * 100].
   *
   * @param concentration the pin strike's share of the expiry's open interest, in [0, 1]
   * @param distanceInMoves {@code |spot - pinStrike| / expectedMove}, {@code >= 0}
   * @param daysToSettlement calendar days to settlement, {@code >= 0}
   * @throws IllegalArgumentException if an argument is out of range
   */
  public double score(double concentration, double distanceInMoves, double daysToSettlement) {
    return clampScore(
        100
            * concentrationWeight(concentration)
            * proximity(distanceInMoves)
            * timeFactor(daysToSettlement));
  }

  /** The number of strikes this analyzer ranks. */
  public int topStrikes() {
    return topStrikes;
  }

  /** The half-saturation share {@code c0} of the concentration weight. */
  public double concentrationScale() {
    return concentrationScale;
  }

  /** The time scale {@code d0} of the time factor, calendar days. */
  public double timeScaleDays() {
    return timeScaleDays;
  }

  @Override
  public String toString() {
    return "PinRiskAnalyzer[topStrikes="
        + topStrikes
        + ", concentrationScale="
        + concentrationScale
        + ", timeScaleDays="
        + timeScaleDays
        + "]";
  }

  private static double clampScore(double score) {
    return Math.max(0, Math.min(100, score));
  }

  private static double distanceInMoves(double spot, double strike, double expectedMove) {
    double gap = Math.abs(spot - strike);
    if (gap == 0) {
      return 0;
    }
    return expectedMove > 0 ? gap / expectedMove : Double.POSITIVE_INFINITY;
  }

  /**
   * The largest open interests first (ties: lower strike), at most {@link #topStrikes}, none with zero
   * open interest. One pass keeping the best so far in order (an insertion into at most topStrikes), with
   * no sort of boxed indices.
   */
  private List<OpenInterestStrike> top(double[] strikes, double[] oi, int m, double total) {
    int[] best = new int[Math.min(topStrikes, Math.max(m, 1))];
    int kept = 0;
    for (int j = 0; j < m; j++) {
      double v = oi[j];
      boolean full = kept == best.length;
      if (!(v > 0) || (full && !ranksBefore(v, strikes[j], oi, strikes, best[kept - 1]))) {
        continue;
      }
      int at = full ? kept - 1 : kept++;
      while (at > 0 && ranksBefore(v, strikes[j], oi, strikes, best[at - 1])) {
        best[at] = best[at - 1];
        at--;
      }
      best[at] = j;
    }
    List<OpenInterestStrike> out = new ArrayList<>(kept);
    for (int r = 0; r < kept; r++) {
      int j = best[r];
      out.add(
          new OpenInterestStrike(
              strikes[j], Math.round(oi[j]), total > 0 ? Math.min(1, oi[j] / total) : 0));
    }
    return out;
  }

  /** Whether open interest v at strike k ranks before index j: more, or as much at a lower strike. */
  private static boolean ranksBefore(double v, double k, double[] oi, double[] strikes, int j) {
    return v > oi[j] || (v == oi[j] && k < strikes[j]);
  }
}
