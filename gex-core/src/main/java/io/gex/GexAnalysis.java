package io.gex;

import io.gex.analysis.DataQuality;
import io.gex.analysis.DealerPosition;
import io.gex.analysis.DealerPositioning;
import io.gex.analysis.DoubleArray;
import io.gex.analysis.GammaProfile;
import io.gex.analysis.GexExposures;
import io.gex.analysis.GreekExposures;
import io.gex.analysis.PinRiskAnalysis;
import io.gex.chain.ContractDiagnostic;
import io.gex.internal.Finite;
import io.gex.positions.PositionProvenance;
import io.gex.settings.GexSettings;
import io.gex.settings.SignConvention;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.StringJoiner;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The result of analysing one option chain, in seven groups: where it came from and under which conventions
 * ({@link #provenance()}); gamma exposure at spot by strike, by expiry and in total, with the walls ({@link
 * #exposures()}); the higher-order exposures ({@link #greeks()}); the gamma profiles with their zero
 * crossings ({@link #profiles()}); pin risk; dealer positioning; and which contracts were used or left out
 * and why ({@link #coverage()}).
 *
 * <p>The figures traders read most have shortcuts here: {@link #symbol()}, {@link #spot()}, {@link
 * #valuationTime()}, {@link #settings()}, {@link #totalGex()}, {@link #zeroGamma()}, {@link #regime()},
 * {@link #callWall()} and {@link #putWall()}; everything else is reached through its group, such as {@code
 * analysis.exposures().byStrike()} or {@code analysis.coverage().diagnostics()}. Figures that follow from
 * others are derived, never stored beside them: total GEX is call + put, the regime its sign, the zero-gamma
 * level the all-expiries profile's, the contracts skipped the count of the diagnostics.
 *
 * <p>Units: exposures are dollars of underlying per 1% move, calls + and puts − under {@link
 * SignConvention#DEALER_LONG_CALLS_SHORT_PUTS} ({@link #settings()} says which convention produced it);
 * levels and strikes are index points. No figure is NaN or infinite: every group checks its own figures in
 * its constructor, so no path (the engine, a live chain, a decoded cache or store entry) can make one that
 * breaks the promise. A level that does not exist is an empty {@link OptionalDouble}.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param provenance the symbol, spot, valuation instant, time of analysis, conventions and position model
 * @param exposures gamma exposure at spot: call, put (and derived total), by strike, by expiry, the heatmap,
 *     the walls, the absolute-gamma strike and the strike zero gamma
 * @param greeks vomma, speed, zomma and color exposure by strike, by expiry and in total, and (if the
 *     settings asked for them) the zero-gamma level of each expiry and the delta, vanna and charm
 *     profiles; {@link GreekExposures#none()} for an analysis made without them
 * @param profiles the gamma profiles: all expiries first, then excluding the next expiry, then excluding
 *     the next monthly
 * @param pinRisk max pain, high open-interest strikes and pin-risk scores
 * @param dealer dealer delta, vanna and charm exposure, position and hedging pressure
 * @param coverage the contracts used and those left out, and the data quality of the implied volatilities
 */
public record GexAnalysis(
    Provenance provenance,
    GexExposures exposures,
    GreekExposures greeks,
    Profiles profiles,
    PinRiskAnalysis pinRisk,
    DealerPositioning dealer,
    Coverage coverage) {

  /**
   * Validates. (Each group checks its own figures; dealer, pin-risk and greek figures check themselves in
   * their records.)
   *
   * @throws NullPointerException if a group is null
   */
  public GexAnalysis {
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(exposures, "exposures");
    Objects.requireNonNull(greeks, "greeks");
    Objects.requireNonNull(profiles, "profiles");
    Objects.requireNonNull(pinRisk, "pinRisk");
    Objects.requireNonNull(dealer, "dealer");
    Objects.requireNonNull(coverage, "coverage");
  }

  /**
   * What was analysed, when, and under which conventions.
   *
   * <p>This class is immutable and thread-safe.
   *
   * @param symbol the underlying symbol
   * @param spot the spot price, finite
   * @param valuationTime the instant the chain describes
   * @param analyzedAt when the analysis was made, from the engine's clock
   * @param settings the conventions used
   * @param positions the position model that decided the dealer positions every exposure weighs, the
   *     customer flow it read (trade counts) and the flow's data-quality checks; {@link
   *     PositionProvenance#OPEN_INTEREST} for an analysis made under {@code oi} without a tape
   */
  public record Provenance(
      String symbol,
      double spot,
      Instant valuationTime,
      Instant analyzedAt,
      GexSettings settings,
      PositionProvenance positions) {

    /**
     * Validates.
     *
     * @throws NullPointerException if a reference is null
     * @throws IllegalArgumentException if spot is NaN or infinite
     */
    public Provenance {
      Objects.requireNonNull(symbol, "symbol");
      Objects.requireNonNull(valuationTime, "valuationTime");
      Objects.requireNonNull(analyzedAt, "analyzedAt");
      Objects.requireNonNull(settings, "settings");
      Objects.requireNonNull(positions, "positions");
      Finite.check("spot", spot);
    }
  }

  /**
   * The gamma profiles of an analysis: total GEX re-priced over a range of spots, over all expiries and
   * (when there were such expiries) without the next expiry and without the next monthly.
   *
   * <p>This class is immutable and thread-safe.
   *
   * @param all the profiles, the all-expiries profile first
   */
  public record Profiles(List<GammaProfile> all) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if the list or a profile is null
     * @throws IllegalArgumentException if there is no profile, the first is not the all-expiries one, or a
     *     figure is NaN or infinite (naming it, such as {@code profiles[0].totalGex[7]})
     */
    public Profiles {
      all = List.copyOf(all);
      if (all.isEmpty()) {
        throw new IllegalArgumentException("profiles must hold at least the all-expiries profile");
      }
      if (all.get(0).scope() != GammaProfile.Scope.ALL_EXPIRIES) {
        throw new IllegalArgumentException(
            "the first profile must be the all-expiries profile, was " + all.get(0).scope());
      }
      for (int i = 0; i < all.size(); i++) {
        GammaProfile p = all.get(i);
        String name = "profiles[" + i + "].";
        check(name + "spots", p.spots());
        check(name + "totalGex", p.totalGex());
        check(name + "crossings", p.crossings());
        Finite.check(name + "zeroGamma", p.zeroGamma());
      }
    }

    /** The profile over all expiries (the first). */
    public GammaProfile gamma() {
      return all.get(0);
    }

    /** The profile of a scope, or the all-expiries profile if that scope was not computed. */
    public GammaProfile of(GammaProfile.Scope scope) {
      for (GammaProfile p : all) {
        if (p.scope() == scope) {
          return p;
        }
      }
      return gamma();
    }

    /** The zero-gamma (flip) level: the all-expiries profile's crossing nearest spot. */
    public OptionalDouble zeroGamma() {
      return gamma().zeroGamma();
    }

    /** Every zero crossing of the all-expiries profile, ascending. */
    public DoubleArray crossings() {
      return gamma().crossings();
    }

    private static void check(String name, DoubleArray values) {
      Finite.check(name, values.size(), values::get);
    }
  }

  /**
   * Which contracts an analysis used and which it left out, and how much of it rests on repaired implied
   * volatilities.
   *
   * <p>This class is immutable and thread-safe.
   *
   * @param contractsUsed contracts priced (including those with zero open interest, which weigh nothing),
   *     {@code >= 0}
   * @param diagnostics why each left-out contract or unreadable row was left out (substitutions are not
   *     among them)
   * @param dataQuality the contracts priced with a substituted implied volatility and their share of gross
   *     GEX, and the share of open interest left out by reason
   */
  public record Coverage(
      int contractsUsed, List<ContractDiagnostic> diagnostics, DataQuality dataQuality) {

    /**
     * Validates and copies.
     *
     * @throws NullPointerException if a reference or a diagnostic is null
     * @throws IllegalArgumentException if contractsUsed is negative
     */
    public Coverage {
      if (contractsUsed < 0) {
        throw new IllegalArgumentException("contractsUsed must be >= 0, was " + contractsUsed);
      }
      diagnostics = List.copyOf(diagnostics);
      Objects.requireNonNull(dataQuality, "dataQuality");
    }

    /**
     * The number of contracts and rows left out. Contracts priced with a substituted implied volatility
     * are not left out: see {@link DataQuality#contractsSubstituted()}.
     */
    public int contractsSkipped() {
      return diagnostics.size();
    }

    /** The number of contracts and rows left out, by reason, in the order of the reasons. */
    public Map<ContractDiagnostic.Reason, Integer> skippedByReason() {
      return countByReason(diagnostics);
    }
  }

  /** The underlying symbol: {@code provenance().symbol()}. */
  public String symbol() {
    return provenance.symbol();
  }

  /** The spot price: {@code provenance().spot()}. */
  public double spot() {
    return provenance.spot();
  }

  /** The instant the chain describes: {@code provenance().valuationTime()}. */
  public Instant valuationTime() {
    return provenance.valuationTime();
  }

  /** The conventions used: {@code provenance().settings()}. */
  public GexSettings settings() {
    return provenance.settings();
  }

  /** Call + put exposure at spot, dollars per 1% move: {@code exposures().totalGex()}. */
  public double totalGex() {
    return exposures.totalGex();
  }

  /**
   * The zero-gamma (flip) level, the all-expiries profile's crossing nearest spot: {@code
   * profiles().zeroGamma()}.
   */
  public OptionalDouble zeroGamma() {
    return profiles.zeroGamma();
  }

  /** The sign of total exposure at spot: {@code GammaRegime.of(totalGex())}. */
  public GammaRegime regime() {
    return GammaRegime.of(totalGex());
  }

  /** The strike at or above spot with the largest call exposure: {@code exposures().callWall()}. */
  public OptionalDouble callWall() {
    return exposures.callWall();
  }

  /**
   * The strike at or below spot with the largest absolute put exposure: {@code exposures().putWall()}.
   */
  public OptionalDouble putWall() {
    return exposures.putWall();
  }

  /** The gamma profile over all expiries: {@code profiles().gamma()}. */
  public GammaProfile gammaProfile() {
    return profiles.gamma();
  }

  /**
   * The profile of a scope, or the all-expiries profile if that scope was not computed: {@code
   * profiles().of(scope)}.
   */
  public GammaProfile profile(GammaProfile.Scope scope) {
    return profiles.of(scope);
  }

  /** Every zero crossing of the all-expiries profile, ascending: {@code profiles().crossings()}. */
  public DoubleArray zeroGammaCrossings() {
    return profiles.crossings();
  }

  /** Zero gamma minus spot, in index points (positive when the flip is above spot). */
  public OptionalDouble flipDistancePoints() {
    OptionalDouble zeroGamma = zeroGamma();
    return zeroGamma.isPresent()
        ? OptionalDouble.of(zeroGamma.getAsDouble() - spot())
        : OptionalDouble.empty();
  }

  /** Zero gamma minus spot, as a percentage of spot. */
  public OptionalDouble flipDistancePercent() {
    OptionalDouble zeroGamma = zeroGamma();
    double spot = spot();
    return zeroGamma.isPresent()
        ? OptionalDouble.of((zeroGamma.getAsDouble() - spot) / spot * 100)
        : OptionalDouble.empty();
  }

  /**
   * The gamma state in the one vocabulary every gex output uses (text, JSON, the HTML report, alert
   * messages), so that they never tell different stories. It joins the {@link #regime()} (the sign of total
   * GEX at spot), the dealers' side of it and what their hedging does to moves, and says when the position
   * lies within the neutral band of {@link DealerPositioning#position()} (|total| small next to gross GEX),
   * where the effect is slight. For example: {@code positive gamma: dealers long gamma, their hedging
   * dampens moves}, or {@code negative gamma, near neutral (|total| 1.7% of gross): dealers slightly short
   * gamma, their hedging slightly amplifies moves}.
   */
  public String gammaState() {
    boolean nearNeutral = dealer.position() == DealerPosition.NEUTRAL;
    String near =
        nearNeutral
            ? String.format(
                Locale.ROOT,
                ", near neutral (|total| %.1f%% of gross)",
                dealer.grossGex() > 0 ? Math.abs(totalGex()) / dealer.grossGex() * 100 : 0.0)
            : "";
    String slightly = nearNeutral ? "slightly " : "";
    return switch (regime()) {
      case POSITIVE ->
          "positive gamma" + near + ": dealers " + slightly + "long gamma, their hedging " + slightly
              + "dampens moves";
      case NEGATIVE ->
          "negative gamma" + near + ": dealers " + slightly + "short gamma, their hedging " + slightly
              + "amplifies moves";
      case NEUTRAL -> "no net gamma: dealer hedging neither dampens nor amplifies moves";
    };
  }

  /**
   * The hedge flow in the words of every gex output, agreeing with {@link #gammaState()}: what dealers trade
   * for a 1% move of the underlying ({@link DealerPositioning#hedgeFlowPerPercent()}, equal to total GEX). For
   * example {@code dealers buy $3.39bn into a 1% rise, sell $3.39bn into a 1% fall (with the move)} when they
   * are short gamma, {@code ... sell ... into a 1% rise, buy ... into a 1% fall (against the move)} when long;
   * {@code none} when total GEX is zero.
   */
  public String hedgeFlow() {
    double dollars = dealer.hedgeFlowPerPercent();
    String amount = String.format(Locale.ROOT, "$%,.2fbn", Math.abs(dollars) / 1e9);
    if (dollars > 0) {
      return "dealers sell " + amount + " into a 1% rise, buy " + amount + " into a 1% fall (against the"
          + " move)";
    }
    if (dollars < 0) {
      return "dealers buy " + amount + " into a 1% rise, sell " + amount + " into a 1% fall (with the"
          + " move)";
    }
    return "none";
  }

  /**
   * Contracts used and left out, with the count of each reason, in the words of every gex output: for
   * example {@code 18,832 used, 324 skipped (SETTLED 286, NO_IMPLIED_VOLATILITY 24)}.
   */
  public String contractsSummary() {
    StringBuilder s =
        new StringBuilder(
            String.format(
                Locale.ROOT, "%,d used, %,d skipped", coverage.contractsUsed(), contractsSkipped()));
    Map<ContractDiagnostic.Reason, Integer> reasons = skippedByReason();
    if (!reasons.isEmpty()) {
      StringJoiner parts = new StringJoiner(", ", " (", ")");
      reasons.forEach((reason, n) -> parts.add(String.format(Locale.ROOT, "%s %,d", reason, n)));
      s.append(parts);
    }
    return s.toString();
  }

  /**
   * What the implied-volatility source repaired and how much of the analysis it weighs, in the words of every
   * gex output: for example {@code 734 IVs replaced (SUBSTITUTED_OTHER_MEMBER_IV 62, SUBSTITUTED_SOLVED_IV
   * 672), 1.3% of gross GEX; skipped contracts hold 2.2% of open interest}, or {@code none (IV vendor); ...}.
   */
  public String ivRepairsSummary() {
    DataQuality dataQuality = coverage.dataQuality();
    if (dataQuality.contractsSubstituted() == 0) {
      return String.format(
          Locale.ROOT,
          "none (IV %s); skipped contracts hold %.1f%% of open interest",
          settings().ivSource().id(),
          dataQuality.skippedOpenInterestShare() * 100);
    }
    StringJoiner parts = new StringJoiner(", ");
    dataQuality
        .substitutionsByReason()
        .forEach((reason, n) -> parts.add(String.format(Locale.ROOT, "%s %,d", reason, n)));
    return String.format(
        Locale.ROOT,
        "%,d IVs replaced (%s), %.1f%% of gross GEX; skipped contracts hold %.1f%% of open interest",
        dataQuality.contractsSubstituted(),
        parts,
        dataQuality.substitutedGexShare() * 100,
        dataQuality.skippedOpenInterestShare() * 100);
  }

  /**
   * The number of contracts and rows left out: {@code coverage().contractsSkipped()}. Contracts priced with
   * a substituted implied volatility are not left out: see {@link DataQuality#contractsSubstituted()}.
   */
  public int contractsSkipped() {
    return coverage.contractsSkipped();
  }

  /**
   * Analyses a resolved chain with the library's analysers: what {@link GexEngine#analyze} does once it
   * has resolved the chain, for callers that resolve themselves (a live chain resolves its current state
   * without building an {@code OptionChain}).
   *
   * @param resolved the chain, resolved under the settings the analysis reports
   * @param analyzedAt when the analysis was made
   * @throws NoUsableContractsException if no contract could be priced
   * @throws NullPointerException if an argument is null
   */
  public static GexAnalysis of(io.gex.analysis.ResolvedChain resolved, Instant analyzedAt) {
    return assemble(resolved, analyzedAt, System::nanoTime, CALLING_THREAD, 0, new long[2]);
  }

  /**
   * As {@link #of(io.gex.analysis.ResolvedChain, Instant)}, with the gamma profiles (about 40% of the work
   * on a large chain) computed on {@code executor} while the calling thread computes the other figures,
   * as {@link GexEngine.Builder#executor} describes. The figures are the same to the bit.
   *
   * @throws NoUsableContractsException if no contract could be priced
   * @throws NullPointerException if an argument is null
   */
  public static GexAnalysis of(
      io.gex.analysis.ResolvedChain resolved, Instant analyzedAt, Executor executor) {
    Objects.requireNonNull(executor, "executor");
    return assemble(resolved, analyzedAt, System::nanoTime, executor, 0, new long[2]);
  }

  /** The executor that stands for "no executor": every stage on the calling thread, one after another. */
  static final Executor CALLING_THREAD = Runnable::run;

  private static final Logger LOG = LoggerFactory.getLogger(GexEngine.class);

  /**
   * The analysers' pipeline, shared by the engine and {@link #of}. {@code took} receives the ticker's
   * nanoseconds from {@code since} (its reading when the chain was resolved) to the end of the exposures,
   * pin risk and dealer figures (0), and those of the profiles (1); with an executor the two overlap.
   */
  static GexAnalysis assemble(
      io.gex.analysis.ResolvedChain resolved,
      Instant analyzedAt,
      java.util.function.LongSupplier ticker,
      Executor executor,
      long since,
      long[] took) {
    Objects.requireNonNull(resolved, "resolved");
    Objects.requireNonNull(analyzedAt, "analyzedAt");
    if (resolved.size() == 0) {
      throw NoUsableContractsException.of(resolved);
    }
    // The profiles need nothing of the other stages. Given an executor, they start on it now; if it has
    // not started them by the time this thread is done with the rest (a busy pool), or refuses them, this
    // thread runs them itself (FutureTask runs once), so that a saturated executor costs no more than
    // none, and an executor whose threads are all waiting on analyses cannot deadlock.
    @Nullable FutureTask<List<GammaProfile>> forked = null;
    if (executor != CALLING_THREAD) {
      forked =
          new FutureTask<>(
              () -> {
                long t = ticker.getAsLong();
                List<GammaProfile> p = io.gex.analysis.GammaProfileCalculator.DEFAULT.profiles(resolved);
                took[1] = ticker.getAsLong() - t;
                return p;
              });
      try {
        executor.execute(forked);
      } catch (RejectedExecutionException e) {
        LOG.debug(
            "executor {} refused the gamma profiles; computing them on the calling thread", executor, e);
      }
    }
    io.gex.analysis.MeasureExposures measures =
        io.gex.analysis.MeasureCalculator.DEFAULT.calculate(
            resolved, java.util.EnumSet.allOf(io.gex.analysis.Measure.class));
    GexExposures exposures =
        io.gex.analysis.ExposureCalculator.DEFAULT.calculate(measures);
    PinRiskAnalysis pinRisk = io.gex.analysis.PinRiskAnalyzer.DEFAULT.analyze(resolved);
    DealerPositioning dealer =
        io.gex.analysis.DealerPositioningAnalyzer.DEFAULT.analyze(exposures, measures);
    GreekExposures greeks =
        io.gex.analysis.GreekExposuresCalculator.DEFAULT.calculate(measures);
    List<GammaProfile> profiles;
    long figuresDone = ticker.getAsLong();
    took[0] = figuresDone - since;
    if (forked == null) {
      profiles = io.gex.analysis.GammaProfileCalculator.DEFAULT.profiles(resolved);
      took[1] = ticker.getAsLong() - figuresDone;
    } else {
      forked.run(); // the profiles, here, unless the executor has started them
      profiles = join(forked);
    }
    return new GexAnalysis(
        new Provenance(
            resolved.underlying(),
            resolved.spot(),
            resolved.valuationTime(),
            analyzedAt,
            resolved.settings(),
            resolved.positionProvenance()),
        exposures,
        greeks,
        new Profiles(profiles),
        pinRisk,
        dealer,
        new Coverage(
            resolved.size(), resolved.diagnostics(), resolved.dataQuality(dealer.grossGex())));
  }

  /**
   * The result of a task that has been run, or is running on another thread: waits for it without giving
   * up on an interrupt (the analysis is not abandoned half-made; the interrupt is kept for the caller) and
   * rethrows what the task threw, as it would have been thrown on this thread.
   */
  private static <T> T join(FutureTask<T> task) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return task.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof RuntimeException) {
            throw (RuntimeException) cause;
          }
          if (cause instanceof Error) {
            throw (Error) cause;
          }
          throw new IllegalStateException("gamma profiles failed", cause);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The number of contracts and rows left out, by reason: {@code coverage().skippedByReason()}. */
  public Map<ContractDiagnostic.Reason, Integer> skippedByReason() {
    return coverage.skippedByReason();
  }

  static Map<ContractDiagnostic.Reason, Integer> countByReason(List<ContractDiagnostic> diagnostics) {
    Map<ContractDiagnostic.Reason, Integer> counts = new EnumMap<>(ContractDiagnostic.Reason.class);
    for (ContractDiagnostic d : diagnostics) {
      counts.merge(d.reason(), 1, Integer::sum);
    }
    return counts;
  }
}
