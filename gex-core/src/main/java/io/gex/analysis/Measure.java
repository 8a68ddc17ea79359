package io.gex.analysis;

import io.gex.internal.BlackScholesKernel;
import java.util.Locale;

/**
 * A dealer exposure that gex sums over contracts: each measure is one Black-Scholes greek (from the one
 * kernel of formulas) scaled to a dollar figure. {@link MeasureCalculator} gives any set of them by
 * strike, by expiry and in total in one pass over the contracts.
 *
 * <p>Every contract counts with its position {@code p = s × OI × multiplier}, {@code s} the sign its gamma
 * exposure gets under the sign convention (by default +1 for calls, -1 for puts), so a positive figure is a
 * dealer long exposure. With spot {@code S}, {@code daysPerYear} from the settings (365), a vol point of
 * 0.01 and a 1% move of {@code 0.01 S}, the exposure of a contract is:
 *
 * <table>
 *   <caption>Measures</caption>
 *   <tr><th>measure</th><th>per contract</th><th>unit</th></tr>
 *   <tr><td>{@link #GAMMA}</td><td>{@code p × gamma × S² × 0.01}</td><td>dollars of underlying per 1%
 *       move (GEX)</td></tr>
 *   <tr><td>{@link #DELTA}</td><td>{@code p × delta × S}</td><td>dollars of underlying</td></tr>
 *   <tr><td>{@link #VANNA}</td><td>{@code p × vanna × S × 0.01}</td><td>dollars of delta per vol point
 *       up</td></tr>
 *   <tr><td>{@link #CHARM}</td><td>{@code p × charm × S / daysPerYear}</td><td>dollars of delta per
 *       calendar day passing</td></tr>
 *   <tr><td>{@link #VOMMA}</td><td>{@code p × vomma × 0.01 × 0.01}</td><td>dollars of vega (option value
 *       per vol point) per vol point up</td></tr>
 *   <tr><td>{@link #SPEED}</td><td>{@code p × speed × S³ × 0.01 × 0.01}</td><td>dollars per 1% move (of
 *       GEX) per 1% rise of spot</td></tr>
 *   <tr><td>{@link #ZOMMA}</td><td>{@code p × zomma × S² × 0.01 × 0.01}</td><td>dollars per 1% move (of
 *       GEX) per vol point up</td></tr>
 *   <tr><td>{@link #COLOR}</td><td>{@code p × color × S² × 0.01 / daysPerYear}</td><td>dollars per 1%
 *       move (of GEX) per calendar day passing</td></tr>
 * </table>
 *
 * <p>Speed, zomma and color are GEX's own greek moving: the change of GEX from the change of gamma alone,
 * its {@code S² × 0.01} scale held at today's spot. The slope of the gamma profile for a 1% rise, which also
 * rescales by the new spot, is {@code SPEED + 0.02 × GAMMA}. Charm and color are for calendar time passing
 * ({@code -∂/∂tau}), spot and volatilities unchanged; vanna, vomma and zomma for the same rise of every
 * contract's volatility.
 *
 * <p>Adding a measure takes one greek in the kernel, and here one constant and its case of {@code
 * exposure}. This enum is immutable and thread-safe.
 */
public enum Measure {
  /** Gamma exposure (GEX), dollars per 1% move. */
  GAMMA("USD per 1% move", false),
  /** Delta exposure, dollars of underlying. */
  DELTA("USD", true),
  /** Vanna exposure, dollars of delta per vol point. */
  VANNA("USD per vol point", false),
  /** Charm exposure, dollars of delta per calendar day. */
  CHARM("USD per day", true),
  /** Vomma exposure, dollars of vega (per vol point) per vol point. */
  VOMMA("USD per vol point per vol point", false),
  /** Speed exposure, dollars per 1% move (of GEX) per 1% move of spot. */
  SPEED("USD per 1% move per 1% move", false),
  /** Zomma exposure, dollars per 1% move (of GEX) per vol point. */
  ZOMMA("USD per 1% move per vol point", false),
  /** Color exposure, dollars per 1% move (of GEX) per calendar day. */
  COLOR("USD per 1% move per day", false);

