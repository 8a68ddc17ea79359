package io.gex.analysis;

import io.gex.ExpirySelection;
import io.gex.GexSettings;
import io.gex.IvSource;
import io.gex.chain.ContractDiagnostic;
import io.gex.chain.ContractDiagnostic.Reason;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.chain.SettlementStyle;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * An option chain resolved once, before any hot loop, into primitive arrays: for each priced contract its
 * strike, time to settlement in years, volatility, open interest, sign under the convention, and the
 * indices of its expiry and strike among the chain's sorted distinct expiries and strikes.
 *
 * <p>Resolving applies the conventions of {@link GexSettings}: contracts already settled, outside the expiry
 * selection, or with no usable implied volatility under the {@link IvSource} are left out with a {@link
 * ContractDiagnostic}; contracts with zero open interest are counted as used but carry no weight. The
 * source's own diagnostics come first in {@link #diagnostics()}. Contracts priced with a substituted
 * volatility are not left out; they are listed by {@link #dataQuality(double)}. The strike, right, open
 * interest, expiry and time of the contracts left out only for want of a volatility are kept apart, for the
 * figures that need none (max pain, open interest by strike).
 *
 * <p>This class is immutable and thread-safe: the arrays are never exposed.
 */
public final class ResolvedChain {

  private static final double INV_SQRT_2PI = io.gex.internal.BlackScholesKernel.INV_SQRT_2PI;

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

  /** Each priced contract's index in the chain's contract list. */
  final int[] chainIndex;

  /** Live, selected contracts with no usable volatility: for the volatility-free figures. */
  final Unpriced unpriced;

  final Substitutions substitutions;

  /** The gamma kernel with the contracts that share a Gaussian merged (built on first use). */
  private volatile @Nullable GammaTerms terms;

  private ResolvedChain(
      OptionChain chain,
      GexSettings settings,
      LocalDate valuationDate,
      List<OptionContract> priced,
      double[] tau,
      double[] vol,
      List<ContractDiagnostic> diagnostics,
      int[] chainIndex,
      Unpriced unpriced,
      Substitutions substitutions) {
    this.chainIndex = chainIndex;
    this.unpriced = unpriced;
    this.substitutions = substitutions;
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
   * Resolves a chain under the given settings: settlement first (contracts already settled are left out),
   * then the expiry selection, then each remaining contract's implied volatility by the rules of {@link
   * GexSettings#ivSource()} ({@link IvSource}). Contracts that pass the first two steps but get no usable
   * volatility are left out of pricing, yet their open interest stays available to the volatility-free
   * figures (max pain, open interest by strike).
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
    int total = contracts.size();
    double[] skippedOi = new double[Reason.values().length];
    double chainOi = 0;

    // First pass: settlement, keeping the live contracts' indices and times.
    int[] live = new int[total];
    int liveCount = 0;
    double[] tauAll = new double[total];
    // What the IV rules need, read while each contract is in cache: quoted IV, moneyness, call/put pairs
    // (sources list a strike's call and put side by side; VolatilityRules pairs the rest).
    double[] ivAll = new double[total];
    boolean[] otmAll = new boolean[total];
    int[] partner = new int[total];
    double spot = chain.spot();
    // Settlement instants per (date, style): zone rules are looked up once per expiry, not per contract.
    Map<LocalDate, Instant> amSettles = new HashMap<>();
    Map<LocalDate, Instant> pmSettles = new HashMap<>();
    java.util.function.Function<LocalDate, Instant> amSettlement =
        d -> d.atTime(settings.amSettlementTime()).atZone(settings.settlementZone()).toInstant();
    java.util.function.Function<LocalDate, Instant> pmSettlement =
        d -> d.atTime(settings.pmSettlementTime()).atZone(settings.settlementZone()).toInstant();
    OptionContract previous = null;
    Instant previousSettles = now;
    Instant settledFor = null;
    String settledDetail = "";
    String settledExpiry = "";
    for (int i = 0; i < total; i++) {
      OptionContract c = contracts.get(i);
      chainOi += c.openInterest();
      ivAll[i] = c.impliedVolatility();
      otmAll[i] = c.isCall() ? c.strike() >= spot : c.strike() < spot;
      partner[i] = -1;
      if (previous != null && partner[i - 1] < 0 && VolatilityRules.isPair(previous, c)) {
        partner[i] = i - 1;
        partner[i - 1] = i;
      }
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
        skippedOi[Reason.SETTLED.ordinal()] += c.openInterest();
        if (settles != settledFor) {
          // One text per settlement instant: formatting instants costs microseconds, and a chain can
          // hold thousands of settled contracts.
          settledFor = settles;
          settledDetail = c.settlement() + "-settled at " + settles + ", not after the valuation time " + now;
          settledExpiry = c.expiry().toString();
        }
        diagnostics.add(
            new ContractDiagnostic(
                c.symbol().toString(), "expiry", settledExpiry, Reason.SETTLED, settledDetail));
        continue;
      }
      double seconds =
          (settles.getEpochSecond() - now.getEpochSecond())
              + (settles.getNano() - now.getNano()) / 1e9;
      tauAll[i] = Math.max(seconds / secondsPerYear, floor);
      live[liveCount++] = i;
    }

    // Second pass: the expiry selection, which needs the set of live expiries (next monthly).
    int[] selected = live;
    int selectedCount = liveCount;
    ExpirySelection selection = settings.expirySelection();
    if (selection.kind() != ExpirySelection.Kind.ALL) {
      LocalDate nextMonthly = null;
      if (selection.kind() == ExpirySelection.Kind.THROUGH_NEXT_MONTHLY) {
        for (int a = 0; a < liveCount; a++) {
          LocalDate e = contracts.get(live[a]).expiry();
          if (isThirdFriday(e) && (nextMonthly == null || e.isBefore(nextMonthly))) {
            nextMonthly = e;
          }
        }
      }
      selected = new int[liveCount];
      selectedCount = 0;
      long todayEpochDay = today.toEpochDay();
      for (int a = 0; a < liveCount; a++) {
        OptionContract c = contracts.get(live[a]);
        long days = c.expiry().toEpochDay() - todayEpochDay;
        if (selected(selection, days, c.expiry(), nextMonthly)) {
          selected[selectedCount++] = live[a];
          continue;
        }
        skippedOi[Reason.EXCLUDED_BY_EXPIRY_SELECTION.ordinal()] += c.openInterest();
        diagnostics.add(
            new ContractDiagnostic(
                c.symbol().toString(),
                "expiry",
                c.expiry().toString(),
                Reason.EXCLUDED_BY_EXPIRY_SELECTION,
                days + " days to expiry, outside the selection " + selection));
      }
    }

    // Third pass: implied volatilities by the rules of the IV source.
    double[] volAll = new double[total];
    Reason[] reasonAll = new Reason[total];
    List<ContractDiagnostic> substitutionDiagnostics = new ArrayList<>();
    VolatilityRules.resolve(
        chain, settings, selected, selectedCount, tauAll, ivAll, otmAll, partner, volAll, reasonAll,
        diagnostics, substitutionDiagnostics);

    List<OptionContract> priced = new ArrayList<>(selectedCount);
    int[] pricedChainIndex = new int[selectedCount];
    double[] tau = new double[selectedCount];
    double[] vol = new double[selectedCount];
    int[] substituted = new int[substitutionDiagnostics.size()];
    Reason[] substitutedReason = new Reason[substitutionDiagnostics.size()];
    int substitutedCount = 0;
    Unpriced unpriced = new Unpriced(selectedCount - countPositive(volAll, selected, selectedCount));
    for (int a = 0; a < selectedCount; a++) {
      int i = selected[a];
      OptionContract c = contracts.get(i);
      if (volAll[i] > 0) {
        if (reasonAll[i] != null) {
          substitutedReason[substitutedCount] = reasonAll[i];
          substituted[substitutedCount++] = priced.size();
        }
        pricedChainIndex[priced.size()] = i;
        tau[priced.size()] = tauAll[i];
        vol[priced.size()] = volAll[i];
        priced.add(c);
      } else {
        Reason reason = java.util.Objects.requireNonNull(reasonAll[i], "skip reason");
        skippedOi[reason.ordinal()] += c.openInterest();
        unpriced.add(c, tauAll[i], i);
      }
    }
    return new ResolvedChain(
        chain,
        settings,
        today,
        priced,
        Arrays.copyOf(tau, priced.size()),
        Arrays.copyOf(vol, priced.size()),
        diagnostics,
        Arrays.copyOf(pricedChainIndex, priced.size()),
        unpriced,
        new Substitutions(
            Arrays.copyOf(substituted, substitutedCount),
            Arrays.copyOf(substitutedReason, substitutedCount),
            substitutionDiagnostics,
            skippedOi,
            chainOi));
  }

  private static int countPositive(double[] values, int[] indices, int count) {
    int positive = 0;
    for (int a = 0; a < count; a++) {
      if (values[indices[a]] > 0) {
        positive++;
      }
    }
    return positive;
  }

  private static boolean selected(
      ExpirySelection selection, long days, LocalDate expiry, @Nullable LocalDate nextMonthly) {
    switch (selection.kind()) {
      case ZERO_DTE_ONLY:
        return days == 0;
      case EXCLUDE_ZERO_DTE:
        return days != 0;
      case THROUGH_NEXT_MONTHLY:
        return nextMonthly == null || !expiry.isAfter(nextMonthly);
      case DAYS_TO_EXPIRY:
        return days >= selection.minDays() && days <= selection.maxDays();
      case ALL:
      default:
        return true;
    }
  }

  /**
   * The contracts that are live and selected but have no usable implied volatility: what max pain and open
   * interest by strike need of them (strike, right, open interest, expiry, time to settlement).
   */
  static final class Unpriced {
    int size;
    final double[] strike;
    final boolean[] call;
    final double[] openInterest;
    final double[] tau;
    final LocalDate[] expiry;
    final int[] chainIndex;

    Unpriced(int capacity) {
      chainIndex = new int[capacity];
      strike = new double[capacity];
      call = new boolean[capacity];
      openInterest = new double[capacity];
      tau = new double[capacity];
      expiry = new LocalDate[capacity];
    }

    void add(OptionContract c, double t, int index) {
      chainIndex[size] = index;
      strike[size] = c.strike();
      call[size] = c.isCall();
      openInterest[size] = c.openInterest();
      tau[size] = t;
      expiry[size] = c.expiry();
      size++;
    }
  }

  /** The priced contracts whose volatility was substituted, their diagnostics, and skipped open interest. */
  record Substitutions(
      int[] pricedIndex,
      Reason[] reason,
      List<ContractDiagnostic> diagnostics,
      double[] skippedOpenInterestByReason,
      double chainOpenInterest) {}

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

  /**
   * The substitutions and the open interest left out (see {@link DataQuality}), with the substituted
   * contracts' |GEX| at spot measured against the given gross GEX.
   *
   * @param grossGex Σ |GEX at spot| of every priced contract, dollars per 1% move, finite and {@code >= 0}
   * @throws IllegalArgumentException if grossGex is negative or not finite
   */
  public DataQuality dataQuality(double grossGex) {
    if (!(grossGex >= 0) || Double.isInfinite(grossGex)) {
      throw new IllegalArgumentException("grossGex must be finite and >= 0, was " + grossGex);
    }
    java.util.EnumMap<Reason, Double> gexShares = new java.util.EnumMap<>(Reason.class);
    double lnSpot = Math.log(spot);
    int[] index = substitutions.pricedIndex();
    Reason[] reasons = substitutions.reason();
    for (int s = 0; s < index.length; s++) {
      int i = index[s];
      double d = d1(i, lnSpot);
      double gex = Math.abs(spot * gexCoef[i] * Math.exp(-0.5 * d * d));
      double share = grossGex > 0 ? Math.min(1, gex / grossGex) : 0;
      gexShares.merge(reasons[s], share, (a, b) -> Math.min(1, a + b));
    }
    java.util.EnumMap<Reason, Double> oiShares = new java.util.EnumMap<>(Reason.class);
    double[] skipped = substitutions.skippedOpenInterestByReason();
    double chainOi = substitutions.chainOpenInterest();
    for (Reason r : Reason.values()) {
      if (skipped[r.ordinal()] > 0 && chainOi > 0) {
        oiShares.put(r, Math.min(1, skipped[r.ordinal()] / chainOi));
      }
    }
    return new DataQuality(substitutions.diagnostics(), gexShares, oiShares);
  }

  /** The chain's merged gamma terms, built once (racing threads may build it twice, with equal results). */
  GammaTerms terms() {
    GammaTerms t = terms;
    if (t == null) {
      t = GammaTerms.of(this);
      terms = t;
    }
    return t;
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
