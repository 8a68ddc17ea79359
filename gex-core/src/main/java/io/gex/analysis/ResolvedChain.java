package io.gex.analysis;

import io.gex.ExpirySelection;
import io.gex.GexSettings;
import io.gex.IvSource;
import io.gex.chain.ContractDiagnostic;
import io.gex.chain.ContractDiagnostic.Reason;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.chain.SettlementStyle;
import io.gex.greeks.ImpliedVolatility;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * An option chain resolved once, before any hot loop, into primitive arrays: for each priced contract its
 * strike, time to settlement in years, volatility, open interest, sign under the convention, and the
 * indices of its expiry and strike among the chain's sorted distinct expiries and strikes.
 *
 * <p>Resolving applies the conventions of {@link GexSettings}: contracts already settled, with no usable
 * implied volatility, or outside the expiry selection are left out with a {@link ContractDiagnostic};
 * contracts with zero open interest are counted as used but carry no weight. The source's own diagnostics
 * come first in {@link #diagnostics()}.
 *
 * <p>This class is immutable and thread-safe: the arrays are never exposed.
 */
public final class ResolvedChain {

  private static final double INV_SQRT_2PI = 0.3989422804014327;

  final String underlying;
  final double spot;
  final Instant valuationTime;
  final GexSettings settings;
  final LocalDate valuationDate;

  /** Number of priced contracts (all arrays below have this length). */
  final int n;

  final double[] strike;
  final double[] tau;
  final double[] vol;
  final double[] openInterest;
  final boolean[] call;

  /** ±1 under the settings' sign convention. */
  final double[] sign;

  final int[] expiryIndex;
  final int[] strikeIndex;

  /** Sorted distinct expiry dates of the priced contracts. */
  final LocalDate[] expiries;

  /** Sorted distinct strikes of the priced contracts. */
  final double[] strikes;

  /** Index into {@link #expiries} of the next monthly (third-Friday) expiry, or -1. */
  final int nextMonthlyIndex;

  // The gamma kernel, prepared once so that GEX at any spot S is, per contract,
  //   S * gexCoef[i] * exp(-d1^2 / 2)  with  d1 = (ln S - lnStrike[i] + drift[i]) * invSd[i].
  // gexCoef folds sign, open interest, multiplier, the 0.01 of "per 1% move", e^(-q tau) and 1/sqrt(2 pi).

  /** ln(strike). */
  final double[] lnStrike;

  /** (r - q + vol^2 / 2) * tau. */
  final double[] drift;

  /** 1 / (vol * sqrt(tau)). */
  final double[] invSd;

  /** sign * OI * multiplier * 0.01 * e^(-q tau) * invSd / sqrt(2 pi). */
  final double[] gexCoef;

  private final List<ContractDiagnostic> diagnostics;

  private ResolvedChain(
      OptionChain chain,
      GexSettings settings,
      LocalDate valuationDate,
      List<OptionContract> priced,
      double[] tau,
      double[] vol,
      List<ContractDiagnostic> diagnostics) {
    this.underlying = chain.underlying();
    this.spot = chain.spot();
    this.valuationTime = chain.valuationTime();
    this.settings = settings;
    this.valuationDate = valuationDate;
    this.n = priced.size();
    this.tau = tau;
    this.vol = vol;
    this.strike = new double[n];
    this.openInterest = new double[n];
    this.call = new boolean[n];
    this.sign = new double[n];
    this.expiryIndex = new int[n];
    this.strikeIndex = new int[n];
    TreeSet<LocalDate> expirySet = new TreeSet<>();
    double[] allStrikes = new double[n];
    int listed = 0;
    for (int i = 0; i < n; i++) {
      OptionContract c = priced.get(i);
      strike[i] = c.strike();
      if (listed == 0 || allStrikes[listed - 1] != c.strike()) {
        allStrikes[listed++] = c.strike(); // a call and its put usually follow each other: sort one of them
      }
      openInterest[i] = c.openInterest();
      call[i] = c.isCall();
      sign[i] = settings.signConvention().sign(c.isCall());
      if (i == 0 || !c.expiry().equals(priced.get(i - 1).expiry())) {
        expirySet.add(c.expiry()); // sources list contracts grouped by expiry: one add per group
      }
    }
    this.expiries = expirySet.toArray(new LocalDate[0]);
    Arrays.sort(allStrikes, 0, listed);
    this.strikes = distinct(Arrays.copyOf(allStrikes, listed));
    for (int i = 0; i < n; i++) {
      LocalDate expiry = priced.get(i).expiry();
      expiryIndex[i] =
          i > 0 && expiry.equals(priced.get(i - 1).expiry())
              ? expiryIndex[i - 1]
              : Arrays.binarySearch(expiries, expiry);
      strikeIndex[i] =
          i > 0 && strike[i] == strike[i - 1]
              ? strikeIndex[i - 1]
              : Arrays.binarySearch(strikes, strike[i]);
    }
    int monthly = -1;
    for (int e = 0; e < expiries.length; e++) {
      if (isThirdFriday(expiries[e])) {
        monthly = e;
        break;
      }
    }
    this.nextMonthlyIndex = monthly;
    this.diagnostics = List.copyOf(diagnostics);
    this.lnStrike = new double[n];
    this.drift = new double[n];
    this.invSd = new double[n];
    this.gexCoef = new double[n];
    double r = settings.rate();
    double q = settings.dividendYield();
    double scale = settings.multiplier() * 0.01 * INV_SQRT_2PI;
    for (int i = 0; i < n; i++) {
      lnStrike[i] = Math.log(strike[i]);
      drift[i] = (r - q + 0.5 * vol[i] * vol[i]) * tau[i];
      invSd[i] = 1.0 / (vol[i] * Math.sqrt(tau[i]));
      double discount = q == 0 ? 1 : Math.exp(-q * tau[i]);
      gexCoef[i] = sign[i] * openInterest[i] * scale * discount * invSd[i];
    }
  }

  private static double[] distinct(double[] sorted) {
    int m = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (m == 0 || sorted[i] != sorted[m - 1]) {
        sorted[m++] = sorted[i];
      }
    }
    return Arrays.copyOf(sorted, m);
  }

  /** Whether a date is the third Friday of its month (the standard monthly expiry). */
  public static boolean isThirdFriday(LocalDate date) {
    return date.getDayOfWeek() == DayOfWeek.FRIDAY
        && date.getDayOfMonth() >= 15
        && date.getDayOfMonth() <= 21;
  }

  /**
   * Resolves a chain under the given settings.
   *
   * @throws NullPointerException if an argument is null
   */
  public static ResolvedChain resolve(OptionChain chain, GexSettings settings) {
    java.util.Objects.requireNonNull(chain, "chain");
    java.util.Objects.requireNonNull(settings, "settings");
    List<ContractDiagnostic> diagnostics = new ArrayList<>(chain.diagnostics());
    Instant now = chain.valuationTime();
    LocalDate today = now.atZone(settings.settlementZone()).toLocalDate();
    double secondsPerYear = settings.daysPerYear() * 86_400.0;
    double floor = settings.minTimeToExpiryYears();
    List<OptionContract> contracts = chain.contracts();

    // First pass: settlement and volatility, keeping the survivors' times and vols.
    List<OptionContract> live = new ArrayList<>(contracts.size());
    double[] tauAll = new double[contracts.size()];
    double[] volAll = new double[contracts.size()];
    // Settlement instants per (date, style): zone rules are looked up once per expiry, not per contract.
    Map<LocalDate, Instant> amSettles = new HashMap<>();
    Map<LocalDate, Instant> pmSettles = new HashMap<>();
    java.util.function.Function<LocalDate, Instant> amSettlement =
        d -> d.atTime(settings.amSettlementTime()).atZone(settings.settlementZone()).toInstant();
    java.util.function.Function<LocalDate, Instant> pmSettlement =
        d -> d.atTime(settings.pmSettlementTime()).atZone(settings.settlementZone()).toInstant();
    OptionContract previous = null;
    Instant previousSettles = now;
    for (OptionContract c : contracts) {
      // Sources list contracts grouped by expiry: most share the previous contract's settlement.
      Instant settles =
          previous != null
                  && previous.settlement() == c.settlement()
                  && previous.expiry().equals(c.expiry())
              ? previousSettles
              : c.settlement() == SettlementStyle.AM
                  ? amSettles.computeIfAbsent(c.expiry(), amSettlement)
                  : pmSettles.computeIfAbsent(c.expiry(), pmSettlement);
      previous = c;
      previousSettles = settles;
      if (!settles.isAfter(now)) {
        diagnostics.add(
            new ContractDiagnostic(
                c.symbol().toString(),
                "expiry",
                c.expiry().toString(),
                Reason.SETTLED,
                c.settlement() + "-settled at " + settles + ", not after the valuation time " + now));
        continue;
      }
      double seconds =
          (settles.getEpochSecond() - now.getEpochSecond())
              + (settles.getNano() - now.getNano()) / 1e9;
      double t = Math.max(seconds / secondsPerYear, floor);
      double v = c.impliedVolatility();
      if (!(v > 0)) {
        OptionalDouble solved = OptionalDouble.empty();
        OptionalDouble mid = c.mid();
        if (settings.ivSource() == IvSource.MID && mid.isPresent()) {
          solved =
              ImpliedVolatility.solve(
                  c.isCall(),
                  mid.getAsDouble(),
                  chain.spot(),
                  c.strike(),
                  t,
                  settings.rate(),
                  settings.dividendYield());
        }
        if (solved.isEmpty()) {
          diagnostics.add(
              new ContractDiagnostic(
                  c.symbol().toString(),
                  "impliedVolatility",
                  Double.toString(c.impliedVolatility()),
                  Reason.NO_IMPLIED_VOLATILITY,
                  settings.ivSource() == IvSource.MID
                      ? "no implied volatility quoted and none solvable from the mid "
                          + (mid.isPresent()
                              ? String.format(Locale.ROOT, "%.4f", mid.getAsDouble())
                              : "(no bid/ask)")
                      : "no implied volatility quoted (IV source " + settings.ivSource().id() + ")"));
          continue;
        }
        v = solved.getAsDouble();
      }
      tauAll[live.size()] = t;
      volAll[live.size()] = v;
      live.add(c);
    }

    // Second pass: the expiry selection, which needs the set of live expiries (next monthly).
    ExpirySelection selection = settings.expirySelection();
    LocalDate nextMonthly = null;
    if (selection.kind() == ExpirySelection.Kind.THROUGH_NEXT_MONTHLY) {
      for (OptionContract c : live) {
        if (isThirdFriday(c.expiry()) && (nextMonthly == null || c.expiry().isBefore(nextMonthly))) {
          nextMonthly = c.expiry();
        }
      }
    }
    if (selection.kind() == ExpirySelection.Kind.ALL) {
      return new ResolvedChain(
          chain,
          settings,
          today,
          live,
          Arrays.copyOf(tauAll, live.size()),
          Arrays.copyOf(volAll, live.size()),
          diagnostics);
    }
    List<OptionContract> priced = new ArrayList<>(live.size());
    double[] tau = new double[live.size()];
    double[] vol = new double[live.size()];
    long todayEpochDay = today.toEpochDay();
    for (int i = 0; i < live.size(); i++) {
      OptionContract c = live.get(i);
      long days = c.expiry().toEpochDay() - todayEpochDay;
      boolean keep;
      switch (selection.kind()) {
        case ZERO_DTE_ONLY:
          keep = days == 0;
          break;
        case EXCLUDE_ZERO_DTE:
          keep = days != 0;
          break;
        case THROUGH_NEXT_MONTHLY:
          keep = nextMonthly == null || !c.expiry().isAfter(nextMonthly);
          break;
        case DAYS_TO_EXPIRY:
          keep = days >= selection.minDays() && days <= selection.maxDays();
          break;
        case ALL:
        default:
          keep = true;
          break;
      }
      if (!keep) {
        diagnostics.add(
            new ContractDiagnostic(
                c.symbol().toString(),
                "expiry",
                c.expiry().toString(),
                Reason.EXCLUDED_BY_EXPIRY_SELECTION,
                days + " days to expiry, outside the selection " + selection));
        continue;
      }
      tau[priced.size()] = tauAll[i];
      vol[priced.size()] = volAll[i];
      priced.add(c);
    }
    return new ResolvedChain(
        chain,
        settings,
        today,
        priced,
        Arrays.copyOf(tau, priced.size()),
        Arrays.copyOf(vol, priced.size()),
        diagnostics);
  }

  /** The underlying symbol. */
  public String underlying() {
    return underlying;
  }

  /** The spot price. */
  public double spot() {
    return spot;
  }

  /** The valuation instant. */
  public Instant valuationTime() {
    return valuationTime;
  }

  /** The valuation date in the settlement time zone. */
  public LocalDate valuationDate() {
    return valuationDate;
  }

  /** The settings the chain was resolved with. */
  public GexSettings settings() {
    return settings;
  }

  /** The number of priced contracts. */
  public int size() {
    return n;
  }

  /** The sorted distinct expiries of the priced contracts. */
  public List<LocalDate> expiries() {
    return List.of(expiries);
  }

  /** The sorted distinct strikes of the priced contracts. */
  public DoubleArray strikes() {
    return DoubleArray.copyOf(strikes);
  }

  /** The next monthly (third-Friday) expiry among the priced contracts, if any. */
  public java.util.Optional<LocalDate> nextMonthlyExpiry() {
    return nextMonthlyIndex < 0
        ? java.util.Optional.empty()
        : java.util.Optional.of(expiries[nextMonthlyIndex]);
  }

  /** The diagnostics of the source and of the contracts left out when resolving. */
  public List<ContractDiagnostic> diagnostics() {
    return diagnostics;
  }

  /** d1 of contract {@code i} at a spot whose log is {@code lnSpot}. */
  double d1(int i, double lnSpot) {
    return (lnSpot - lnStrike[i] + drift[i]) * invSd[i];
  }

  /**
   * A mask selecting the contracts whose expiry index differs from {@code excludedExpiry} (or all when it
   * is negative).
   */
  boolean[] maskExcluding(int excludedExpiry) {
    boolean[] mask = new boolean[n];
    for (int i = 0; i < n; i++) {
      mask[i] = expiryIndex[i] != excludedExpiry;
    }
    return mask;
  }
}
