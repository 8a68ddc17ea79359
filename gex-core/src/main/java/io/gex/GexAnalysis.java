package io.gex;

import io.gex.analysis.DataQuality;
import io.gex.analysis.DealerPosition;
import io.gex.analysis.DealerPositioning;
import io.gex.analysis.ExpiryGex;
import io.gex.analysis.GammaProfile;
import io.gex.analysis.GexByStrike;
import io.gex.analysis.GexHeatmap;
import io.gex.analysis.GreekExposures;
import io.gex.analysis.PinRiskAnalysis;
import io.gex.chain.ContractDiagnostic;
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

/**
 * The result of analysing one option chain: gamma exposure by strike, by expiry and in total; the gamma
 * profile with its zero crossings; the zero-gamma level, regime and walls; pin risk and dealer positioning;
 * and the diagnostics of every contract left out.
 *
 * <p>Units: exposures are dollars of underlying per 1% move, calls + and puts − under {@link
 * SignConvention#DEALER_LONG_CALLS_SHORT_PUTS} ({@link #settings()} says which convention produced it);
 * levels and strikes are index points. No figure is NaN or infinite; a level that does not exist is an
 * empty {@link OptionalDouble}.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param symbol the underlying symbol
 * @param spot the spot price
 * @param valuationTime the instant the chain describes
 * @param analyzedAt when the analysis was made, from the engine's clock
 * @param settings the conventions used
 * @param totalGex call + put exposure at spot
 * @param callGex call exposure at spot
 * @param putGex put exposure at spot
 * @param byStrike exposure by strike
 * @param byExpiry exposure by expiry, ascending
 * @param heatmap net exposure by expiry and strike
 * @param profiles gamma profiles: all expiries first, then excluding the next expiry, then excluding the
 *     next monthly
 * @param zeroGamma the zero-gamma (flip) level: the profile crossing nearest spot
 * @param strikeZeroGamma the zero of cumulative net exposure over ascending strikes
 * @param regime the sign of total exposure at spot
 * @param callWall strike at or above spot with the largest call exposure
 * @param putWall strike at or below spot with the largest absolute put exposure
 * @param absGammaStrike strike with the largest |call| + |put| exposure
 * @param pinRisk max pain, high open-interest strikes and pin-risk scores
 * @param dealer dealer delta, vanna and charm exposure, position and hedging pressure
 * @param contractsUsed contracts priced (including those with zero open interest, which weigh nothing)
 * @param diagnostics why each left-out contract or unreadable row was left out (substitutions are not
 *     among them)
 * @param dataQuality the contracts priced with a substituted implied volatility and their share of gross
 *     GEX, and the share of open interest left out by reason
 * @param greeks vomma, speed, zomma and color exposure by strike, by expiry and in total, and (if the
 *     settings asked for them) the zero-gamma level of each expiry and the delta, vanna and charm
 *     profiles; {@link GreekExposures#none()} for an analysis made without them
 * @param positions the position model that decided the dealer positions every exposure weighs, the
 *     customer flow it read (trade counts) and the flow's data-quality checks; {@link
 *     PositionProvenance#OPEN_INTEREST} for an analysis made under {@code oi} without a tape
 */
