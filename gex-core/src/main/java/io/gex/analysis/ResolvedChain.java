package io.gex.analysis;

import io.gex.chain.ContractDiagnostic.Reason;
import io.gex.chain.ContractDiagnostic;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.chain.SettlementStyle;
import io.gex.internal.BlackScholesKernel;
import io.gex.internal.ContractTable;
import io.gex.positions.ContractFlow;
import io.gex.positions.CustomerFlow;
import io.gex.positions.PositionModel;
import io.gex.positions.PositionModels;
import io.gex.positions.PositionProvenance;
import io.gex.settings.ExpirySelection;
import io.gex.settings.GexSettings;
import io.gex.settings.IvSource;
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

  /** What resolving found from the instruments alone (for the next resolve of them). */
  private final Instruments instruments;

  /** The indices of the priced contracts (shared with the next resolve that prices the same ones). */
  private final Indexing indexing;

  /** Number of contracts in the chain resolved, priced or not. */
  final int chainSize;

  /** Number of priced contracts (all arrays below have this length). */
  final int n;

  final double[] strike;
  final double[] tau;
  final double[] vol;
  final double[] openInterest;
  final boolean[] call;

  /** ±1 under the settings' sign convention. */
  final double[] sign;

  /**
   * The dealers' position in contracts (+ long) under the position model: what every exposure weighs a
   * contract by. Exactly {@code sign * openInterest} under {@code oi}.
   */
  final double[] position;

  /** The position model. */
  private final PositionModel positionModel;

  /** Each priced contract's customer flow (null entries: no trades), or null when no contract traded. */
  private final ContractFlow @Nullable [] pricedFlow;

  /** The symbols of the priced contracts that traded (aligned with pricedFlow). */
  private final io.gex.chain.@Nullable OccSymbol[] pricedSymbol;

  /** The flow given to the resolve. */
  private final CustomerFlow flow;

  /** Trades of the flow whose contract is not priced here. */
  private final long tradesOutsideChain;

  /** Contracts where the model failed (they took sign * open interest). */
  private final int modelFailures;

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

  /** position * multiplier * 0.01 * e^(-q tau) * invSd / sqrt(2 pi) (position = sign * OI under oi). */
  final double[] gexCoef;

  private final List<ContractDiagnostic> diagnostics;

  /** Each priced contract's index in the chain's contract list. */
  final int[] chainIndex;

  /** Each priced contract's pair partner (same root, expiry and strike, other right) if priced, else -1. */
  final int[] partner;

  /** Live, selected contracts with no usable volatility: for the volatility-free figures. */
  final Priced unpriced;

  final Substitutions substitutions;

  /** The gamma kernel with the contracts that share a Gaussian merged (built on first use). */
  private volatile @Nullable GammaTerms terms;

  /**
   * Whether a volatility was solved from a mid quoted at the chain's spot (no {@link
   * OptionContract#spotAtQuote()}), so that the volatilities depend on spot beyond moneyness.
   */
  private final boolean solvedAtSpot;

  private ResolvedChain(
      String underlying,
      double spot,
      Instant valuationTime,
      GexSettings settings,
      LocalDate valuationDate,
      Priced priced,
      List<ContractDiagnostic> diagnostics,
      Priced unpriced,
      Substitutions substitutions,
      int chainSize,
      Instruments instruments,
      List<OptionContract> contracts,
      PositionModel positionModel,
      CustomerFlow flow,
      ContractFlow @Nullable [] pricedFlow,
      long tradesOutsideChain,
      boolean solvedAtSpot) {
    this.solvedAtSpot = solvedAtSpot;
    this.instruments = instruments;
    this.positionModel = positionModel;
    this.flow = flow;
    this.pricedFlow = pricedFlow;
    this.pricedSymbol = new io.gex.chain.OccSymbol[pricedFlow == null ? 0 : pricedFlow.length];
    if (pricedFlow != null) {
      for (int i = 0; i < pricedFlow.length; i++) {
        if (pricedFlow[i] != null) {
          pricedSymbol[i] = contracts.get(priced.chainIndex[i]).symbol();
        }
      }
    }
    this.tradesOutsideChain = tradesOutsideChain;
    this.chainSize = chainSize;
    this.chainIndex = priced.chainIndex;
    this.partner = priced.partner;
    this.unpriced = unpriced;
    this.substitutions = substitutions;
    this.underlying = underlying;
    this.spot = spot;
    this.valuationTime = valuationTime;
    this.settings = settings;
    this.valuationDate = valuationDate;
    this.n = priced.size;
    this.tau = priced.tau;
    this.vol = priced.vol;
    this.strike = priced.strike;
    this.openInterest = priced.openInterest;
    this.call = priced.call;
    // The strike and expiry indices depend on which contracts are priced alone: when the same ones are
    // priced as in the last resolve of these instruments (a spot tick, a quote), they are shared.
    ResolvedChain previous = instruments.last;
    Indexing ix =
        previous != null && Arrays.equals(previous.chainIndex, priced.chainIndex)
            ? previous.indexing
            : Indexing.of(priced, settings);
    this.indexing = ix;
    this.sign = ix.sign;
    this.expiryIndex = ix.expiryIndex;
    this.strikeIndex = ix.strikeIndex;
    this.expiries = ix.expiries;
    this.strikes = ix.strikes;
    this.lnStrike = ix.lnStrike;
    this.nextMonthlyIndex = ix.nextMonthly;
    this.diagnostics = List.copyOf(diagnostics);
    this.position = new double[n];
    this.modelFailures = positions(positionModel, contracts, pricedFlow);
    this.drift = new double[n];
    this.invSd = new double[n];
    this.gexCoef = new double[n];
    for (int i = 0; i < n; i++) {
      prepare(i, settings, tau, vol, position, drift, invSd, gexCoef);
    }
  }

  /**
   * The last resolve of the same instruments pricing the same contracts under open interest with no flow,
   * at this spot with these volatilities and open interest (indexed by chain position): the columns that
   * did not change are shared, and those that did are copied with only the changed contracts' entries
   * computed again (by the same formulas as the full constructor, so every entry is what it would compute).
   * Without columns ({@code volAll} null): every column shared.
   */
  private ResolvedChain(
      ResolvedChain last,
      String underlying,
      double spot,
      double @Nullable [] volAll,
      double @Nullable [] oiAll,
      List<ContractDiagnostic> diagnostics,
      Substitutions substitutions,
      boolean solvedAtSpot) {
    this.solvedAtSpot = solvedAtSpot;
    this.underlying = underlying;
    this.spot = spot;
    this.valuationTime = last.valuationTime;
    this.settings = last.settings;
    this.valuationDate = last.valuationDate;
    this.instruments = last.instruments;
    this.indexing = last.indexing;
    this.chainSize = last.chainSize;
    this.n = last.n;
    this.strike = last.strike;
    this.tau = last.tau;
    this.call = last.call;
    this.sign = last.sign;
    this.expiryIndex = last.expiryIndex;
    this.strikeIndex = last.strikeIndex;
    this.expiries = last.expiries;
    this.strikes = last.strikes;
    this.nextMonthlyIndex = last.nextMonthlyIndex;
    this.lnStrike = last.lnStrike;
    this.diagnostics = List.copyOf(diagnostics);
    this.chainIndex = last.chainIndex;
    this.partner = last.partner;
    this.unpriced = last.unpriced;
    this.substitutions = substitutions;
    this.positionModel = PositionModels.OI;
    this.flow = CustomerFlow.EMPTY;
    this.pricedFlow = null;
    this.pricedSymbol = new io.gex.chain.OccSymbol[0];
    this.tradesOutsideChain = 0;
    this.modelFailures = 0;
    double[] v = last.vol;
    double[] oi = last.openInterest;
    double[] pos = last.position;
    double[] dr = last.drift;
    double[] is = last.invSd;
    double[] gc = last.gexCoef;
    for (int p = 0; volAll != null && oiAll != null && p < n; p++) {
      int i = chainIndex[p];
      if (volAll[i] == last.vol[p] && oiAll[i] == last.openInterest[p]) {
        continue;
      }
      if (gc == last.gexCoef) {
        v = last.vol.clone();
        oi = last.openInterest.clone();
        pos = last.position.clone();
        dr = last.drift.clone();
        is = last.invSd.clone();
        gc = last.gexCoef.clone();
      }
      v[p] = volAll[i];
      oi[p] = oiAll[i];
      pos[p] = sign[p] * oi[p];
      prepare(p, settings, tau, v, pos, dr, is, gc);
    }
    this.vol = v;
    this.openInterest = oi;
    this.position = pos;
    this.drift = dr;
    this.invSd = is;
    this.gexCoef = gc;
    // The merged kernel depends on volatilities and positions, not on spot.
    GammaTerms t = last.terms;
    this.terms = t == null || gc != last.gexCoef ? null : t.atSpot(spot);
  }

  /** The gamma kernel's prepared entries of contract p: drift, 1/sd and the gamma coefficient. */
  private static void prepare(
      int p,
      GexSettings settings,
      double[] tau,
      double[] vol,
      double[] position,
      double[] drift,
      double[] invSd,
      double[] gexCoef) {
    double r = settings.rate();
    double q = settings.dividendYield();
    double scale = settings.multiplier() * 0.01 * INV_SQRT_2PI;
    drift[p] = (r - q + 0.5 * vol[p] * vol[p]) * tau[p];
    invSd[p] = 1.0 / (vol[p] * Math.sqrt(tau[p]));
    double discount = BlackScholesKernel.discount(q, tau[p]);
    gexCoef[p] = position[p] * scale * discount * invSd[p];
  }

  /**
   * Whether the selected contracts with these volatilities price exactly the contracts of {@code last} and
   * leave the same ones unpriced, with the same open interest for those.
   */
  private static boolean samePricedSet(
      ResolvedChain last, int[] selected, int count, double[] vol, double[] oi) {
    Priced u = last.unpriced;
    int p = 0;
    int q = 0;
    for (int a = 0; a < count; a++) {
      int i = selected[a];
      if (vol[i] > 0) {
        if (p == last.n || last.chainIndex[p] != i) {
          return false;
        }
        p++;
      } else {
        if (q == u.size || u.chainIndex[q] != i || u.openInterest[q] != oi[i]) {
          return false;
        }
        q++;
      }
    }
    return p == last.n && q == u.size;
  }

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ResolvedChain.class);

  /** Fills {@link #position} under the model; returns the number of contracts where the model failed. */
  private int positions(
      PositionModel model, List<OptionContract> contracts, ContractFlow @Nullable [] flows) {
    if (model == PositionModels.OI) {
      for (int i = 0; i < n; i++) {
        position[i] = sign[i] * openInterest[i];
      }
      return 0;
    }
    int failures = 0;
    Throwable first = null;
    for (int i = 0; i < n; i++) {
      ContractFlow f = flows == null ? null : flows[i];
      double net = f == null ? 0 : f.net();
      double p;
      try {
        p = model.dealerPosition(sign[i], contracts.get(chainIndex[i]), net);
      } catch (RuntimeException | Error e) {
        if (e instanceof VirtualMachineError) {
          throw e;
        }
        first = first == null ? e : first;
        p = Double.NaN;
      }
      if (!Double.isFinite(p)) {
        failures++;
        p = sign[i] * openInterest[i];
      }
      position[i] = p;
    }
    if (failures > 0) {
      LOG.warn(
          "position model {} failed on {} of {} contracts; they take sign x open interest",
          model.id(), failures, n, first);
    }
    return failures;
  }

  /** The priced contracts' signs, strike and expiry indices, and the log of their strikes. */
  private static final class Indexing {
    final double[] sign;
    final int[] expiryIndex;
    final int[] strikeIndex;
    final LocalDate[] expiries;
    final double[] strikes;
    final double[] lnStrike;
    final int nextMonthly;

    private Indexing(
        double[] sign,
        int[] expiryIndex,
        int[] strikeIndex,
        LocalDate[] expiries,
        double[] strikes,
        double[] lnStrike,
        int nextMonthly) {
      this.sign = sign;
      this.expiryIndex = expiryIndex;
      this.strikeIndex = strikeIndex;
      this.expiries = expiries;
      this.strikes = strikes;
      this.lnStrike = lnStrike;
      this.nextMonthly = nextMonthly;
    }

    static Indexing of(Priced priced, GexSettings settings) {
      int n = priced.size;
      boolean[] call = priced.call;
      double[] strike = priced.strike;
      double[] sign = new double[n];
      double callSign = settings.signConvention().sign(true);
      double putSign = settings.signConvention().sign(false);
      for (int i = 0; i < n; i++) {
        sign[i] = call[i] ? callSign : putSign;
      }
      // Distinct expiries and strikes by hashing, then sorting only the distinct values (a few hundred
      // strikes, a few dozen expiries) and ranking: no sort or binary search over the contracts.
      int[] expiryIndex = new int[n];
      Map<LocalDate, Integer> expiryIds = new HashMap<>();
      List<LocalDate> expiryList = new ArrayList<>();
      LocalDate[] expiry = priced.expiry;
      for (int i = 0; i < n; i++) {
        if (i > 0 && expiry[i].equals(expiry[i - 1])) {
          expiryIndex[i] = expiryIndex[i - 1]; // sources list contracts grouped by expiry
          continue;
        }
        Integer id = expiryIds.get(expiry[i]);
        if (id == null) {
          id = expiryList.size();
          expiryIds.put(expiry[i], id);
          expiryList.add(expiry[i]);
        }
        expiryIndex[i] = id;
      }
      Integer[] expiryOrder = new Integer[expiryList.size()];
      for (int e = 0; e < expiryOrder.length; e++) {
        expiryOrder[e] = e;
      }
      Arrays.sort(expiryOrder, (a, b) -> expiryList.get(a).compareTo(expiryList.get(b)));
      LocalDate[] expiries = new LocalDate[expiryOrder.length];
      int[] expiryRank = new int[expiryOrder.length];
      for (int e = 0; e < expiryOrder.length; e++) {
        expiries[e] = expiryList.get(expiryOrder[e]);
        expiryRank[expiryOrder[e]] = e;
      }
      for (int i = 0; i < n; i++) {
        expiryIndex[i] = expiryRank[expiryIndex[i]];
      }
      int[] strikeIndex = new int[n];
      DoubleIds strikeIds = new DoubleIds(n);
      for (int i = 0; i < n; i++) {
        strikeIndex[i] = i > 0 && strike[i] == strike[i - 1] ? strikeIndex[i - 1] : strikeIds.id(strike[i]);
      }
      double[] distinctStrikes = strikeIds.values();
      double[] strikes = distinctStrikes.clone();
      Arrays.sort(strikes);
      int[] strikeRank = new int[strikes.length];
      for (int k = 0; k < distinctStrikes.length; k++) {
        strikeRank[k] = Arrays.binarySearch(strikes, distinctStrikes[k]);
      }
      double[] lnStrikes = new double[strikes.length];
      for (int k = 0; k < strikes.length; k++) {
        lnStrikes[k] = Math.log(strikes[k]);
      }
      int monthly = -1;
      for (int e = 0; e < expiries.length; e++) {
        if (isThirdFriday(expiries[e])) {
          monthly = e;
          break;
        }
      }
      double[] lnStrike = new double[n];
      for (int i = 0; i < n; i++) {
        int k = strikeRank[strikeIndex[i]];
        strikeIndex[i] = k;
        lnStrike[i] = lnStrikes[k];
      }
      return new Indexing(sign, expiryIndex, strikeIndex, expiries, strikes, lnStrike, monthly);
    }
  }

  /**
   * Ids for distinct doubles in order of first sight, by open addressing on their bits. The table starts
   * small and doubles at half full: a chain of 19,000 contracts has a few hundred distinct strikes, and a
   * table sized for the contracts (65,536 slots, 768 KB) would make every probe a cache miss.
   */
  private static final class DoubleIds {
    private long[] keys;
    private int[] ids;
    private double[] values;
    private int mask;
    private int size;

    DoubleIds(int expected) {
      int capacity = 256;
      keys = new long[capacity];
      ids = new int[capacity];
      Arrays.fill(ids, -1);
      values = new double[Math.max(1, Math.min(expected, 128))];
      mask = capacity - 1;
    }

    int id(double value) {
      long bits = Double.doubleToLongBits(value);
      int h = slot(bits);
      while (ids[h] >= 0) {
        if (keys[h] == bits) {
          return ids[h];
        }
        h = (h + 1) & mask;
      }
      if (2 * (size + 1) > keys.length) {
        grow();
        h = slot(bits);
        while (ids[h] >= 0) {
          h = (h + 1) & mask;
        }
      }
      keys[h] = bits;
      ids[h] = size;
      if (size == values.length) {
        values = Arrays.copyOf(values, 2 * size);
      }
      values[size] = value;
      return size++;
    }

    /**
     * Fibonacci hashing: the top bits of the product. (Round strikes such as 4000.0 have tens of zero bits
     * at the bottom of their representation, and so of the product.)
     */
    private int slot(long bits) {
      return (int) ((bits * 0x9E3779B97F4A7C15L) >>> (64 - Integer.numberOfTrailingZeros(keys.length)));
    }

    private void grow() {
      long[] oldKeys = keys;
      int[] oldIds = ids;
      keys = new long[2 * oldKeys.length];
      ids = new int[2 * oldIds.length];
      Arrays.fill(ids, -1);
      mask = keys.length - 1;
      for (int k = 0; k < oldKeys.length; k++) {
        if (oldIds[k] >= 0) {
          int h = slot(oldKeys[k]);
          while (ids[h] >= 0) {
            h = (h + 1) & mask;
          }
          keys[h] = oldKeys[k];
          ids[h] = oldIds[k];
        }
      }
    }

    double[] values() {
      return Arrays.copyOf(values, size);
    }
  }

  /**
   * Contracts' fields gathered from the chain once: the priced ones, and apart the live, selected ones with
   * no usable volatility (vol 0), which max pain and open interest by strike still count.
   */
  static final class Priced {
    int size;
    final int[] chainIndex;
    final double[] strike;
    final boolean[] call;
    final double[] openInterest;
    final LocalDate[] expiry;
    final double[] tau;
    final double[] vol;
    final int[] partner;

    Priced(int capacity) {
      partner = new int[capacity];
      chainIndex = new int[capacity];
      strike = new double[capacity];
      call = new boolean[capacity];
      openInterest = new double[capacity];
      expiry = new LocalDate[capacity];
      tau = new double[capacity];
      vol = new double[capacity];
    }

    void add(int i, double k, boolean isCall, double oi, LocalDate date, double t, double v) {
      chainIndex[size] = i;
      strike[size] = k;
      call[size] = isCall;
      openInterest[size] = oi;
      expiry[size] = date;
      tau[size] = t;
      vol[size] = v;
      size++;
    }
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
    return resolve(
        chain.underlying(),
        chain.spot(),
        chain.valuationTime(),
        chain.contracts(),
        chain.diagnostics(),
        settings);
  }

  /**
   * Resolves a chain given by its parts, as {@link #resolve(OptionChain, GexSettings)} does, without
   * building an {@link OptionChain} (whose construction copies the contracts and checks them for
   * duplicates): for a caller that holds a chain's state already checked, such as {@link
   * io.gex.live.LiveChain}. The parts must satisfy {@link OptionChain}'s rules (spot and valuation time in
   * range, no contract twice), and the list must not change during the call.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the spot or the valuation time is out of range
   */
  public static ResolvedChain resolve(
      String underlying,
      double spot,
      Instant valuationTime,
      List<OptionContract> contracts,
      List<ContractDiagnostic> sourceDiagnostics,
      GexSettings settings) {
    return resolve(underlying, spot, valuationTime, contracts, sourceDiagnostics, settings, null);
  }

  /**
   * Resolves a chain given by its parts, reusing what an earlier resolve of the same instruments found
   * ({@link #instruments()}): settlement and time to expiry, the expiry selection, the call/put pairs, and,
   * when the same contracts are priced again, the strike and expiry indices. Only the market data (quoted
   * IVs, quotes, open interest, spot) is read again. A live chain resolves every tick this way.
   *
   * <p>The caller promises that {@code contracts} lists the same instruments (symbol and settlement) in
   * the same order as when {@code reuse} was made; market data may differ. {@code reuse} is ignored (and
   * the instruments resolved afresh) when the settings, the valuation time or the number of contracts
   * differ. An {@link Instruments} is not thread-safe: one resolve at a time.
   *
   * @param reuse the instruments of an earlier resolve, or null
   * @throws NullPointerException if an argument but reuse is null
   * @throws IllegalArgumentException if the spot or the valuation time is out of range
   */
  public static ResolvedChain resolve(
      String underlying,
      double spot,
      Instant valuationTime,
      List<OptionContract> contracts,
      List<ContractDiagnostic> sourceDiagnostics,
      GexSettings settings,
      @Nullable Instruments reuse) {
    return resolve(
        underlying, spot, valuationTime, contracts, sourceDiagnostics, settings, reuse, PositionModels.OI,
        CustomerFlow.EMPTY);
  }

  /**
   * Resolves a chain given by its parts, as {@link #resolve(String, double, Instant, List, List,
   * GexSettings, Instruments)} does, with each contract's dealer position decided by a {@link
   * PositionModel} from its market data and the customers' flow in it. Under {@link PositionModels#OI}
   * the positions are {@code sign × open interest} and every figure is that of the resolve without a
   * model. Trades of contracts that are not priced are counted ({@link
   * PositionProvenance#tradesOutsideChain()}).
   *
   * @param reuse the instruments of an earlier resolve, or null
   * @throws NullPointerException if an argument but reuse is null
   * @throws IllegalArgumentException if the spot or the valuation time is out of range
   */
  public static ResolvedChain resolve(
      String underlying,
      double spot,
      Instant valuationTime,
      List<OptionContract> contracts,
      List<ContractDiagnostic> sourceDiagnostics,
      GexSettings settings,
      @Nullable Instruments reuse,
      PositionModel positionModel,
      CustomerFlow flow) {
    checkArguments(underlying, spot, valuationTime, contracts, settings, positionModel, flow);
    Instruments known =
        reuse != null && reuse.fits(settings, valuationTime, contracts.size()) ? reuse : null;
    double[] ivAll;
    double[] oiAll;
    Instruments ins;
    if (known != null && !(contracts instanceof ContractTable)) {
      // A plain list whose instruments are known: only its market data is read.
      int total = contracts.size();
      ivAll = new double[total];
      oiAll = new double[total];
      for (int i = 0; i < total; i++) {
        OptionContract c = contracts.get(i);
        ivAll[i] = c.impliedVolatility();
        oiAll[i] = c.openInterest();
      }
      ins = known;
    } else {
      // The columns: an OptionChain's own, else one walk over the contract objects (on a chain of 19,000
      // they no longer sit in the processor's caches by a second walk). Only read: shared, not copied.
      ContractTable<OptionContract> table = Instruments.columns(contracts);
      ivAll = table.impliedVolatility();
      oiAll = table.openInterest();
      ins = known != null ? known : Instruments.of(table, valuationTime, settings);
    }
    return resolve(
        underlying, spot, valuationTime, contracts, ivAll, oiAll, sourceDiagnostics, settings, ins,
        reuse != null, positionModel, flow);
  }

  /**
   * Resolves a chain given by its parts with a position model and the customers' flow, as {@link
   * #resolve(String, double, Instant, List, List, GexSettings, Instruments, PositionModel, CustomerFlow)}
   * does, with the contracts' quoted implied volatilities and open interest given as columns too, for a
   * caller that keeps them (a live chain, which then reads no contract on a spot tick but those whose
   * volatility is solved from a mid or that get a diagnostic).
   *
   * <p>The caller promises that {@code impliedVolatility[i]} and {@code openInterest[i]} are {@code
   * contracts.get(i)}'s, for every contract; the arrays are read during the call only, and neither they
   * nor the list may change during it.
   *
   * @param impliedVolatility each contract's {@link OptionContract#impliedVolatility()}
   * @param openInterest each contract's {@link OptionContract#openInterest()}
   * @param reuse the instruments of an earlier resolve, or null
   * @throws NullPointerException if an argument but reuse is null
   * @throws IllegalArgumentException if the spot or the valuation time is out of range, or a column's
   *     length is not the number of contracts
   */
  public static ResolvedChain resolve(
      String underlying,
      double spot,
      Instant valuationTime,
      List<OptionContract> contracts,
      double[] impliedVolatility,
      double[] openInterest,
      List<ContractDiagnostic> sourceDiagnostics,
      GexSettings settings,
      @Nullable Instruments reuse,
      PositionModel positionModel,
      CustomerFlow flow) {
    checkArguments(underlying, spot, valuationTime, contracts, settings, positionModel, flow);
    if (impliedVolatility.length != contracts.size() || openInterest.length != contracts.size()) {
      throw new IllegalArgumentException(
          "the columns hold " + impliedVolatility.length + " implied volatilities and "
              + openInterest.length + " open interests for " + contracts.size() + " contracts");
    }
    Instruments ins =
        reuse != null && reuse.fits(settings, valuationTime, contracts.size())
            ? reuse
            : Instruments.of(Instruments.columns(contracts), valuationTime, settings);
    return resolve(
        underlying, spot, valuationTime, contracts, impliedVolatility, openInterest, sourceDiagnostics,
        settings, ins, reuse != null, positionModel, flow);
  }

  private static void checkArguments(
      String underlying,
      double spot,
      Instant valuationTime,
      List<OptionContract> contracts,
      GexSettings settings,
      PositionModel positionModel,
      CustomerFlow flow) {
    java.util.Objects.requireNonNull(positionModel, "positionModel");
    java.util.Objects.requireNonNull(flow, "flow");
    java.util.Objects.requireNonNull(underlying, "underlying");
    java.util.Objects.requireNonNull(contracts, "contracts");
    java.util.Objects.requireNonNull(settings, "settings");
    OptionChain.checkSpot(spot);
    OptionChain.checkValuationTime(valuationTime);
  }

  /**
   * The resolve proper, with the instruments found (given or made) and whether the caller gave
   * instruments to reuse: only then are solved mids and diagnostics remembered for the next resolve.
   */
  private static ResolvedChain resolve(
      String underlying,
      double spot,
      Instant valuationTime,
      List<OptionContract> contracts,
      double[] impliedVolatility,
      double[] openInterest,
      List<ContractDiagnostic> sourceDiagnostics,
      GexSettings settings,
      Instruments ins,
      boolean memoize,
      PositionModel positionModel,
      CustomerFlow flow) {
    List<ContractDiagnostic> diagnostics =
        new ArrayList<>(sourceDiagnostics.size() + ins.diagnostics.size() + 64);
    diagnostics.addAll(sourceDiagnostics);
    diagnostics.addAll(ins.diagnostics);
    LocalDate today = ins.today;
    int total = contracts.size();
    double[] skippedOi = new double[Reason.values().length];
    double chainOi = 0;
    // The market data: quoted IV, open interest, moneyness at this spot.
    double[] ivAll = impliedVolatility;
    double[] oiAll = openInterest;
    boolean[] otmAll = new boolean[total];
    double[] strikeAll = ins.strike;
    boolean[] callAll = ins.call;
    for (int i = 0; i < total; i++) {
      chainOi += oiAll[i];
      otmAll[i] = callAll[i] ? strikeAll[i] >= spot : strikeAll[i] < spot;
    }
    for (int a = 0; a < ins.settledCount; a++) {
      skippedOi[Reason.SETTLED.ordinal()] += oiAll[ins.settled[a]];
    }
    for (int a = 0; a < ins.excludedCount; a++) {
      skippedOi[Reason.EXCLUDED_BY_EXPIRY_SELECTION.ordinal()] += oiAll[ins.excluded[a]];
    }
    int[] selected = ins.selected;
    int selectedCount = ins.selectedCount;
    double[] tauAll = ins.tau;
    LocalDate[] expiryAll = ins.expiry;
    int[] partner = ins.partner;

    // Implied volatilities by the rules of the IV source.
    double[] volAll = new double[total];
    Reason[] reasonAll = new Reason[total];
    List<ContractDiagnostic> substitutionDiagnostics = new ArrayList<>();
    boolean solvedAtSpot =
        VolatilityRules.resolve(
            contracts, spot, settings, selected, selectedCount, tauAll, ivAll, otmAll, partner, volAll,
            reasonAll, diagnostics, substitutionDiagnostics, memoize ? ins.memo : null);

    // When the same contracts are priced as in the last resolve of these instruments (a spot tick, a quote,
    // an IV, an open interest), under open interest with no flow both times, its columns are reused: shared
    // where nothing changed, copied and patched at the contracts whose volatility or open interest did.
    // Only spot, diagnostics and substitutions are always new.
    ResolvedChain last = ins.last;
    boolean plain = positionModel == PositionModels.OI && flow.isEmpty();
    @Nullable ResolvedChain same =
        plain
                && last != null
                && last.positionModel == PositionModels.OI
                && last.flow.isEmpty()
                && samePricedSet(last, selected, selectedCount, volAll, oiAll)
            ? last
            : null;
    boolean share = same != null;
    int pricedCount = same != null ? same.n : countPositive(volAll, selected, selectedCount);
    Priced priced = new Priced(share ? 0 : pricedCount);
    int[] substituted = new int[substitutionDiagnostics.size()];
    Reason[] substitutedReason = new Reason[substitutionDiagnostics.size()];
    int substitutedCount = 0;
    Priced unpriced = new Priced(share ? 0 : selectedCount - pricedCount);
    int[] pricedOf = share ? new int[0] : new int[total];
    Arrays.fill(pricedOf, -1);
    int pricedSoFar = 0;
    for (int a = 0; a < selectedCount; a++) {
      int i = selected[a];
      if (volAll[i] > 0) {
        if (reasonAll[i] != null) {
          substitutedReason[substitutedCount] = reasonAll[i];
          substituted[substitutedCount++] = pricedSoFar;
        }
        if (!share) {
          pricedOf[i] = priced.size;
          priced.add(i, strikeAll[i], callAll[i], oiAll[i], expiryAll[i], tauAll[i], volAll[i]);
        }
        pricedSoFar++;
      } else {
        Reason reason = java.util.Objects.requireNonNull(reasonAll[i], "skip reason");
        skippedOi[reason.ordinal()] += oiAll[i];
        if (!share) {
          unpriced.add(i, strikeAll[i], callAll[i], oiAll[i], expiryAll[i], tauAll[i], 0);
        }
      }
    }
    Substitutions substitutions =
        new Substitutions(
            Arrays.copyOf(substituted, substitutedCount),
            Arrays.copyOf(substitutedReason, substitutedCount),
            substitutionDiagnostics,
            skippedOi,
            chainOi);
    if (same != null) {
      ResolvedChain resolved =
          new ResolvedChain(
              same, underlying, spot, volAll, oiAll, diagnostics, substitutions, solvedAtSpot);
      ins.last = resolved;
      return resolved;
    }
    // Each priced contract's customer flow; the trades of contracts not priced are counted.
    ContractFlow[] pricedFlow = null;
    long outside = 0;
    if (!flow.isEmpty()) {
      pricedFlow = new ContractFlow[priced.size];
      Map<io.gex.chain.OccSymbol, Integer> index = ins.symbolIndex(contracts);
      for (Map.Entry<io.gex.chain.OccSymbol, ContractFlow> e : flow.byContract().entrySet()) {
        Integer at = index.get(e.getKey());
        int p = at == null ? -1 : pricedOf[at];
        if (p < 0) {
          outside += e.getValue().trades();
        } else {
          pricedFlow[p] = e.getValue();
        }
      }
    }
    // Each priced contract's priced partner (the other member of its call/put pair), for GammaTerms.
    for (int p = 0; p < priced.size; p++) {
      int j = partner[priced.chainIndex[p]];
      priced.partner[p] = j >= 0 ? pricedOf[j] : -1;
    }
    ResolvedChain resolved =
        new ResolvedChain(
            underlying,
            spot,
            valuationTime,
            settings,
            today,
            priced,
            diagnostics,
            unpriced,
            substitutions,
            total,
            ins,
            contracts,
            positionModel,
            flow,
            pricedFlow,
            outside,
            solvedAtSpot);
    ins.last = resolved;
    return resolved;
  }

  /**
   * What resolving finds from the instruments alone (symbols and settlement styles), the settings and the
   * valuation time, whatever the market data: times to settlement, which contracts had settled or fall
   * outside the expiry selection (with their diagnostics), the call/put pairs, and the last chain resolved
   * with them. Obtained from {@link ResolvedChain#instruments()} and handed back to
   * {@link ResolvedChain#resolve(String, double, Instant, List, List, GexSettings, Instruments)}. Not
   * thread-safe; holds no market data.
   */
  public static final class Instruments {
    final GexSettings settings;
    final Instant valuationTime;
    final LocalDate today;
    final int total;
    final double[] strike;
    final boolean[] call;
    final LocalDate[] expiry;
    final double[] tau;
    final int[] partner;
    final int[] selected;
    final int selectedCount;
    final int[] settled;
    final int settledCount;
    final int[] excluded;
    final int excludedCount;
    final List<ContractDiagnostic> diagnostics;
    @Nullable ResolvedChain last;
    private @Nullable Map<io.gex.chain.OccSymbol, Integer> symbolIndex;

    /** The IV rules' diagnostics, reused by the next resolve of these instruments. */
    final VolatilityRules.Memo memo;

    /** Each contract's index by symbol, built on first use (only resolves with customer flow need it). */
    Map<io.gex.chain.OccSymbol, Integer> symbolIndex(List<OptionContract> contracts) {
      Map<io.gex.chain.OccSymbol, Integer> index = symbolIndex;
      if (index == null) {
        index = new HashMap<>(2 * contracts.size());
        for (int i = 0; i < contracts.size(); i++) {
          index.put(contracts.get(i).symbol(), i);
        }
        symbolIndex = index;
      }
      return index;
    }

    private Instruments(
        GexSettings settings,
        Instant valuationTime,
        LocalDate today,
        double[] strike,
        boolean[] call,
        LocalDate[] expiry,
        double[] tau,
        int[] partner,
        int[] selected,
        int selectedCount,
        int[] settled,
        int settledCount,
        int[] excluded,
        int excludedCount,
        List<ContractDiagnostic> diagnostics) {
      this.settings = settings;
      this.valuationTime = valuationTime;
      this.today = today;
      this.total = strike.length;
      this.strike = strike;
      this.call = call;
      this.expiry = expiry;
      this.tau = tau;
      this.partner = partner;
      this.selected = selected;
      this.selectedCount = selectedCount;
      this.settled = settled;
      this.settledCount = settledCount;
      this.excluded = excluded;
      this.excludedCount = excludedCount;
      this.diagnostics = diagnostics;
      this.memo = new VolatilityRules.Memo(strike.length);
    }

    /** The selected contracts' strikes, ascending; sorted on first use (a race sorts twice, harmlessly). */
    private volatile double @Nullable [] selectedStrikes;

    /** Whether a selected contract's strike lies in [low, high): its moneyness differs at the two ends. */
    boolean strikeIn(double low, double high) {
      double[] sorted = selectedStrikes;
      if (sorted == null) {
        sorted = new double[selectedCount];
        for (int a = 0; a < selectedCount; a++) {
          sorted[a] = strike[selected[a]];
        }
        Arrays.sort(sorted);
        selectedStrikes = sorted;
      }
      int at = Arrays.binarySearch(sorted, low);
      if (at >= 0) {
        return low < high; // a strike at low
      }
      at = -at - 1; // the first strike above low
      return at < sorted.length && sorted[at] < high;
    }

    boolean fits(GexSettings s, Instant time, int contracts) {
      return settings.equals(s) && valuationTime.equals(time) && total == contracts;
    }

    /**
     * The columns of a chain's contracts: the chain's own (an {@link OptionChain} keeps its contracts in a
     * {@link ContractTable}), else a table made on one walk over the contract objects.
     */
    static ContractTable<OptionContract> columns(List<OptionContract> contracts) {
      if (contracts instanceof ContractTable<OptionContract> table) {
        return table;
      }
      ContractTable.Builder<OptionContract> b = ContractTable.builder(contracts.size());
      OptionContract previous = null;
      for (OptionContract c : contracts) {
        b.add(
            c, c.strike(), c.isCall(), c.impliedVolatility(), c.openInterest(), c.expiry(),
            c.settlement() == SettlementStyle.AM,
            previous != null && previous.symbol().pairsWith(c.symbol()));
        previous = c;
      }
      return b.build(false);
    }

    /**
     * Settlement and time to expiry of every contract, then the expiry selection; from the columns, so that
     * no contract object is read but those that get a diagnostic.
     */
    static Instruments of(ContractTable<OptionContract> contracts, Instant now, GexSettings settings) {
      LocalDate today = now.atZone(settings.settlementZone()).toLocalDate();
      double secondsPerYear = settings.daysPerYear() * 86_400.0;
      double floor = settings.minTimeToExpiryYears();
      int total = contracts.size();
      List<ContractDiagnostic> diagnostics = new ArrayList<>();
      // What depends on the expiry and settlement alone, once per (expiry, settlement) key.
      LocalDate[] keyExpiry = contracts.keyExpiry();
      boolean[] keyAm = contracts.keyAmSettled();
      int keys = keyExpiry.length;
      double[] keyTau = new double[keys];
      @Nullable String[] settledDetail = new String[keys]; // null: not settled
      for (int k = 0; k < keys; k++) {
        LocalDate date = keyExpiry[k];
        Instant settles =
            date.atTime(keyAm[k] ? settings.amSettlementTime() : settings.pmSettlementTime())
                .atZone(settings.settlementZone())
                .toInstant();
        if (!settles.isAfter(now)) {
          settledDetail[k] =
              (keyAm[k] ? SettlementStyle.AM : SettlementStyle.PM) + "-settled at " + settles
                  + ", not after the valuation time " + now;
        } else {
          double seconds =
              (settles.getEpochSecond() - now.getEpochSecond())
                  + (settles.getNano() - now.getNano()) / 1e9;
          keyTau[k] = Math.max(seconds / secondsPerYear, floor);
        }
      }
      int[] live = new int[total];
      int liveCount = 0;
      int[] settled = new int[total];
      int settledCount = 0;
      double[] tauAll = new double[total];
      LocalDate[] expiryAll = new LocalDate[total];
      int[] partner = new int[total];
      int[] expiryKey = contracts.expiryKey();
      boolean[] pairsWithPrevious = contracts.pairsWithPrevious();
      for (int i = 0; i < total; i++) {
        // Sources list a strike's call and put side by side; the IV rules pair the rest.
        partner[i] = -1;
        if (pairsWithPrevious[i] && partner[i - 1] < 0) {
          partner[i] = i - 1;
          partner[i - 1] = i;
        }
        int k = expiryKey[i];
        expiryAll[i] = keyExpiry[k];
        String detail = settledDetail[k];
        if (detail != null) {
          settled[settledCount++] = i;
          diagnostics.add(
              new ContractDiagnostic(
                  contracts.get(i).symbol().toString(), "expiry", keyExpiry[k].toString(),
                  Reason.SETTLED, detail));
          continue;
        }
        tauAll[i] = keyTau[k];
        live[liveCount++] = i;
      }
      double[] strikeAll = contracts.strike();
      boolean[] callAll = contracts.call();

      // The expiry selection, which needs the set of live expiries (next monthly).
      int[] selected = live;
      int selectedCount = liveCount;
      int[] excluded = new int[0];
      int excludedCount = 0;
      ExpirySelection selection = settings.expirySelection();
      if (selection.kind() != ExpirySelection.Kind.ALL) {
        LocalDate nextMonthly = null;
        if (selection.kind() == ExpirySelection.Kind.THROUGH_NEXT_MONTHLY) {
          for (int a = 0; a < liveCount; a++) {
            LocalDate e = expiryAll[live[a]];
            if (isThirdFriday(e) && (nextMonthly == null || e.isBefore(nextMonthly))) {
              nextMonthly = e;
            }
          }
        }
        selected = new int[liveCount];
        selectedCount = 0;
        excluded = new int[liveCount];
        long todayEpochDay = today.toEpochDay();
        for (int a = 0; a < liveCount; a++) {
          LocalDate expiry = expiryAll[live[a]];
          long days = expiry.toEpochDay() - todayEpochDay;
          if (selected(selection, days, expiry, nextMonthly)) {
            selected[selectedCount++] = live[a];
            continue;
          }
          excluded[excludedCount++] = live[a];
          diagnostics.add(
              new ContractDiagnostic(
                  contracts.get(live[a]).symbol().toString(),
                  "expiry",
                  expiry.toString(),
                  Reason.EXCLUDED_BY_EXPIRY_SELECTION,
                  days + " days to expiry, outside the selection " + selection));
        }
      }
      if (settings.ivSource() != IvSource.VENDOR) {
        // The IV rules of otm and mid pair the contracts not listed side by side too (vendor needs no pairs).
        VolatilityRules.pairRest(contracts, selected, selectedCount, partner);
      }
      return new Instruments(
          settings, now, today, strikeAll, callAll, expiryAll, tauAll, partner, selected, selectedCount,
          settled, settledCount, excluded, excludedCount, List.copyOf(diagnostics));
    }
  }

  /**
   * The same contracts and market data resolved at another spot, when nothing but spot would change: every
   * column, index, diagnostic and substitution of this chain shared, and the gamma kernel too. That is when
   * no selected contract's strike lies between the two spots (no call or put changes moneyness, so the IV
   * rules choose as before), no volatility was solved from a mid quoted at the chain's spot (a quote that
   * names its spot, {@link OptionContract#spotAtQuote()}, is solved there whatever the chain's spot), and
   * dealer positions are open interest with no customer flow. Otherwise empty: resolve the chain again.
   * Equal in every figure to a resolve of the same state at that spot. Costs a binary search.
   *
   * @throws IllegalArgumentException if the spot is not in the range {@link OptionChain} accepts
   */
  public java.util.Optional<ResolvedChain> atSpot(double newSpot) {
    OptionChain.checkSpot(newSpot);
    if (newSpot == spot) {
      return java.util.Optional.of(this);
    }
    if (solvedAtSpot
        || positionModel != PositionModels.OI
        || !flow.isEmpty()
        || instruments.strikeIn(Math.min(spot, newSpot), Math.max(spot, newSpot))) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new ResolvedChain(this, underlying, newSpot, null, null, diagnostics, substitutions, false));
  }

  /** What this chain's resolve found from the instruments alone, to hand to the next resolve of them. */
  public Instruments instruments() {
    return instruments;
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

  /** The number of contracts of the chain resolved, priced or not. */
  public int chainSize() {
    return chainSize;
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

  /** The position model the chain was resolved with. */
  public PositionModel positionModel() {
    return positionModel;
  }

  /**
   * What the dealer positions were made from: the model, the flow's trade counts, the share of gross GEX at
   * spot that comes from flow, and the flow's data-quality checks (see {@link PositionProvenance}).
   */
  public PositionProvenance positionProvenance() {
    if (flow.isEmpty() && modelFailures == 0) {
      return positionModel == PositionModels.OI
          ? PositionProvenance.OPEN_INTEREST
          : PositionProvenance.none(positionModel.id());
    }
    double flowGross = 0;
    double baseGross = 0;
    int netAboveVolume = 0;
    List<PositionProvenance.FlaggedContract> flagged = new ArrayList<>();
    List<Double> ratios = new ArrayList<>();
    ContractFlow[] flows = pricedFlow;
    if (flows != null) {
      boolean share = positionModel.usesFlow();
      double lnSpot = Math.log(spot);
      double q = settings.dividendYield();
      double scale = spot * settings.multiplier() * 0.01 * INV_SQRT_2PI;
      for (int i = 0; i < n; i++) {
        ContractFlow f = flows[i];
        if (f == null) {
          if (share) {
            double d = d1(i, lnSpot);
            baseGross += Math.abs(spot * gexCoef[i] * Math.exp(-0.5 * d * d));
          }
          continue;
        }
        long net = f.net();
        if (Math.abs(net) > f.volume()) {
          netAboveVolume++;
        }
        if (Math.abs((double) net) > PositionProvenance.FLAG_MULTIPLE * openInterest[i]) {
          flagged.add(
              new PositionProvenance.FlaggedContract(
                  String.valueOf(pricedSymbol[i]), net, f.volume(), openInterest[i]));
          ratios.add(openInterest[i] > 0 ? Math.abs(net) / openInterest[i] : Double.MAX_VALUE);
        }
        if (share) {
          double d = d1(i, lnSpot);
          double perContract =
              Math.abs(scale * BlackScholesKernel.discount(q, tau[i]) * invSd[i] * Math.exp(-0.5 * d * d));
          flowGross += perContract * Math.abs((double) net);
          baseGross += perContract * Math.abs(position[i] + net);
        }
      }
    }
    Integer[] order = new Integer[flagged.size()];
    for (int k = 0; k < order.length; k++) {
      order[k] = k;
    }
    Arrays.sort(
        order,
        (a, b) -> {
          int byRatio = Double.compare(ratios.get(b), ratios.get(a));
          return byRatio != 0
              ? byRatio
              : Long.compare(Math.abs(flagged.get(b).customerNet()), Math.abs(flagged.get(a).customerNet()));
        });
    List<PositionProvenance.FlaggedContract> listed = new ArrayList<>();
    for (int k = 0; k < order.length && k < PositionProvenance.MAX_FLAGGED; k++) {
      listed.add(flagged.get(order[k]));
    }
    double gross = flowGross + baseGross;
    return new PositionProvenance(
        positionModel.id(),
        flow.trades(),
        flow.classified(),
        flow.unclassified(),
        flow.stale(),
        tradesOutsideChain,
        gross > 0 ? Math.min(1, flowGross / gross) : 0,
        netAboveVolume,
        listed,
        flagged.size(),
        modelFailures);
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
   * Whether contract {@code j} is the other member of contract {@code i}'s call/put pair, priced with the
   * same volatility and time to settlement (as the otm and mid rules price nearly every pair): the two then
   * have the same d1, density and gamma at every spot. False when j is negative.
   */
  boolean sharesD1(int i, int j) {
    return j >= 0 && partner[i] == j && tau[i] == tau[j] && vol[i] == vol[j];
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
