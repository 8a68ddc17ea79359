package io.gex.analysis;

import io.gex.chain.ContractDiagnostic.Reason;
import io.gex.chain.ContractDiagnostic;
import io.gex.chain.OccSymbol;
import io.gex.chain.OptionContract;
import io.gex.chain.OptionRight;
import io.gex.greeks.ImpliedVolatility;
import io.gex.settings.GexSettings;
import io.gex.settings.IvSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * The implied-volatility rules of each {@link IvSource}, applied to the live, selected contracts of a chain
 * when it is resolved. See {@link IvSource} for the rules and the plausibility bounds.
 *
 * <p>Call and put of one root, expiry and strike are paired first: sources list them side by side, so
 * neighbours are tried first and a hash map is built only for contracts left unpaired. The loop allocates
 * nothing per contract except for the few that need a mid solved or get a diagnostic.
 *
 * <p>This class is stateless and thread-safe.
 */
final class VolatilityRules {

  private static final String BOUNDS =
      "[" + IvSource.MIN_PLAUSIBLE_VOLATILITY + ", " + IvSource.MAX_PLAUSIBLE_VOLATILITY + "]";

  private VolatilityRules() {}

  /**
   * The diagnostics an earlier resolve of the same instruments made, by contract, with what they were made
   * from: a live chain's resolves make the same diagnostics tick after tick (a spot tick changes none but
   * those of the pairs whose moneyness or rounded solved IV changed), and writing symbols and numbers into
   * text is most of what the rules cost on a tick. Contracts are immutable, so the same objects with the
   * same volatility shown, reason and source member give the same text. Not thread-safe (one resolve at a
   * time, as its {@link ResolvedChain.Instruments}).
   */
  static final class Memo {
    /** By contract index; allocated when the first diagnostic is remembered. */
    private Entry @Nullable [] entries;

    private final int size;

    /**
     * By contract index: the mid last solved, with what decides its answer (the contract and the spot it
     * was solved at; times to settlement are fixed with the instruments); allocated on the first solve.
     */
    private Solved @Nullable [] solved;

    /** A memo for the contracts of a chain of this many. */
    Memo(int size) {
      this.size = size;
    }

    /** The solve of this contract at this spot, if the memo holds it. */
    @Nullable Solved solved(int index, OptionContract contract, double spot) {
      Solved[] known = solved;
      Solved s = known == null ? null : known[index];
      return s != null && s.contract() == contract && s.spot() == spot ? s : null;
    }

    void remember(int index, Solved s) {
      Solved[] known = solved;
      if (known == null) {
        known = new Solved[size];
        solved = known;
      }
      known[index] = s;
    }

    /** A mid solved: the contract, the spot it was solved at, and the volatility (NaN: none). */
    record Solved(OptionContract contract, double spot, double vol) {}

    private record Entry(
        OptionContract contract,
        @Nullable OptionContract otm,
        @Nullable OptionContract other,
        double shown,
        Reason why,
        int variant,
        ContractDiagnostic diagnostic) {}
  }

  /**
   * The diagnostic of contract {@code index} made from these inputs: the memo's if it holds one made from
   * the same, else a new one (remembered).
   */
  private static ContractDiagnostic memoized(
      @Nullable Memo memo,
      int index,
      OptionContract contract,
      @Nullable OptionContract otm,
      @Nullable OptionContract other,
      double shown,
      Reason why,
      int variant,
      java.util.function.Supplier<ContractDiagnostic> make) {
    if (memo == null) {
      return make.get();
    }
    Memo.Entry[] entries = memo.entries;
    if (entries == null) {
      entries = new Memo.Entry[memo.size];
      memo.entries = entries;
    }
    Memo.Entry e = entries[index];
    if (e != null
        && e.contract() == contract
        && e.otm() == otm
        && e.other() == other
        && Double.compare(e.shown(), shown) == 0
        && e.why() == why
        && e.variant() == variant) {
      return e.diagnostic();
    }
    ContractDiagnostic d = make.get();
    entries[index] = new Memo.Entry(contract, otm, other, shown, why, variant, d);
    return d;
  }

  /** A value rounded to 4 decimals for a diagnostic (cheaper than String.format). */
  private static double round4(double v) {
    return Math.rint(v * 1e4) / 1e4;
  }