  static {
    // exposure() switches on the ordinal: the constants must stay in this order.
    Measure[] order = {GAMMA, DELTA, VANNA, CHARM, VOMMA, SPEED, ZOMMA, COLOR};
    if (values().length != order.length) {
      throw new AssertionError("a Measure without its case in Measure.exposure");
    }
    for (int i = 0; i < order.length; i++) {
      if (order[i].ordinal() != i) {
        throw new AssertionError("Measure.exposure expects " + order[i] + " at ordinal " + i);
      }
    }
  }

  private final String unit;
  private final boolean needsCdf;

  Measure(String unit, boolean needsCdf) {
    this.unit = unit;
    this.needsCdf = needsCdf;
  }

  /** The unit of the figures, such as {@code "USD per 1% move"}. */
  public String unit() {
    return unit;
  }

  /** The lower-case name used in JSON, such as {@code "gamma"}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the greek needs the normal distribution function {@code N(±d1)} (the costly part). */
  boolean needsCdf() {
    return needsCdf;
  }

  /**
   * This measure's exposure of the contract loaded in {@code g}, in its unit. One method with a switch,
   * and a small method per case, rather than a method per constant: the call site in the calculator's loop
   * over contracts and measures then has one target, small enough for the JIT to inline with the case it
   * takes (with a method per constant the site sees eight and calls each through a table, about a fifth of
   * the pass on the SPX chain).
   */
  double exposure(ContractGreeks g) {
    // On the ordinal, in declaration order (a switch on the constants reads a lookup table first).
    switch (ordinal()) {
      case 0:
        return gammaExposure(g);
      case 1:
        return deltaExposure(g);
      case 2:
        return vannaExposure(g);
      case 3:
        return charmExposure(g);
      case 4:
        return vommaExposure(g);
      case 5:
        return speedExposure(g);
      case 6:
        return zommaExposure(g);
      case 7:
        return colorExposure(g);
      default:
        throw new AssertionError(this + " has no case in Measure.exposure");
    }
  }

  private static double gammaExposure(ContractGreeks g) {
    // The chain's prepared coefficient: the kernel's gamma × p × S² × 0.01 with its constants folded
    // (equal to rounding), as the profile uses it.
    return g.spot * g.gexCoef * g.gaussian;
  }

  private static double deltaExposure(ContractGreeks g) {
    return g.w * BlackScholesKernel.delta(g.call, g.dfq, g.cdf);
  }

  private static double vannaExposure(ContractGreeks g) {
    return g.w * BlackScholesKernel.vanna(g.vol, g.d2, g.dfq, g.pdf) * 0.01;
  }

  private static double charmExposure(ContractGreeks g) {
    return g.w
        * BlackScholesKernel.charm(g.call, g.r, g.q, g.tau, g.sd, g.d2, g.dfq, g.pdf, g.cdf)
        * g.perDay;
  }

  private static double vommaExposure(ContractGreeks g) {
    return g.position * BlackScholesKernel.vomma(g.vega(), g.vol, g.d1, g.d2) * 1e-4;
  }

  private static double speedExposure(ContractGreeks g) {
    return g.w * BlackScholesKernel.speed(g.gamma(), g.spot, g.sd, g.d1) * g.spot * g.spot * 1e-4;
  }

  private static double zommaExposure(ContractGreeks g) {
    return g.w * BlackScholesKernel.zomma(g.gamma(), g.vol, g.d1, g.d2) * g.spot * 1e-4;
  }

  private static double colorExposure(ContractGreeks g) {
    return g.w
        * BlackScholesKernel.color(g.gamma(), g.r, g.q, g.tau, g.sd, g.d1, g.d2)
        * g.spot
        * 0.01
        * g.perDay;
  }
}