public record GexAnalysis(
    String symbol,
    double spot,
    Instant valuationTime,
    Instant analyzedAt,
    GexSettings settings,
    double totalGex,
    double callGex,
    double putGex,
    GexByStrike byStrike,
    List<ExpiryGex> byExpiry,
    GexHeatmap heatmap,
    List<GammaProfile> profiles,
    OptionalDouble zeroGamma,
    OptionalDouble strikeZeroGamma,
    GammaRegime regime,
    OptionalDouble callWall,
    OptionalDouble putWall,
    OptionalDouble absGammaStrike,
    PinRiskAnalysis pinRisk,
    DealerPositioning dealer,
    int contractsUsed,
    List<ContractDiagnostic> diagnostics,
    DataQuality dataQuality,
    GreekExposures greeks,
    PositionProvenance positions) {

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if a reference is null
   * @throws IllegalArgumentException naming the figure if a number is NaN or infinite, or there is no
   *     profile
   */
  public GexAnalysis {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(valuationTime, "valuationTime");
    Objects.requireNonNull(analyzedAt, "analyzedAt");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(byStrike, "byStrike");
    byExpiry = List.copyOf(byExpiry);
    Objects.requireNonNull(heatmap, "heatmap");
    profiles = List.copyOf(profiles);
    Objects.requireNonNull(zeroGamma, "zeroGamma");
    Objects.requireNonNull(strikeZeroGamma, "strikeZeroGamma");
    Objects.requireNonNull(regime, "regime");
    Objects.requireNonNull(callWall, "callWall");
    Objects.requireNonNull(putWall, "putWall");
    Objects.requireNonNull(absGammaStrike, "absGammaStrike");
    Objects.requireNonNull(pinRisk, "pinRisk");
    Objects.requireNonNull(dealer, "dealer");
    diagnostics = List.copyOf(diagnostics);
    Objects.requireNonNull(dataQuality, "dataQuality");
    Objects.requireNonNull(greeks, "greeks");
    Objects.requireNonNull(positions, "positions");
    if (profiles.isEmpty()) {
      throw new IllegalArgumentException("profiles must hold at least the all-expiries profile");
    }
    // The promise of the class: no NaN, no Infinity. Checked here, where every path (the engine, a live
    // chain, a decoded cache or store entry) ends. (Dealer figures check themselves in their records.)
    finite("spot", spot);
    finite("totalGex", totalGex);
    finite("callGex", callGex);
    finite("putGex", putGex);
    finite("zeroGamma", zeroGamma);
    finite("strikeZeroGamma", strikeZeroGamma);
    finite("callWall", callWall);
    finite("putWall", putWall);
    finite("absGammaStrike", absGammaStrike);
    finite("byStrike.strikes", byStrike.strikes());
    finite("byStrike.callGex", byStrike.callGex());
    finite("byStrike.putGex", byStrike.putGex());
    finite("byStrike.netGex", byStrike.netGex());
    finite("heatmap.netGex", heatmap.netGex());
    for (ExpiryGex e : byExpiry) {
      finite("byExpiry.callGex", e.callGex());
      finite("byExpiry.putGex", e.putGex());
      finite("byExpiry.netGex", e.netGex());
    }
    for (GammaProfile p : profiles) {
      finite("profile.spots", p.spots());
      finite("profile.totalGex", p.totalGex());
      finite("profile.crossings", p.crossings());
      finite("profile.zeroGamma", p.zeroGamma());
    }
  }

  private static void finite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite, was " + value);
    }
  }

  private static void finite(String name, OptionalDouble value) {
    if (value.isPresent()) {
      finite(name, value.getAsDouble());
    }
  }

  private static void finite(String name, io.gex.analysis.DoubleArray values) {
    for (int i = 0, n = values.size(); i < n; i++) {
      if (!Double.isFinite(values.get(i))) {
        throw new IllegalArgumentException(name + "[" + i + "] must be finite, was " + values.get(i));
      }
    }
  }

  /**
   * An analysis made under the {@code oi} position model without a tape ({@link
   * PositionProvenance#OPEN_INTEREST}), as made before position models existed.
   *
   * @throws NullPointerException if a reference is null
   * @throws IllegalArgumentException if profiles is empty
   */
  public GexAnalysis(
      String symbol,
      double spot,
      Instant valuationTime,
      Instant analyzedAt,
      GexSettings settings,
      double totalGex,
      double callGex,
      double putGex,
      GexByStrike byStrike,
      List<ExpiryGex> byExpiry,
      GexHeatmap heatmap,
      List<GammaProfile> profiles,
      OptionalDouble zeroGamma,
      OptionalDouble strikeZeroGamma,
      GammaRegime regime,
      OptionalDouble callWall,
      OptionalDouble putWall,
      OptionalDouble absGammaStrike,
      PinRiskAnalysis pinRisk,
      DealerPositioning dealer,
      int contractsUsed,
      List<ContractDiagnostic> diagnostics,
      DataQuality dataQuality,
      GreekExposures greeks) {
    this(
        symbol,
        spot,
        valuationTime,
        analyzedAt,
        settings,
        totalGex,
        callGex,
        putGex,
        byStrike,
        byExpiry,
        heatmap,
        profiles,
        zeroGamma,
        strikeZeroGamma,
        regime,
        callWall,
        putWall,
        absGammaStrike,
        pinRisk,
        dealer,
        contractsUsed,
        diagnostics,
        dataQuality,
        greeks,
        PositionProvenance.OPEN_INTEREST);
  }

  /**
   * An analysis without the figures of {@link GreekExposures} ({@link GreekExposures#none()}), as made
   * before they existed.
   *
   * @throws NullPointerException if a reference is null
   * @throws IllegalArgumentException if profiles is empty
   */
  public GexAnalysis(
      String symbol,
      double spot,
      Instant valuationTime,
      Instant analyzedAt,
      GexSettings settings,
      double totalGex,
      double callGex,
      double putGex,
      GexByStrike byStrike,
      List<ExpiryGex> byExpiry,
      GexHeatmap heatmap,
      List<GammaProfile> profiles,
      OptionalDouble zeroGamma,
      OptionalDouble strikeZeroGamma,
      GammaRegime regime,
      OptionalDouble callWall,
      OptionalDouble putWall,
      OptionalDouble absGammaStrike,
      PinRiskAnalysis pinRisk,
      DealerPositioning dealer,
      int contractsUsed,
      List<ContractDiagnostic> diagnostics,
      DataQuality dataQuality) {
    this(
        symbol,
        spot,
        valuationTime,
        analyzedAt,
        settings,
        totalGex,
        callGex,
        putGex,
        byStrike,
        byExpiry,
        heatmap,
        profiles,
        zeroGamma,
        strikeZeroGamma,
        regime,
        callWall,
        putWall,
        absGammaStrike,
        pinRisk,
        dealer,
        contractsUsed,
        diagnostics,
        dataQuality,
        GreekExposures.none());
  }

  /** The gamma profile over all expiries. */
  public GammaProfile gammaProfile() {
    return profiles.get(0);
  }

  /** The profile of a scope, or the all-expiries profile if that scope was not computed. */
  public GammaProfile profile(GammaProfile.Scope scope) {
    for (GammaProfile p : profiles) {
      if (p.scope() == scope) {
        return p;
      }
    }
    return profiles.get(0);
  }

  /** Every zero crossing of the all-expiries profile, ascending. */
  public io.gex.analysis.DoubleArray zeroGammaCrossings() {
    return gammaProfile().crossings();
  }

  /** Zero gamma minus spot, in index points (positive when the flip is above spot). */
  public OptionalDouble flipDistancePoints() {
    return zeroGamma.isPresent()
        ? OptionalDouble.of(zeroGamma.getAsDouble() - spot)
        : OptionalDouble.empty();
  }

  /** Zero gamma minus spot, as a percentage of spot. */
  public OptionalDouble flipDistancePercent() {
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
                dealer.grossGex() > 0 ? Math.abs(totalGex) / dealer.grossGex() * 100 : 0.0)
            : "";
    String slightly = nearNeutral ? "slightly " : "";
    return switch (regime) {
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
            String.format(Locale.ROOT, "%,d used, %,d skipped", contractsUsed, contractsSkipped()));
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
    if (dataQuality.contractsSubstituted() == 0) {
      return String.format(
          Locale.ROOT,
          "none (IV %s); skipped contracts hold %.1f%% of open interest",
          settings.ivSource().id(),
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
   * The number of contracts and rows left out. Contracts priced with a substituted implied volatility are
   * not left out: see {@link DataQuality#contractsSubstituted()}.
   */
  public int contractsSkipped() {
    return diagnostics.size();
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
    return assemble(resolved, analyzedAt, System::nanoTime, new long[2]);
  }

  /**
   * The analysers' pipeline, shared by the engine and {@link #of}: {@code marks} receives the ticker's
   * reading after the exposures, pin risk and dealer figures (0) and after the profiles (1).
   */
  static GexAnalysis assemble(
      io.gex.analysis.ResolvedChain resolved,
      Instant analyzedAt,
      java.util.function.LongSupplier ticker,
      long[] marks) {
    Objects.requireNonNull(resolved, "resolved");
    Objects.requireNonNull(analyzedAt, "analyzedAt");
    if (resolved.size() == 0) {
      throw NoUsableContractsException.of(resolved);
    }
    io.gex.analysis.MeasureExposures measures =
        io.gex.analysis.MeasureCalculator.DEFAULT.calculate(
            resolved, java.util.EnumSet.allOf(io.gex.analysis.Measure.class));
    io.gex.analysis.GexExposures exposures =
        io.gex.analysis.ExposureCalculator.DEFAULT.calculate(measures);
    PinRiskAnalysis pinRisk = io.gex.analysis.PinRiskAnalyzer.DEFAULT.analyze(resolved);
    DealerPositioning dealer =
        io.gex.analysis.DealerPositioningAnalyzer.DEFAULT.analyze(exposures, measures);
    io.gex.analysis.GreekExposures greeks =
        io.gex.analysis.GreekExposuresCalculator.DEFAULT.calculate(measures);
    marks[0] = ticker.getAsLong();
    List<GammaProfile> profiles = io.gex.analysis.GammaProfileCalculator.DEFAULT.profiles(resolved);
    marks[1] = ticker.getAsLong();
    return new GexAnalysis(
        resolved.underlying(),
        resolved.spot(),
        resolved.valuationTime(),
        analyzedAt,
        resolved.settings(),
        exposures.totalGex(),
        exposures.callGex(),
        exposures.putGex(),
        exposures.byStrike(),
        exposures.byExpiry(),
        exposures.heatmap(),
        profiles,
        profiles.get(0).zeroGamma(),
        exposures.strikeZeroGamma(),
        GammaRegime.of(exposures.totalGex()),
        exposures.callWall(),
        exposures.putWall(),
        exposures.absGammaStrike(),
        pinRisk,
        dealer,
        resolved.size(),
        resolved.diagnostics(),
        resolved.dataQuality(dealer.grossGex()),
        greeks,
        resolved.positionProvenance());
  }

  /** The number of contracts and rows left out, by reason. */
  public Map<ContractDiagnostic.Reason, Integer> skippedByReason() {
    return countByReason(diagnostics);
  }

  static Map<ContractDiagnostic.Reason, Integer> countByReason(List<ContractDiagnostic> diagnostics) {
    Map<ContractDiagnostic.Reason, Integer> counts = new EnumMap<>(ContractDiagnostic.Reason.class);
    for (ContractDiagnostic d : diagnostics) {
      counts.merge(d.reason(), 1, Integer::sum);
    }
    return counts;
  }
}
