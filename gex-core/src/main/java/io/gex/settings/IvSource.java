package io.gex.settings;

import java.util.Locale;

/**
 * Where each contract's implied volatility comes from. A setting of the engine ({@link
 * io.gex.GexEngine.Builder#ivSource(IvSource)}) recorded in every analysis's {@link GexSettings#ivSource()}.
 *
 * <p><b>Plausibility.</b> In {@link #OTM} and {@link #MID} an implied volatility (quoted or solved) counts
 * as usable only within [{@value #MIN_PLAUSIBLE_VOLATILITY}, {@value #MAX_PLAUSIBLE_VOLATILITY}] (3% to 500%
 * annualised); outside, it counts as missing. The bounds come from the bundled CBOE snapshots. At the
 * bottom, 2,456 deep in-the-money NDX calls and a RUT put are quoted at exactly 0.02, a placeholder; apart
 * from them the lowest IVs are 0.127 (SPX) and 0.135 (RUT), and on NDX 0.03 on one 0DTE call at the money.
 * 3% is also below the lowest index implied volatility on record (S&amp;P 500 one-month at-the-money IV has
 * not gone below about 7%; the VIX low is 8.56). At the top, 222 contracts show 5 to 16.9: options of the
 * nearest expiries, most already settled at the snapshot, priced at one tick or with no time left. 500%
 * leaves room for a real 0DTE: an at-the-money option with one hour left, on a day that moves 3% in that
 * hour, is worth about 280% annualised; above 500% the IV only restates that the price is one tick.
 *
 * <p><b>Chains of rules.</b> Within one root, expiry and strike, the call and the put are the two members of
 * a pair; the <i>out-of-the-money member</i> is the call at strikes at or above spot and the put below. Each
 * mode tries its rules in order; the first that gives a usable volatility wins. A contract whose volatility
 * came from a rule after the first is a <i>substitution</i>: it is priced and reported in {@link
 * io.gex.analysis.DataQuality} with its share of gross GEX, under the reason named below. A contract no rule
 * serves is <i>skipped</i> with a {@link io.gex.chain.ContractDiagnostic} ({@code
 * IMPLAUSIBLE_IMPLIED_VOLATILITY} when its own quoted IV was present but outside the bounds, else {@code
 * NO_IMPLIED_VOLATILITY}). A member missing from the chain has no IV and no quote.
 *
 * <ul>
 *   <li>{@link #OTM}: (1) the out-of-the-money member's quoted IV, for both members; (2) the other member's
 *       quoted IV, for both ({@code SUBSTITUTED_OTHER_MEMBER_IV}); (3) solved from the out-of-the-money
 *       member's mid, then from the other member's, for both ({@code SUBSTITUTED_SOLVED_IV}).
 *   <li>{@link #MID}: (1) solved from the contract's own mid; (2) the out-of-the-money member's quoted IV
 *       ({@code SUBSTITUTED_OTM_MEMBER_IV}); (3) the other member's quoted IV ({@code
 *       SUBSTITUTED_OTHER_MEMBER_IV}).
 *   <li>{@link #VENDOR}: the contract's quoted IV, any positive value, unchecked; no substitution.
 * </ul>
 *
 * <p>Mids are solved with {@link io.gex.greeks.ImpliedVolatility} on the bracket of the bounds, under the
 * analysis's rate and dividend yield and the contract's time to settlement (after the {@code
 * minTimeToExpiry} floor), at the spot the quote was taken at ({@link
 * io.gex.chain.OptionContract#spotAtQuote()}), the chain's spot when the contract names none.
 */
public enum IvSource {
  /**
   * The file's implied volatility for each contract exactly as given, without plausibility bounds; a
   * contract without one is skipped. Use it to compare with tools that work that way.
   */
  VENDOR,
  /**
   * The default. Within one root, expiry and strike, both the call and the put take the implied volatility
   * of the out-of-the-money member (the call at strikes at or above spot, the put below) when it has a
   * usable one, otherwise the other member's, otherwise one solved from a mid. This is how volatility
   * surfaces are built: in-the-money quotes are wide and stale, and vendors put placeholders there.
   */
  OTM,
  /**
   * Solved from each contract's mid price where it has a two-sided quote; otherwise the out-of-the-money
   * member's quoted IV, then the other member's.
   */
  MID;

  /** The lowest usable implied volatility in {@link #OTM} and {@link #MID}: 3% annualised. */
  public static final double MIN_PLAUSIBLE_VOLATILITY = 0.03;

  /** The highest usable implied volatility in {@link #OTM} and {@link #MID}: 500% annualised. */
  public static final double MAX_PLAUSIBLE_VOLATILITY = 5.0;

  /**
   * Whether a volatility counts as usable in {@link #OTM} and {@link #MID}: within [{@value
   * #MIN_PLAUSIBLE_VOLATILITY}, {@value #MAX_PLAUSIBLE_VOLATILITY}]. NaN is not.
   */
  public static boolean isPlausible(double volatility) {
    return volatility >= MIN_PLAUSIBLE_VOLATILITY && volatility <= MAX_PLAUSIBLE_VOLATILITY;
  }

  /** The lower-case name used on the command line and in JSON ({@code vendor}, {@code otm}, {@code mid}). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The source named by {@link #id()}, case-insensitively.
   *
   * @throws IllegalArgumentException naming the value and the accepted ones if it is none of them
   */
  public static IvSource fromId(String id) {
    for (IvSource s : values()) {
      if (s.id().equalsIgnoreCase(id.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "ivSource must be one of vendor, otm, mid, was '" + id + "'");
  }
}
