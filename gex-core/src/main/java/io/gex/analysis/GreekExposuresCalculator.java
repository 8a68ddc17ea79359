package io.gex.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The figures of {@link GreekExposures}: the higher-order measures' exposures (taken from measures already
 * calculated) and, when the chain's settings ask for them, the zero-gamma level of each expiry ({@link
 * io.gex.settings.GexSettings#expiryZeroGamma()}) and the delta, vanna and charm profiles ({@link
 * io.gex.settings.GexSettings#dealerProfiles()}).
 *
 * <p><b>Zero gamma by expiry.</b> One profile grid is built over the chain's contracts with each expiry its
 * own class (one pass over the contracts), and each expiry's profile is searched for its crossings with the
 * search of the all-expiries profile, the expiries walking the cells together; the level is the crossing
 * nearest spot. Each expiry's search has a fixed cost of about a hundred microseconds, so on the SPX chain of
 * 2022-12-12 (18,832 contracts, 50 expiries) this takes about 20 ms of CPU, hence opt-in.
 *
 * <p><b>Profiles.</b> Delta, vanna and charm exposure re-priced at each point of the gamma profile's grid,
 * every contract at every point: {@code profilePoints} times the cost of the exposures at spot (about 90
 * ms of CPU on SPX), hence opt-in.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class GreekExposuresCalculator {

  /** The shared instance. */
  public static final GreekExposuresCalculator DEFAULT = new GreekExposuresCalculator();

  /** The measures held by {@link GreekExposures#exposures()}, when calculated. */
  static final List<Measure> HIGHER_ORDER =
      List.of(Measure.VOMMA, Measure.SPEED, Measure.ZOMMA, Measure.COLOR);

  /** The measures of {@link GreekExposures#profiles()}. */
  static final List<Measure> PROFILED = List.of(Measure.DELTA, Measure.VANNA, Measure.CHARM);

  /**
   * The figures of the chain the measures were calculated over.
   *
   * @param measures the chain's exposures; the higher-order ones among them are kept
   * @throws NullPointerException if measures is null
   */
  public GreekExposures calculate(MeasureExposures measures) {
    Objects.requireNonNull(measures, "measures");
    ResolvedChain chain = measures.chain;
    List<MeasureExposure> exposures = new ArrayList<>();
    for (Measure m : HIGHER_ORDER) {
      if (measures.measures().contains(m)) {
        exposures.add(measures.exposure(m));
      }
    }
    double[] levels =
        chain.settings.expiryZeroGamma() ? zeroGammaByExpiry(chain) : new double[0];
    List<ExpiryZeroGamma> byExpiry = new ArrayList<>(levels.length);
    for (int e = 0; e < levels.length; e++) {
      byExpiry.add(
          new ExpiryZeroGamma(
              chain.expiries[e],
              Double.isNaN(levels[e]) ? OptionalDouble.empty() : OptionalDouble.of(levels[e])));
    }
    List<MeasureProfile> profiles =
        chain.settings.dealerProfiles() ? profiles(chain, PROFILED) : List.of();
    return new GreekExposures(exposures, byExpiry, profiles);
  }

  /**
   * The zero-gamma level of each expiry of the chain (the crossing nearest spot of the profile of that
   * expiry's contracts alone), NaN where that profile does not cross zero in the range.
   */
  static double[] zeroGammaByExpiry(ResolvedChain chain) {
    int expiries = chain.expiries.length;
    double[] levels = new double[expiries];
    if (expiries == 0) {
      return levels;
    }
    GammaTerms terms = chain.terms();
    int[] classOf = java.util.Arrays.copyOf(terms.expiryIndex, terms.n);
    ProfileGrid grid = new ProfileGrid(terms, classOf, expiries);
    boolean[][] include = new boolean[expiries][expiries];
    double[][] values = new double[expiries][];
    for (int e = 0; e < expiries; e++) {
      include[e][e] = true;
      values[e] = grid.values(include[e]);
    }
    double[][] crossings = ProfileCrossings.findAll(terms, grid, include, values);
    for (int e = 0; e < expiries; e++) {
      levels[e] = nearest(crossings[e], chain.spot);
    }
    return levels;
  }

  /** The value nearest the target, NaN when there is none. */
  private static double nearest(double[] values, double target) {
    double best = Double.NaN;
    for (double v : values) {
      if (Double.isNaN(best) || Math.abs(v - target) < Math.abs(best - target)) {
        best = v;
      }
    }
    return best;
  }

  /** The measures' totals at every point of the gamma profile's grid. */
  static List<MeasureProfile> profiles(ResolvedChain chain, List<Measure> measures) {
    var settings = chain.settings;
    int points = settings.profilePoints();
    double x0 = Math.log(chain.spot * settings.profileLow());
    double h = (Math.log(settings.profileHigh()) - Math.log(settings.profileLow())) / (points - 1);
    Measure[] ms = measures.toArray(new Measure[0]);
    double[] spots = new double[points];
    double[][] values = new double[ms.length][points];
    double[] totals = new double[ms.length];
    for (int j = 0; j < points; j++) {
      spots[j] = Math.exp(x0 + j * h);
      MeasureCalculator.totalsAt(chain, ms, spots[j], totals);
      for (int m = 0; m < ms.length; m++) {
        values[m][j] = totals[m];
      }
    }
    List<MeasureProfile> profiles = new ArrayList<>(ms.length);
    DoubleArray grid = DoubleArray.wrap(spots);
    for (int m = 0; m < ms.length; m++) {
      profiles.add(new MeasureProfile(ms[m], grid, DoubleArray.wrap(values[m])));
    }
    return profiles;
  }
}