  /**
   * Fills {@code vol[i]} (0 when skipped) and {@code reason[i]} (null when the mode's first rule served,
   * else the substitution or skip reason) for each {@code selected[0..count)}, adding a diagnostic for each
   * skip to {@code skips} and for each substitution to {@code substitutions}. {@code iv}, {@code otm} and
   * {@code partner} hold each contract's quoted IV, whether it is out of the money, and its pair partner
   * (-1 if none; {@link #pairRest} pairs those not listed side by side, once per set of instruments).
   *
   * @return whether a volatility was solved from a mid quoted at the chain's spot (a contract without
   *     {@link OptionContract#spotAtQuote()}): then the volatilities depend on spot beyond moneyness
   */
  static boolean resolve(
      List<OptionContract> contracts,
      double spot,
      GexSettings settings,
      int[] selected,
      int count,
      double[] tau,
      double[] iv,
      boolean[] otm,
      int[] partner,
      double[] vol,
      Reason[] reason,
      List<ContractDiagnostic> skips,
      List<ContractDiagnostic> substitutions,
      @Nullable Memo memo) {
    IvSource source = settings.ivSource();
    if (source == IvSource.VENDOR) {
      for (int a = 0; a < count; a++) {
        int i = selected[a];
        double v = iv[i];
        if (v > 0) {
          vol[i] = v;
        } else {
          reason[i] = Reason.NO_IMPLIED_VOLATILITY;
          OptionContract c = contracts.get(i);
          skips.add(
              memoized(
                  memo, i, c, null, null, 0, Reason.NO_IMPLIED_VOLATILITY, 0,
                  () -> skip(c, Reason.NO_IMPLIED_VOLATILITY, "no implied volatility quoted (IV source vendor)")));
        }
      }
      return false;
    }
    Context x = new Context(contracts, spot, settings, tau, iv, otm, memo);
    for (int a = 0; a < count; a++) {
      int i = selected[a];
      int j = partner[i];
      if (source == IvSource.OTM) {
        if (j >= 0 && j < i) {
          continue; // decided with its partner
        }
        otm(x, i, j, vol, reason, skips, substitutions);
      } else {
        mid(x, i, j, vol, reason, skips, substitutions);
      }
    }
    return x.solvedAtChainSpot;
  }

  /** Everything the rules need besides the contract indices. */
  private static final class Context {
    final List<OptionContract> contracts;
    final double spot;
    final double rate;
    final double dividendYield;
    final double[] tau;
    final double[] iv;
    final boolean[] otm;
    final String sourceId;
    final @Nullable Memo memo;

    /** Whether a mid without a spot of its own was solved (at the chain's spot). */
    boolean solvedAtChainSpot;

    Context(
        List<OptionContract> contracts,
        double spot,
        GexSettings settings,
        double[] tau,
        double[] iv,
        boolean[] otm,
        @Nullable Memo memo) {
      this.memo = memo;
      this.iv = iv;
      this.otm = otm;
      this.contracts = contracts;
      this.spot = spot;
      this.rate = settings.rate();
      this.dividendYield = settings.dividendYield();
      this.tau = tau;
      this.sourceId = settings.ivSource().id();
    }

    OptionContract get(int i) {
      return contracts.get(i);
    }

    /** Contract i, or null for an absent member (-1). */
    @Nullable OptionContract member(int i) {
      return i < 0 ? null : contracts.get(i);
    }

    boolean isOtm(int i) {
      return otm[i];
    }

    /** The quoted IV of contract i if plausible, else NaN; NaN for an absent member (-1). */
    double quoted(int i) {
      if (i < 0) {
        return Double.NaN;
      }
      double v = iv[i];
      return IvSource.isPlausible(v) ? v : Double.NaN;
    }

