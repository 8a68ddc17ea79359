package io.gex.analysis;

import io.gex.internal.BlackScholesKernel;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.apache.commons.numbers.rootfinder.BrentSolver;

/**
 * Dealer delta, vanna and charm exposure, position class and hedging pressure.
 *
 * <h2>Exposures</h2>
 *
 * <p>Each contract counts with the sign {@code s} its gamma exposure gets under the settings' sign
 * convention (by default +1 for calls and -1 for puts: dealers long calls, short puts), so positive figures
 * are dealer long exposures. With Black-Scholes greeks ({@link io.gex.greeks.BlackScholes}) at spot
 * {@code S} and {@code w = s × OI × multiplier × S} (the {@link Measure}s {@code DELTA}, {@code VANNA} and
 * {@code CHARM}, summed by {@link MeasureCalculator}):
 *
 * <ul>
 *   <li>delta exposure {@code = w × delta}, dollars of underlying the dealers' options are equivalent to;
 *   <li>vanna exposure {@code = w × vanna × 0.01}, dollar delta change when volatility rises by one point
 *       (0.01), same volatility shift for every contract;
 *   <li>charm exposure {@code = w × charm / daysPerYear}, dollar delta change as one calendar day passes
 *       (spot and volatilities unchanged).
 * </ul>
 *
 * <p>They are summed by strike, by expiry and in total. With zero open interest every exposure is zero.
 * Every term is finite and far from overflow for the values {@link io.gex.chain.OptionContract} and {@link
 * io.gex.chain.OptionChain} accept (spot and strikes at most 1e9, open interest at most 1e10, volatility in
 * [1e-4, 100], at most about 401 years to expiry) with a multiplier of at most 1e6, the largest an engine
 * accepts: each contract's exposure stays below about 1e200, so the sums over any chain are finite too.
 *
 * <h2>Position and hedging</h2>
 *
 * <p>Gross GEX is the sum of every contract's |GEX| at spot. The position is {@link DealerPosition#NEUTRAL}
 * when |total GEX| is at most {@code neutralBand × gross GEX} (default {@value #DEFAULT_NEUTRAL_BAND}), or
 * when gross GEX is zero; otherwise long gamma for positive total GEX and short gamma for negative. The
 * hedge flow for a 1% move is total GEX, in dollars of underlying: a positive flow is sold on a 1% rise and
 * bought on a 1% fall (dealers long gamma lean against the move), a negative one the reverse. A short-gamma
 * position is destabilising: dealer hedging amplifies moves.
 *
 * <h2>Zero-delta level</h2>
 *
 * <p>Under either sign convention the dealers' own delta keeps one sign at every spot (a dealer long calls
 * and short puts is long delta through both), so a zero of it does not exist. The zero-delta level is
 * therefore, as usually quoted, the spot where the open interest's net delta crosses zero: {@code Σ OI ×
 * multiplier × delta}, with calls at their positive and puts at their negative delta (customers long every
 * option, dealers short it), re-priced at hypothetical spots with the same volatilities and times. That sum
 * rises strictly with spot (its derivative is a sum of gammas), so it has at most one zero, searched within
 * the profile range ({@code profileLow} to {@code profileHigh} times spot) by Halley's method from spot
 * (Newton's where the curvature term would more than halve or double the step), kept inside the bracket
 * the signs seen so far imply, to 1e-11 relative; Commons Numbers' Brent solver finishes a bracket the
 * steps do not settle in. It is empty when the net delta keeps one sign over the whole range. {@link
 * #zeroDelta(ResolvedChain, double[])} scans any other weighting over the profile grid.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class DealerPositioningAnalyzer {

  /** The default neutral band: |total GEX| at most 5% of gross GEX is neutral. */
  public static final double DEFAULT_NEUTRAL_BAND = 0.05;

  /** The shared instance with the default neutral band. */
  public static final DealerPositioningAnalyzer DEFAULT =
      new DealerPositioningAnalyzer(DEFAULT_NEUTRAL_BAND);

  /** Beyond |d1| of this, N(d1) is 0 or 1 to within 1e-19: no need for erfc. */
  private static final double CDF_CUTOFF = 9.0;

  private final double neutralBand;

  /**
   * An analyzer with the given neutral band.
   *
   * @param neutralBand the fraction of gross GEX within which |total GEX| counts as neutral, in [0, 1)
   * @throws IllegalArgumentException if neutralBand is outside [0, 1)
   */
  public DealerPositioningAnalyzer(double neutralBand) {
    if (!(neutralBand >= 0 && neutralBand < 1)) {
      throw new IllegalArgumentException("neutralBand must be in [0, 1), was " + neutralBand);
    }
    this.neutralBand = neutralBand;
  }

  /** The fraction of gross GEX within which |total GEX| counts as neutral. */
  public double neutralBand() {
    return neutralBand;
  }

  /**
   * The dealers' positioning in the resolved chain, given its gamma exposures at spot.
   *
   * @param chain the resolved chain
   * @param exposures the gamma exposures of the same chain at its spot (from {@link ExposureCalculator})
   * @throws NullPointerException if an argument is null
   */
  public DealerPositioning analyze(ResolvedChain chain, GexExposures exposures) {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(exposures, "exposures");
    return analyze(
        exposures,
        MeasureCalculator.DEFAULT.calculate(
            chain, EnumSet.of(Measure.GAMMA, Measure.DELTA, Measure.VANNA, Measure.CHARM)));
  }

  /**
   * The dealers' positioning from measures already calculated over a chain (so that it shares their pass
   * over the contracts), given the chain's gamma exposures at spot.
   *
   * @param exposures the gamma exposures of the chain at its spot (from {@link ExposureCalculator})
   * @param measures the chain's exposures with {@link Measure#GAMMA}, {@link Measure#DELTA}, {@link
   *     Measure#VANNA} and {@link Measure#CHARM} among them
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if one of those measures was not calculated
   */
  public DealerPositioning analyze(GexExposures exposures, MeasureExposures measures) {
    Objects.requireNonNull(exposures, "exposures");
    Objects.requireNonNull(measures, "measures");
    ResolvedChain chain = measures.chain;
    int delta = measures.index(Measure.DELTA);
    int vanna = measures.index(Measure.VANNA);
    int charm = measures.index(Measure.CHARM);
    double gross = measures.gross(Measure.GAMMA);
    int expiries = chain.expiries.length;
    List<ExpiryDealerExposure> byExpiry = new ArrayList<>(expiries);
    for (int e = 0; e < expiries; e++) {
      byExpiry.add(
          new ExpiryDealerExposure(
              chain.expiries[e],
              measures.netByExpiry[delta][e],
              measures.netByExpiry[vanna][e],
              measures.netByExpiry[charm][e]));
    }
    double totalGex = exposures.totalGex();
    DealerPosition position = position(totalGex, gross);
    HedgingPressure pressure = position.hedgingPressure();
    return new DealerPositioning(
        measures.netTotal[delta],
        measures.netTotal[vanna],
        measures.netTotal[charm],
        new DealerExposuresByStrike(
            DoubleArray.copyOf(chain.strikes),
            DoubleArray.copyOf(measures.netByStrike[delta]),
            DoubleArray.copyOf(measures.netByStrike[vanna]),
            DoubleArray.copyOf(measures.netByStrike[charm])),
        byExpiry,
        gross,
        position,
        pressure,
        totalGex,
        pressure.destabilising(),
        netDeltaZero(chain));
  }

  /**
   * The position class of a total GEX given the gross GEX, under this analyzer's band.
   *
   * @param totalGex total GEX, dollars per 1% move
   * @param grossGex the sum of every contract's |GEX|, {@code >= 0}
   * @throws IllegalArgumentException if grossGex is negative or a figure is NaN
   */
  public DealerPosition position(double totalGex, double grossGex) {
    if (!(grossGex >= 0) || Double.isNaN(totalGex)) {
      throw new IllegalArgumentException(
          "grossGex must be >= 0 and totalGex a number, were " + grossGex + " and " + totalGex);
    }
    if (grossGex == 0 || Math.abs(totalGex) <= neutralBand * grossGex) {
      return DealerPosition.NEUTRAL;
    }
    return totalGex > 0 ? DealerPosition.LONG_GAMMA : DealerPosition.SHORT_GAMMA;
  }

  /**
   * Total dealer delta exposure, dollars, re-priced at a hypothetical spot (same volatilities and times).
   *
   * @throws NullPointerException if chain is null
   * @throws IllegalArgumentException if spot is not a finite positive number
   */
  public double deltaExposureAt(ResolvedChain chain, double spot) {
    Objects.requireNonNull(chain, "chain");
    if (!(spot > 0) || Double.isInfinite(spot)) {
      throw new IllegalArgumentException("spot must be finite and > 0, was " + spot);
    }
    return deltaExposureAt(chain, positionWeights(chain), spot);
  }

  /** Each contract's dealer position times the multiplier ({@code sign × OI × multiplier} under oi). */
  static double[] positionWeights(ResolvedChain chain) {
    double[] weight = new double[chain.n];
    double multiplier = chain.settings.multiplier();
    for (int i = 0; i < chain.n; i++) {
      weight[i] = chain.position[i] * multiplier;
    }
    return weight;
  }

  /** {@code spot × Σ weight[i] × delta_i(spot)}. */
  static double deltaExposureAt(ResolvedChain chain, double[] weight, double spot) {
    double lnS = Math.log(spot);
    double q = chain.settings.dividendYield();
    double sum = 0;
    for (int i = 0, n = chain.n; i < n; i++) {
      double w = weight[i];
      if (w == 0) {
        continue;
      }
      // Call delta e^(-q tau) N(d1); put delta -e^(-q tau) N(-d1).
      double x = chain.call[i] ? chain.d1(i, lnS) : -chain.d1(i, lnS);
      double cdf;
      if (x >= CDF_CUTOFF) {
        cdf = 1;
      } else if (x <= -CDF_CUTOFF) {
        continue;
      } else {
        cdf = BlackScholesKernel.cdf(x);
      }
      double d = BlackScholesKernel.discount(q, chain.tau[i]) * cdf;
      sum += chain.call[i] ? w * d : -w * d;
    }
    return spot * sum;
  }

  /**
   * The spot where the open interest's net delta ({@code Σ OI × multiplier × delta}, calls positive, puts
   * negative) crosses zero within the profile range, or empty. The sum rises strictly with spot, so a
   * positive value puts the only zero below, a negative one above.
   */
  static OptionalDouble netDeltaZero(ResolvedChain chain) {
    // Weights carry the dividend discount. A call and a put that share a Gaussian (one term) share d1:
    // Wc N(d1) - Wp N(-d1) = (Wc + Wp) N(d1) - Wp, so an evaluation costs one normal CDF per term near
    // the money and nothing else.
    GammaTerms terms = chain.terms();
    double[] weight = new double[terms.n];
    double[] putWeight = new double[terms.n];
    double multiplier = chain.settings.multiplier();
    double q = chain.settings.dividendYield();
    double totalWeight = 0;
    for (int i = 0; i < chain.n; i++) {
      double w = chain.openInterest[i] * multiplier * BlackScholesKernel.discount(q, chain.tau[i]);
      int t = terms.termOf[i];
      weight[t] += w;
      if (!chain.call[i]) {
        putWeight[t] += w;
      }
      totalWeight += w;
    }
    if (totalWeight == 0) {
      return OptionalDouble.empty(); // no open interest: the net delta is zero everywhere
    }
    // Halley (or Newton) from spot, kept inside the bracket that the signs seen so far imply (the net delta
    // rises with spot, so a positive value puts the zero below). One pass gives the value and its first two
    // derivatives; from spot it settles in two or three passes where Brent needed about ten. Written here
    // because Commons' Brent takes no derivative; Brent still finishes any bracket this does not settle in.
    double spot = chain.spot;
    double rangeLow = spot * chain.settings.profileLow();
    double rangeHigh = spot * chain.settings.profileHigh();
    double lo = rangeLow;
    double hi = rangeHigh;
    boolean loSeen = false;
    boolean hiSeen = false;
    double[] valueAndDerivatives = new double[3];
    double x = spot;
    double previousStep = Double.NaN; // the last step, NaN after one outside the bracket or at the start
    boolean previousHalley = false; // whether that step was Halley's
    for (int iteration = 0; iteration < 60; iteration++) {
      netDeltaAndDerivatives(terms, weight, putWeight, x, valueAndDerivatives);
      double fx = valueAndDerivatives[0];
      if (fx == 0) {
        return OptionalDouble.of(x);
      }
      if (fx > 0) {
        if (x == rangeLow) {
          return OptionalDouble.empty(); // positive already at the range's low end: the zero is below it
        }
        hi = x;
        hiSeen = true;
      } else {
        if (x == rangeHigh) {
          return OptionalDouble.empty(); // negative still at the range's high end: the zero is above it
        }
        lo = x;
        loSeen = true;
      }
      // Halley's step (the pass gives the curvature too, at no extra exponential): cubic convergence, so
      // from spot the search usually needs one pass fewer than Newton's. Newton's where the curvature term
      // would more than halve or double the step.
      double slope = valueAndDerivatives[1];
      double curvature = fx * valueAndDerivatives[2];
      boolean halley = Math.abs(curvature) <= slope * slope;
      double next =
          halley ? x - 2 * fx * slope / (2 * slope * slope - curvature) : x - fx / slope;
      boolean inBracket = next > lo && next < hi;
      if (!inBracket) {
        // Outside the bracket: test the range's end once, or halve a bracket known at both ends.
        next = !loSeen && next <= lo ? rangeLow : !hiSeen && next >= hi ? rangeHigh : 0.5 * (lo + hi);
      }
      double step = next - x;
      if (Math.abs(step) <= 1e-11 * x) {
        // Converged, from one side or both: a zero only if the value there is negligible.
        return (loSeen && hiSeen) || Math.abs(fx) <= 1e-6 * totalWeight
            ? OptionalDouble.of(next)
            : OptionalDouble.empty();
      }
      if (inBracket && !Double.isNaN(previousStep)) {
        // Two steps in a row inside the bracket, the second far shorter: the convergence is settled, and
        // the steps measure the errors. Two of Halley's converge cubically, error(next) ≈ |step| ratio³
        // (ratio = |step| / |previousStep|); otherwise at least quadratically, ≈ |step| ratio. When that
        // is below 1e-12 of spot, next is the zero to that accuracy, and the pass that would only confirm
        // it is saved. It is a zero by the same test as above, with the value there predicted as slope ×
        // error when only one side is seen.
        double ratio = Math.abs(step / previousStep);
        boolean cubic = halley && previousHalley;
        double predicted = Math.abs(step) * (cubic ? ratio * ratio * ratio : ratio);
        if (ratio <= (cubic ? 1e-2 : 1e-3)
            && predicted <= 1e-12 * x
            && ((loSeen && hiSeen) || slope * predicted <= 1e-6 * totalWeight)) {
          return OptionalDouble.of(next);
        }
      }
      previousStep = inBracket ? step : Double.NaN;
      previousHalley = halley;
      x = next;
    }
    if (loSeen && hiSeen) {
      BrentSolver solver = new BrentSolver(1e-10, spot * 1e-12, totalWeight * 1e-15);
      return OptionalDouble.of(
          solver.findRoot(
              s -> {
                netDeltaAndDerivatives(terms, weight, putWeight, s, valueAndDerivatives);
                return valueAndDerivatives[0];
              },
              lo,
              hi));
    }
    return OptionalDouble.empty();
  }

  /**
   * Net delta at a spot and its first two derivatives in spot, per term of all its contracts' weight
   * {@code w} and its puts' weight {@code wp}: {@code out[0] = Σ (w N(d1) - wp)}, {@code out[1] = Σ w
   * φ(d1) / (S vol √tau)} and {@code out[2] = -Σ w φ(d1) (d1 / (vol √tau) + 1) / (S² vol √tau)}, one pass.
   */
  private static void netDeltaAndDerivatives(
      GammaTerms terms, double[] weight, double[] putWeight, double spot, double[] out) {
    double lnS = Math.log(spot);
    double value = 0;
    double slope = 0;
    double curvature = 0;
    for (int t = 0, n = terms.n; t < n; t++) {
      double w = weight[t];
      if (w == 0) {
        continue;
      }
      double d = terms.d1(t, lnS);
      if (d >= CDF_CUTOFF) {
        value += w - putWeight[t];
        continue;
      }
      if (d <= -CDF_CUTOFF) {
        value -= putWeight[t];
        continue;
      }
      value += w * BlackScholesKernel.cdf(d) - putWeight[t];
      double invSd = terms.invSd[t];
      double density = w * BlackScholesKernel.pdf(d) * invSd;
      slope += density;
      curvature += density * (d * invSd + 1);
    }
    out[0] = value;
    out[1] = slope / spot;
    out[2] = -curvature / (spot * spot);
  }

  /**
   * The zero crossing of {@link #deltaExposureAt(ResolvedChain, double[], double)} for arbitrary position
   * weights, nearest spot over the gamma-profile grid, refined by Brent's method; empty when the exposure
   * keeps one sign on the grid. This is the general scan (O(contracts × grid points)); the analysis uses
   * {@link #netDeltaZero(ResolvedChain)}.
   */
  static OptionalDouble zeroDelta(ResolvedChain chain, double[] weight) {
    // A call's delta is >= 0 and a put's <= 0, so when every weight[i] × (call ? 1 : -1) has one sign the
    // total keeps that sign at every spot and cannot cross zero.
    boolean positive = false;
    boolean negative = false;
    for (int i = 0; i < chain.n; i++) {
      double directed = chain.call[i] ? weight[i] : -weight[i];
      positive |= directed > 0;
      negative |= directed < 0;
    }
    if (!positive || !negative) {
      return OptionalDouble.empty();
    }
    var settings = chain.settings;
    int points = settings.profilePoints();
    double x0 = Math.log(chain.spot * settings.profileLow());
    double h = (Math.log(settings.profileHigh()) - Math.log(settings.profileLow())) / (points - 1);
    double best = Double.NaN;
    double prevSpot = Double.NaN;
    double prevValue = 0;
    BrentSolver solver = null;
    for (int j = 0; j < points; j++) {
      double s = Math.exp(x0 + j * h);
      double value = deltaExposureAt(chain, weight, s);
      if (value == 0) {
        continue;
      }
      if (prevValue != 0 && (value > 0) != (prevValue > 0)) {
        if (solver == null) {
          solver = new BrentSolver(1e-12, chain.spot * 1e-12, 1e-9);
        }
        double root =
            solver.findRoot(x -> deltaExposureAt(chain, weight, x), prevSpot, s);
        if (Double.isNaN(best) || Math.abs(root - chain.spot) < Math.abs(best - chain.spot)) {
          best = root;
        }
      }
      prevSpot = s;
      prevValue = value;
    }
    return Double.isNaN(best) ? OptionalDouble.empty() : OptionalDouble.of(best);
  }

  @Override
  public String toString() {
    return "DealerPositioningAnalyzer[neutralBand=" + neutralBand + "]";
  }
}
