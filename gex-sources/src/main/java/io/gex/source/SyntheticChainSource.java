package io.gex.source;

import io.gex.chain.OccSymbol;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.chain.OptionRight;
import io.gex.chain.SettlementStyle;
import io.gex.greeks.BlackScholes;
import io.gex.spi.OptionChainSource;
import io.gex.spi.SourceRequest;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Generates realistic option chains from a seed ({@code synthetic}), for tests, examples and benchmarks of
 * any size.
 *
 * <p>The chain has weekly Friday expiries for the next eight weeks (under the weekly root: SPXW, NDXP,
 * RUTW for those indexes, PM-settled) and third-Friday monthly expiries out to a year (under the
 * underlying's own root, AM-settled for the index monthlies; near months are listed under both roots, as
 * CBOE does). Strikes are centred on spot, spaced on round steps that widen with time to expiry, and
 * nearer expiries get more of them. Implied volatility follows a skewed smile (higher for low strikes)
 * over a gently rising term structure; open interest peaks near the money, puts below spot and calls
 * above, with more on monthlies and round strikes; bid, ask, last, volume and the vendor's delta and gamma
 * are consistent with Black-Scholes at that volatility. The same parameters, seed and valuation instant
 * give the same chain.
 *
 * <p>Request: the location is the underlying symbol (such as {@code SPX}, 1 to 6 letters or digits).
 * Parameters: {@code contracts} (approximate total, default {@value #DEFAULT_CONTRACTS}; every expiry gets at
 * least three strikes, so below about 150 the chain is larger than asked), {@code spot}
 * (default 4500 for SPX, 15000 for NDX, 1800 for RUT, 20 for VIX, else 100), {@code seed} (default
 * {@value #DEFAULT_SEED}), {@code underlying} (overrides the location). The valuation instant is the
 * request's override, else the {@code valuationTime} parameter (ISO-8601), else the clock's instant.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class SyntheticChainSource implements OptionChainSource {

  /** This source's id: {@value}. */
  public static final String ID = "synthetic";

  /** The approximate number of contracts generated unless the {@code contracts} parameter says: {@value}. */
  public static final int DEFAULT_CONTRACTS = 2000;

  /** The seed unless the {@code seed} parameter says: {@value}. */
  public static final long DEFAULT_SEED = 1;

  private static final Pattern UNDERLYING = Pattern.compile("[A-Z0-9]{1,6}");
  private static final Map<String, Double> DEFAULT_SPOTS =
      Map.of("SPX", 4500.0, "NDX", 15000.0, "RUT", 1800.0, "VIX", 20.0);
  private static final double RATE = 0.04;
  private static final int WEEKLIES = 8;
  private static final double[] NICE = {1, 2, 2.5, 5};

  private final Clock clock;

  /** A generator whose default valuation instant is the system clock's. */
  public SyntheticChainSource() {
    this(Clock.systemUTC());
  }

  /** A generator whose default valuation instant comes from this clock. */
  public SyntheticChainSource(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "seeded synthetic chain (weeklies and monthlies, smile, open interest near the money)";
  }

  /**
   * Generates a chain as the request describes.
   *
   * @throws IllegalArgumentException naming the parameter and value if the underlying, {@code contracts},
   *     {@code spot}, {@code seed} or {@code valuationTime} is invalid
   */
  @Override
  public OptionChain load(SourceRequest request) {
    Objects.requireNonNull(request, "request");
    String underlying =
        request.parameter("underlying").orElse(request.location()).trim().toUpperCase(Locale.ROOT);
    int contracts = (int) longParameter(request, "contracts", DEFAULT_CONTRACTS);
    long seed = longParameter(request, "seed", DEFAULT_SEED);
    double spot = spotParameter(request, DEFAULT_SPOTS.getOrDefault(underlying, 100.0));
    Instant valuation = request.valuationTime().orElseGet(() -> valuationParameter(request));
    return generate(underlying, spot, contracts, seed, valuation);
  }

  /**
   * Generates a chain.
   *
   * @param underlying the symbol, 1 to 6 upper-case letters or digits (it is also the monthly root)
   * @param spot the underlying's price, {@code > 0}
   * @param contracts the approximate number of contracts, {@code >= 4} (at least three strikes per expiry)
   * @param seed the random seed
   * @param valuationTime the valuation instant; expiries are counted from its New York date
   * @throws IllegalArgumentException naming the argument and value if one is invalid
   */
  public OptionChain generate(
      String underlying, double spot, int contracts, long seed, Instant valuationTime) {
    Objects.requireNonNull(underlying, "underlying");
    Objects.requireNonNull(valuationTime, "valuationTime");
    if (!UNDERLYING.matcher(underlying).matches()) {
      throw new IllegalArgumentException(
          "underlying must be 1 to 6 upper-case letters or digits, was '" + underlying + "'");
    }
    if (!(spot > 0) || Double.isInfinite(spot)) {
      throw new IllegalArgumentException("spot must be finite and > 0, was " + spot);
    }
    if (contracts < 4) {
      throw new IllegalArgumentException("contracts must be >= 4, was " + contracts);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<Expiry> expiries = expiries(underlying, valuationTime);
    double[] weights = new double[expiries.size()];
    double total = 0;
    for (int i = 0; i < weights.length; i++) {
      weights[i] = 1 / Math.sqrt(1 + expiries.get(i).years * 52);
      total += weights[i];
    }
    OptionChain.Builder chain = OptionChain.builder(underlying, spot, valuationTime);
    double scale = spot / 100;
    for (int i = 0; i < expiries.size(); i++) {
      Expiry e = expiries.get(i);
      int strikes = Math.max(3, (int) Math.round(contracts / 2.0 * weights[i] / total));
      double atmVol = 0.14 + 0.05 * Math.sqrt(e.years) + 0.01 * random.nextDouble();
      double halfRange = spot * Math.min(0.8, Math.max(0.02, 3.5 * atmVol * Math.sqrt(e.years)));
      double step = niceStep(2 * halfRange / Math.max(1, strikes - 1), scale);
      double center = Math.round(spot / step) * step;
      int below = strikes / 2;
      for (int k = 0; k < strikes; k++) {
        double strike = Math.round((center + (k - below) * step) * 1000) / 1000.0;
        if (strike <= 0) {
          continue;
        }
        for (OptionRight right : OptionRight.values()) {
          chain.add(contract(e, right, strike, step, spot, atmVol, random));
        }
      }
    }
    return chain.build();
  }

  private static OptionContract contract(
      Expiry e,
      OptionRight right,
      double strike,
      double step,
      double spot,
      double atmVol,
      SplittableRandom random) {
    boolean call = right == OptionRight.CALL;
    double sqrtT = Math.sqrt(e.years);
    double m = Math.log(strike / spot) / (atmVol * sqrtT);
    double iv = atmVol * (1 - 0.12 * m + 0.035 * m * m) * (1 + 0.01 * gaussian(random));
    iv = round(Math.max(0.5 * atmVol, Math.min(4 * atmVol, iv)), 4);

    double peak = call ? 0.4 : -0.7;
    double base = (e.monthly ? 6000 : 2000) * (call ? 1.0 : 1.4);
    double roundStrike = Math.abs(Math.IEEEremainder(strike, step * 10)) < 1e-9 ? 2 : 1;
    double oi = base * roundStrike * Math.exp(-0.5 * Math.pow((m - peak) / 1.1, 2));
    long openInterest = Math.round(oi * Math.exp(0.6 * gaussian(random)));

    double price = BlackScholes.price(call, spot, strike, e.years, iv, RATE, 0);
    double tick = price < 3 ? 0.05 : 0.10;
    double halfSpread = Math.max(tick, price * 0.02);
    double bid = Math.max(0, Math.floor((price - halfSpread) / tick) * tick);
    double ask = Math.ceil((price + halfSpread) / tick) * tick;
    long volume = Math.round(openInterest * 0.08 * Math.exp(gaussian(random)));
    double delta = BlackScholes.delta(call, spot, strike, e.years, iv, RATE, 0);
    double gamma = BlackScholes.gamma(spot, strike, e.years, iv, RATE, 0);

    OptionContract.Builder b =
        OptionContract.builder(new OccSymbol(e.root, e.date, right, strike))
            .settlement(e.settlement)
            .openInterest(openInterest)
            .impliedVolatility(iv)
            .bid(round(bid, 2))
            .ask(round(ask, 2))
            .volume(volume)
            .vendorDelta(Math.max(-1, Math.min(1, round(delta, 4))))
            .vendorGamma(Math.max(0, round(gamma, 4)));
    if (volume > 0) {
      b.last(round(Math.max(0.05, (bid + ask) / 2), 2));
    }
    return b.build();
  }

  /** One listed expiry: root, date, settlement and time to it in years. */
  private static final class Expiry {
    final String root;
    final LocalDate date;
    final SettlementStyle settlement;
    final boolean monthly;
    final double years;

    Expiry(String root, LocalDate date, boolean monthly, Instant valuation) {
      this.root = root;
      this.date = date;
      this.settlement = SettlementStyle.forRoot(root);
      this.monthly = monthly;
      LocalTime at = settlement == SettlementStyle.AM ? LocalTime.of(9, 30) : LocalTime.of(16, 0);
      Instant expires = ZonedDateTime.of(date, at, Times.NEW_YORK).toInstant();
      double seconds = Duration.between(valuation, expires).toSeconds();
      this.years = Math.max(seconds, 3600) / (365.0 * 86400);
    }
  }

  private static List<Expiry> expiries(String underlying, Instant valuation) {
    ZonedDateTime now = valuation.atZone(Times.NEW_YORK);
    LocalDate today = now.toLocalDate();
    boolean beforeClose = now.toLocalTime().isBefore(LocalTime.of(16, 0));
    String weekly = Roots.weeklyRoot(underlying);
    List<Expiry> list = new ArrayList<>();
    LocalDate friday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
    if (friday.equals(today) && !beforeClose) {
      friday = friday.plusWeeks(1);
    }
    LocalDate lastWeekly = friday.plusWeeks(WEEKLIES - 1);
    for (LocalDate d = friday; !d.isAfter(lastWeekly); d = d.plusWeeks(1)) {
      if (!isThirdFriday(d) || !weekly.equals(underlying)) {
        list.add(new Expiry(weekly, d, false, valuation));
      }
    }
    LocalDate horizon = today.plusYears(1);
    for (LocalDate month = today.withDayOfMonth(1); !month.isAfter(horizon); month = month.plusMonths(1)) {
      LocalDate third = month.with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.FRIDAY));
      boolean open = third.isAfter(today) || (third.equals(today) && now.toLocalTime().isBefore(LocalTime.of(9, 30)));
      if (open && !third.isAfter(horizon)) {
        list.add(new Expiry(underlying, third, true, valuation));
      }
    }
    list.sort((a, b) -> a.date.compareTo(b.date));
    return list;
  }

  private static boolean isThirdFriday(LocalDate d) {
    return d.getDayOfWeek() == DayOfWeek.FRIDAY && (d.getDayOfMonth() - 1) / 7 == 2;
  }

  /** The smallest step of the form {1, 2, 2.5, 5} x 10^k not below the raw step nor a floor tied to spot. */
  private static double niceStep(double raw, double scale) {
    double wanted = Math.max(raw, Math.max(0.5, scale * 0.05));
    double magnitude = Math.pow(10, Math.floor(Math.log10(wanted)));
    for (double n : NICE) {
      if (n * magnitude >= wanted - 1e-12) {
        return n * magnitude;
      }
    }
    return 10 * magnitude;
  }

  /**
   * A standard normal draw for the synthetic generators of this package (Box-Muller: SplittableRandom has
   * no nextGaussian on Java 17); two uniform draws, always in the same order, so seeded output is stable.
   */
  static double gaussian(SplittableRandom random) {
    double u = 1 - random.nextDouble();
    double v = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  private static double round(double value, int decimals) {
    double f = Math.pow(10, decimals);
    return Math.round(value * f) / f;
  }

  private static long longParameter(SourceRequest request, String name, long fallback) {
    Optional<String> text = request.parameter(name);
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      return Long.parseLong(text.get().trim().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "parameter " + name + " must be a whole number, was '" + text.get() + "'", e);
    }
  }

  private static double spotParameter(SourceRequest request, double fallback) {
    Optional<String> text = request.parameter("spot");
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      double spot = Double.parseDouble(text.get().trim());
      if (spot > 0 && Double.isFinite(spot)) {
        return spot;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("parameter spot must be a positive price, was '" + text.get() + "'");
  }

  private Instant valuationParameter(SourceRequest request) {
    Optional<String> text = request.parameter("valuationTime");
    if (text.isEmpty()) {
      return clock.instant();
    }
    try {
      return Times.iso(text.get());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "parameter valuationTime has value '" + text.get() + "': " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return ID;
  }
}