    /**
     * The IV solved from contract i's mid within the plausibility bounds, else NaN; solved at the spot of
     * the contract's quote ({@link OptionContract#spotAtQuote()}), the chain's spot if it names none. A
     * memo answers when it solved the same contract at the same spot.
     */
    double solved(int i) {
      if (i < 0) {
        return Double.NaN;
      }
      OptionContract c = contracts.get(i);
      OptionalDouble mid = c.mid();
      if (mid.isEmpty()) {
        return Double.NaN;
      }
      double at = c.spotAtQuote().orElse(spot);
      solvedAtChainSpot |= c.spotAtQuote().isEmpty();
      Memo m = memo;
      Memo.Solved known = m == null ? null : m.solved(i, c, at);
      if (known != null) {
        return known.vol();
      }
      OptionalDouble v =
          ImpliedVolatility.solve(
              c.isCall(),
              mid.getAsDouble(),
              at,
              c.strike(),
              tau[i],
              rate,
              dividendYield,
              IvSource.MIN_PLAUSIBLE_VOLATILITY,
              IvSource.MAX_PLAUSIBLE_VOLATILITY);
      double vol = v.isPresent() ? v.getAsDouble() : Double.NaN;
      if (m != null) {
        m.remember(i, new Memo.Solved(c, at, vol));
      }
      return vol;
    }
  }

  /** otm: the OTM member's quote, the other member's quote, a mid solved (OTM member's first), for both. */
  private static void otm(
      Context x,
      int i,
      int j,
      double[] vol,
      Reason[] reason,
      List<ContractDiagnostic> skips,
      List<ContractDiagnostic> substitutions) {
    int otm = x.isOtm(i) ? i : j;
    int other = otm == i ? j : i;
    double v = x.quoted(otm);
    @Nullable Reason why = null;
    int from = -1; // the member whose quote or mid gave v, when substituted
    if (Double.isNaN(v)) {
      v = x.quoted(other);
      why = Reason.SUBSTITUTED_OTHER_MEMBER_IV;
      from = other;
      if (Double.isNaN(v)) {
        why = Reason.SUBSTITUTED_SOLVED_IV;
        from = otm;
        v = x.solved(otm);
        if (Double.isNaN(v)) {
          v = x.solved(other);
          from = other;
        }
      }
    }
    assign(x, i, otm, other, v, why, from, vol, reason, skips, substitutions);
    if (j >= 0) {
      assign(x, j, otm, other, v, why, from, vol, reason, skips, substitutions);
    }
  }

  private static void assign(
      Context x,
      int k,
      int otm,
      int other,
      double v,
      @Nullable Reason why,
      int from,
      double[] vol,
      Reason[] reason,
      List<ContractDiagnostic> skips,
      List<ContractDiagnostic> substitutions) {
    if (Double.isNaN(v)) {
      skip(x, k, otm, other, vol, reason, skips);
      return;
    }
    vol[k] = v;
    if (why != null) {
      reason[k] = why;
      double shown = round4(v);
      substitutions.add(
          memoized(
              x.memo, k, x.get(k), x.member(otm), x.member(other), shown, why, from == otm ? 1 : 2,
              () ->
                  substitution(
                      x.get(k),
                      why,
                      "priced with " + shown + ", "
                          + (why == Reason.SUBSTITUTED_SOLVED_IV
                              ? "solved from the mid of " + x.get(from).symbol()
                              : "the quoted IV of " + x.get(from).symbol())
                          + (why == Reason.SUBSTITUTED_SOLVED_IV
                              ? ": no member of the pair quotes a usable IV (IV source otm)"
                              : otm < 0
                                  ? ": no out-of-the-money member listed (IV source otm)"
                                  : ": the out-of-the-money member quotes no usable IV (IV source otm)"))));
    }
  }

  /** mid: the contract's own mid solved, then the OTM member's quote, then the other member's. */
  private static void mid(
      Context x,
      int i,
      int j,
      double[] vol,
      Reason[] reason,
      List<ContractDiagnostic> skips,
      List<ContractDiagnostic> substitutions) {
    double v = x.solved(i);
    if (!Double.isNaN(v)) {
      vol[i] = v;
      return;
    }
    int otm = x.isOtm(i) ? i : j;
    int other = otm == i ? j : i;
    Reason why = Reason.SUBSTITUTED_OTM_MEMBER_IV;
    int from = otm;
    v = x.quoted(otm);
    if (Double.isNaN(v)) {
      why = Reason.SUBSTITUTED_OTHER_MEMBER_IV;
      from = other;
      v = x.quoted(other);
    }
    if (Double.isNaN(v)) {
      skip(x, i, otm, other, vol, reason, skips);
      return;
    }
    vol[i] = v;
    reason[i] = why;
    OptionContract c = x.get(i);
    double shown = round4(v);
    Reason substituted = why;
    int source = from;
    substitutions.add(
        memoized(
            x.memo, i, c, x.member(otm), x.member(other), shown, why, from == otm ? 1 : 2,
            () -> {
              OptionalDouble mid = c.mid();
              return substitution(
                  c,
                  substituted,
                  "priced with " + shown + ", the quoted IV of " + x.get(source).symbol() + ": "
                      + (mid.isPresent()
                          ? "its mid " + round4(mid.getAsDouble()) + " gives no IV in " + BOUNDS
                          : "it has no two-sided quote")
                      + " (IV source mid)");
            }));
  }

