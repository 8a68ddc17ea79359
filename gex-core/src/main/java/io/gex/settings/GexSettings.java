package io.gex.settings;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The conventions an analysis was produced with. Every analysis carries the settings that produced it, so
 * two figures are only compared when their conventions agree.
 *
 * <ul>
 *   <li>GEX of a contract = gamma × open interest × multiplier × spot² × 0.01: dollars of underlying
 *       dealers must trade per 1% move of the underlying, signed by {@link #signConvention()}.
 *   <li>Time to expiry: calendar time from the valuation instant to settlement, in years of {@link
 *       #daysPerYear()} days; settlement is {@link #pmSettlementTime()} (default 16:00) or {@link
 *       #amSettlementTime()} (default 09:30) in {@link #settlementZone()} (default America/New_York) on the
 *       expiry date. Times below {@link #minTimeToExpiry()} are raised to it, so the last minutes of 0DTE
 *       do not produce infinite gamma.
 *   <li>Black-Scholes with continuous {@link #rate()} and {@link #dividendYield()}, each contract at the
 *       implied volatility chosen by {@link #ivSource()}: by default ({@link IvSource#OTM}) the call and put
 *       of a strike share the out-of-the-money member's IV; IVs outside [3%, 500%] count as missing and are
 *       repaired or the contract skipped, each case a diagnostic (see {@link IvSource}).
 *   <li>Max pain, open interest by strike and top strikes use the open interest of every unsettled
 *       contract in the expiry selection, priced or not: they do not depend on the IV source.
 *   <li>Gamma profile: total GEX re-priced (sticky strike: same volatilities and times) at {@link
 *       #profilePoints()} spots spaced evenly in log-spot from {@link #profileLow()} × spot to {@link
 *       #profileHigh()} × spot.
 *   <li>Two figures are computed only when asked for, as they cost more than the rest of an analysis: the
 *       zero-gamma level of each expiry ({@link #expiryZeroGamma()}: a crossing search per expiry, about
 *       20 ms of CPU on an SPX chain of 50 expiries), and the delta, vanna and charm profiles against
 *       hypothetical spot on the gamma profile's grid ({@link #dealerProfiles()}: {@link #profilePoints()}
 *       times the exposures at spot).
 * </ul>
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param rate continuous risk-free rate, decimal (0.05 for 5%)
 * @param dividendYield continuous dividend yield, decimal
 * @param multiplier contract multiplier (100 for index and equity options)
 * @param signConvention which side dealers hold
 * @param daysPerYear calendar days in a year for time to expiry (365)
 * @param settlementZone the time zone of the settlement times
 * @param amSettlementTime settlement time of AM-settled contracts
 * @param pmSettlementTime settlement time of PM-settled contracts
 * @param minTimeToExpiry floor of the time to expiry for contracts not yet settled
 * @param expirySelection which expiries are analysed
 * @param profileLow lowest profile spot as a fraction of spot ({@code > 0})
 * @param profileHigh highest profile spot as a fraction of spot ({@code > profileLow})
 * @param profilePoints number of profile points ({@code >= 3})
 * @param ivSource where each contract's implied volatility comes from ({@link IvSource#OTM} by default; the
 *     rules, bounds and diagnostics of each source are in {@link IvSource})
 * @param expiryZeroGamma whether analyses compute the zero-gamma level of each expiry ({@link
 *     io.gex.analysis.GreekExposures#zeroGammaByExpiry()}; default false)
 * @param dealerProfiles whether analyses compute the delta, vanna and charm exposure profiles against
 *     hypothetical spot ({@link io.gex.analysis.GreekExposures#profiles()}; default false)
 */
public record GexSettings(
    double rate,
    double dividendYield,
    double multiplier,
    SignConvention signConvention,
    double daysPerYear,
    ZoneId settlementZone,
    LocalTime amSettlementTime,
    LocalTime pmSettlementTime,
    Duration minTimeToExpiry,
    ExpirySelection expirySelection,
    double profileLow,
    double profileHigh,
    int profilePoints,
    IvSource ivSource,
    boolean expiryZeroGamma,
    boolean dealerProfiles) {

  /** The longest floor of the time to expiry accepted (beyond it the floor is no floor): 30 days.
   * Declared before {@link #DEFAULT}, which the constructor checks against it. */
  public static final Duration MAX_MIN_TIME_TO_EXPIRY = Duration.ofDays(30);

  /** The default settings: r = q = 0, multiplier 100, dealers long calls and short puts, 365 days. */
  public static final GexSettings DEFAULT =
      new GexSettings(
          0,
          0,
          100,
          SignConvention.DEALER_LONG_CALLS_SHORT_PUTS,
          365,
          ZoneId.of("America/New_York"),
          LocalTime.of(9, 30),
          LocalTime.of(16, 0),
          Duration.ofMinutes(15),
          ExpirySelection.all(),
          0.5,
          1.5,
          201,
          IvSource.OTM,
          false,
          false);

  /** The largest contract multiplier accepted: {@value}. Beyond it exposures of accepted chains overflow. */
  public static final double MAX_MULTIPLIER = 1e6;

  /** The lowest profile start accepted, as a fraction of spot: {@value}. */
  public static final double MIN_PROFILE_LOW = 1e-6;

  /**
   * Validates every setting; messages name the setting and the value. The bounds on the multiplier, the
   * profile start and the time-to-expiry floor keep every figure of an analysis of any accepted chain finite.
   */
  public GexSettings {
    Objects.requireNonNull(signConvention, "signConvention");
    Objects.requireNonNull(settlementZone, "settlementZone");
    Objects.requireNonNull(amSettlementTime, "amSettlementTime");
    Objects.requireNonNull(pmSettlementTime, "pmSettlementTime");
    Objects.requireNonNull(minTimeToExpiry, "minTimeToExpiry");
    Objects.requireNonNull(expirySelection, "expirySelection");
    Objects.requireNonNull(ivSource, "ivSource");
    finite("rate", rate);
    finite("dividendYield", dividendYield);
    if (Math.abs(rate) > 1 || Math.abs(dividendYield) > 1) {
      throw new IllegalArgumentException(
          "rate and dividendYield are decimals in [-1, 1], were " + rate + " and " + dividendYield);
    }
    if (!(multiplier > 0 && multiplier <= MAX_MULTIPLIER)) {
      throw new IllegalArgumentException(
          "multiplier must be in (0, " + MAX_MULTIPLIER + "], was " + multiplier);
    }
    if (!(daysPerYear >= 360 && daysPerYear <= 366)) {
      throw new IllegalArgumentException("daysPerYear must be in [360, 366], was " + daysPerYear);
    }
    if (minTimeToExpiry.isNegative()
        || minTimeToExpiry.isZero()
        || minTimeToExpiry.compareTo(MAX_MIN_TIME_TO_EXPIRY) > 0) {
      throw new IllegalArgumentException(
          "minTimeToExpiry must be > 0 and at most " + MAX_MIN_TIME_TO_EXPIRY + ", was " + minTimeToExpiry);
    }
    if (!(profileLow >= MIN_PROFILE_LOW && profileLow < 1)) {
      throw new IllegalArgumentException(
          "profileLow must be in [" + MIN_PROFILE_LOW + ", 1), was " + profileLow);
    }
    if (!(profileHigh > 1 && profileHigh <= 10)) {
      throw new IllegalArgumentException("profileHigh must be in (1, 10], was " + profileHigh);
    }
    if (profilePoints < 3 || profilePoints > 100_000) {
      throw new IllegalArgumentException(
          "profilePoints must be in [3, 100000], was " + profilePoints);
    }
  }

  /**
   * Settings without the zero gamma of each expiry and the dealer profiles ({@code expiryZeroGamma} and
   * {@code dealerProfiles} false), as before those settings existed.
   *
   * @throws IllegalArgumentException naming the setting and value if a setting is out of range
   */
  public GexSettings(
      double rate,
      double dividendYield,
      double multiplier,
      SignConvention signConvention,
      double daysPerYear,
      ZoneId settlementZone,
      LocalTime amSettlementTime,
      LocalTime pmSettlementTime,
      Duration minTimeToExpiry,
      ExpirySelection expirySelection,
      double profileLow,
      double profileHigh,
      int profilePoints,
      IvSource ivSource) {
    this(
        rate,
        dividendYield,
        multiplier,
        signConvention,
        daysPerYear,
        settlementZone,
        amSettlementTime,
        pmSettlementTime,
        minTimeToExpiry,
        expirySelection,
        profileLow,
        profileHigh,
        profilePoints,
        ivSource,
        false,
        false);
  }

  private static void finite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite, was " + value);
    }
  }

  /**
   * The conventions that decide the sign and size of the figures, in one line for people: rate, dividend
   * yield, implied-volatility source and sign convention, for example {@code r 0.00%, q 0.00%, IV otm,
   * dealers long calls / short puts}. Every text output of gex states it with the analysis.
   */
  public String describe() {
    return String.format(
        java.util.Locale.ROOT,
        "r %.2f%%, q %.2f%%, IV %s, dealers %s",
        rate * 100,
        dividendYield * 100,
        ivSource.id(),
        signConvention == SignConvention.DEALER_LONG_CALLS_SHORT_PUTS
            ? "long calls / short puts"
            : "short calls / long puts");
  }

  /** The time-to-expiry floor in years. */
  public double minTimeToExpiryYears() {
    return minTimeToExpiry.toNanos() / 1e9 / (daysPerYear * 86_400.0);
  }
}