  private static void skip(
      Context x,
      int k,
      int otm,
      int other,
      double[] vol,
      Reason[] reason,
      List<ContractDiagnostic> skips) {
    OptionContract c = x.get(k);
    double own = c.impliedVolatility();
    vol[k] = 0;
    reason[k] =
        own > 0 && !IvSource.isPlausible(own)
            ? Reason.IMPLAUSIBLE_IMPLIED_VOLATILITY
            : Reason.NO_IMPLIED_VOLATILITY;
    Reason why = reason[k];
    skips.add(
        memoized(
            x.memo, k, c, x.member(otm), x.member(other), 0, why, 3,
            () ->
                skip(
                    c,
                    why,
                    "no usable implied volatility (IV source " + x.sourceId + "): "
                        + tried(x, otm, other, true))));
  }

  /** What the pair offered, for people: each member's quote and, if asked, whether a mid was solvable. */
  private static String tried(Context x, int otm, int other, boolean mids) {
    StringBuilder b = new StringBuilder();
    for (int k : new int[] {otm, other}) {
      if (k < 0) {
        continue;
      }
      OptionContract c = x.get(k);
      if (b.length() > 0) {
        b.append("; ");
      }
      b.append(c.symbol()).append(k == otm ? " (out of the money)" : " (in the money)");
      double v = c.impliedVolatility();
      if (v == 0) {
        b.append(" has no quoted IV");
      } else if (IvSource.isPlausible(v)) {
        b.append(" quotes ").append(v);
      } else {
        b.append(" quotes ").append(v).append(", outside ").append(BOUNDS);
      }
      if (mids) {
        OptionalDouble mid = c.mid();
        if (mid.isPresent()) {
          b.append(", mid ").append(round4(mid.getAsDouble()));
        } else {
          b.append(", no two-sided quote");
        }
      }
    }
    if (otm < 0) {
      b.append("; no out-of-the-money member listed");
    } else if (other < 0) {
      b.append("; no other member listed");
    }
    return b.toString();
  }

  private static ContractDiagnostic skip(OptionContract c, Reason reason, String detail) {
    return new ContractDiagnostic(
        c.symbol().toString(),
        "impliedVolatility",
        Double.toString(c.impliedVolatility()),
        reason,
        detail);
  }

  private static ContractDiagnostic substitution(OptionContract c, Reason reason, String detail) {
    return skip(c, reason, detail);
  }

  /**
   * Pairs the selected contracts still without a partner (same root, expiry and strike, other right)
   * through a map of their symbols; contracts listed side by side were paired when the chain was read.
   */
  static void pairRest(List<OptionContract> contracts, int[] selected, int count, int[] partner) {
    int unpaired = 0;
    for (int a = 0; a < count; a++) {
      if (partner[selected[a]] < 0) {
        unpaired++;
      }
    }
    if (unpaired > 1) {
      Map<OccSymbol, Integer> bySymbol = new HashMap<>(unpaired * 2);
      for (int a = 0; a < count; a++) {
        int i = selected[a];
        if (partner[i] < 0) {
          bySymbol.put(contracts.get(i).symbol(), i);
        }
      }
      for (int a = 0; a < count; a++) {
        int i = selected[a];
        if (partner[i] >= 0) {
          continue;
        }
        OccSymbol s = contracts.get(i).symbol();
        Integer j =
            bySymbol.get(
                new OccSymbol(
                    s.root(),
                    s.expiry(),
                    s.right() == OptionRight.CALL ? OptionRight.PUT : OptionRight.CALL,
                    s.strike()));
        if (j != null && partner[j] < 0) {
          partner[i] = j;
          partner[j] = i;
        }
      }
    }
  }
}
