package io.gex.examples.cli;

import io.gex.GexAnalysis;
import io.gex.alerts.GexAlert;
import io.gex.analysis.DealerPositioning;
import io.gex.analysis.ExpiryPinRisk;
import io.gex.analysis.GammaProfile;
import io.gex.analysis.GexByStrike;
import io.gex.settings.ExpirySelection;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The readable summary of {@code gex analyze}: the conventions used (rate, dividend yield, IV source, sign
 * convention, expiries), the gamma state in one sentence ({@link GexAnalysis#gammaState()}, the vocabulary
 * every gex output shares) with the hedge flow it implies, total GEX in $bn per 1% move, zero gamma of the
 * three profiles (all expiries, without the next expiry, without the next monthly), walls, the expected
 * move, max pain and pin score of the nearest expiry, dealer delta, contracts used and skipped by reason,
 * the strikes with the largest |net GEX| within the window, and the alerts raised. About 40 lines; levels in
 * index points with two decimals, exposures in $bn with two decimals. Locale-independent.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class AnalysisText {

  /** How many strikes the table of largest |net GEX| shows. */
  public static final int TOP_STRIKES = 10;

  /** The strike window when none is given: ±10% of spot. */
  public static final double DEFAULT_WINDOW = AnalysisOptions.DEFAULT_WINDOW_PERCENT / 100;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.US);

  /** The strike zero gamma when there is none, with why (as the HTML report says it). */
  private static final String NO_STRIKE_ZERO_GAMMA =
      "none (cumulative net GEX by strike does not change sign)";

  private AnalysisText() {}

  /**
   * The summary of an analysis with the default window ({@link #DEFAULT_WINDOW}), lines ending in {@code
   * \n}.
   *
   * @param analysis the analysis
   * @param alerts the alerts raised on it, in order (may be empty)
   * @param sourceId the id of the source that read the chain, shown in the first line
   * @return the text
   */
  public static String format(GexAnalysis analysis, List<GexAlert> alerts, String sourceId) {
    return format(analysis, alerts, sourceId, DEFAULT_WINDOW);
  }

  /**
   * The summary of an analysis, lines ending in {@code \n}.
   *
   * @param analysis the analysis
   * @param alerts the alerts raised on it, in order (may be empty)
   * @param sourceId the id of the source that read the chain, shown in the first line
   * @param window the strike window of the strike table and of the crossings listed, a fraction of spot in
   *     (0, 1]: 0.10 shows strikes within ±10% of spot
   * @return the text
   * @throws IllegalArgumentException if the window is out of range
   */
  public static String format(
      GexAnalysis analysis, List<GexAlert> alerts, String sourceId, double window) {
    Objects.requireNonNull(analysis, "analysis");
    Objects.requireNonNull(alerts, "alerts");
    Objects.requireNonNull(sourceId, "sourceId");
    if (!(window > 0 && window <= 1)) {
      throw new IllegalArgumentException("window must be in (0, 1], was " + window);
    }
    StringBuilder out = new StringBuilder();
    line(
        out,
        "%s  spot %s  at %s (%s)  read by %s",
        analysis.symbol(),
        level(analysis.spot()),
        TIME.format(analysis.valuationTime().atZone(analysis.settings().settlementZone())),
        analysis.valuationTime(),
        sourceId);
    row(
        out,
        "Conventions",
        "%s; expiries %s",
        analysis.settings().describe(),
        expiries(analysis.settings().expirySelection()));
    out.append('\n');
    DealerPositioning d = analysis.dealer();
    row(out, "Gamma state", "%s", analysis.gammaState());
    row(out, "Hedge flow", "%s", analysis.hedgeFlow());
    row(
        out,
        "Total GEX",
        "%s $bn per 1%% move (calls %s, puts %s; gross %s)",
        bn(analysis.totalGex()),
        bn(analysis.exposures().callGex()),
        bn(analysis.exposures().putGex()),
        String.format(Locale.ROOT, "%,.2f", d.grossGex() / 1e9));
    zeroGamma(out, analysis, window);
    row(
        out,
        "Strike zero gamma",
        "%s",
        level(analysis.exposures().strikeZeroGamma(), NO_STRIKE_ZERO_GAMMA));
    row(out, "Call wall", "%s", level(analysis.callWall()));
    row(out, "Put wall", "%s", level(analysis.putWall()));
    row(out, "Abs gamma strike", "%s", level(analysis.exposures().absGammaStrike()));
    Optional<ExpiryPinRisk> pin = analysis.pinRisk().headline();
    if (pin.isPresent()) {
      ExpiryPinRisk p = pin.get();
      row(
          out,
          "Expected move",
          "±%s (±%.2f%%) by expiry %s, %d DTE (ATM IV %.1f%%)",
          level(p.expectedMove()),
          p.expectedMove() / analysis.spot() * 100,
          p.expiry(),
          p.daysToExpiry(),
          p.atmVolatility() * 100);
      row(out, "Max pain", "%s (expiry %s, %d DTE)", level(p.maxPain()), p.expiry(), p.daysToExpiry());
      row(out, "Pin risk", "score %.1f of 100 at strike %s", p.score(), level(p.pinStrike()));
    } else {
      row(out, "Expected move", "n/a");
      row(out, "Max pain", "n/a");
      row(out, "Pin risk", "n/a");
    }
    row(
        out,
        "Delta exposure",
        "%s $bn (vanna %s $bn per vol point, charm %s $bn per day)",
        bn(d.deltaExposure()),
        bn(d.vannaExposure()),
        bn(d.charmExposure()));
    row(out, "Zero delta", "%s", level(d.zeroDelta()));
    row(out, "Contracts", "%s", analysis.contractsSummary());
    row(out, "IV repairs", "%s", analysis.ivRepairsSummary());
    if (!analysis.provenance().positions().equals(io.gex.positions.PositionProvenance.OPEN_INTEREST)) {
      // Shown when the positions are not open interest alone (the default output stays as it was).
      row(out, "Positions", "%s", analysis.provenance().positions().summary());
    }
    out.append('\n');
    topStrikes(out, analysis, window);
    out.append('\n');
    if (alerts.isEmpty()) {
      line(out, "Alerts: none raised");
    } else {
      line(out, "Alerts (%d)", alerts.size());
      for (GexAlert a : alerts) {
        line(out, "  %-6s  %s", a.severity(), a.message());
      }
    }
    return out.toString();
  }

  /** Zero gamma of every profile: all expiries, then without the next expiry and the next monthly. */
  private static void zeroGamma(StringBuilder out, GexAnalysis analysis, double window) {
    GammaProfile all = analysis.gammaProfile();
    if (analysis.zeroGamma().isPresent()) {
      double spot = analysis.spot();
      long inWindow =
          all.crossings().stream().filter(c -> Math.abs(c / spot - 1) <= window + 1e-12).count();
      row(
          out,
          "Zero gamma",
          "%s (%+.2f%% from spot; %d crossing%s within ±%s%%)",
          level(analysis.zeroGamma().getAsDouble()),
          analysis.flipDistancePercent().orElse(0),
          inWindow,
          inWindow == 1 ? "" : "s",
          percent(window));
    } else {
      row(out, "Zero gamma", "none in the profile range");
    }
    scoped(out, analysis, GammaProfile.Scope.EXCLUDING_NEXT_EXPIRY, "  ex next expiry");
    scoped(out, analysis, GammaProfile.Scope.EXCLUDING_NEXT_MONTHLY, "  ex next monthly");
  }

  private static void scoped(
      StringBuilder out, GexAnalysis analysis, GammaProfile.Scope scope, String label) {
    Optional<GammaProfile> profile = profile(analysis, scope);
    if (profile.isEmpty()) {
      row(out, label, "n/a (not computed)");
      return;
    }
    GammaProfile p = profile.get();
    String without = p.excludedExpiry().map(e -> "without " + e).orElse("nothing to leave out");
    if (p.zeroGamma().isPresent()) {
      double z = p.zeroGamma().getAsDouble();
      row(
          out,
          label,
          "%s (%+.2f%% from spot; %s)",
          level(z),
          (z - analysis.spot()) / analysis.spot() * 100,
          without);
    } else {
      row(out, label, "none in the profile range (%s)", without);
    }
  }

  /** The profile of exactly this scope, if the analysis has one. */
  static Optional<GammaProfile> profile(GexAnalysis analysis, GammaProfile.Scope scope) {
    return analysis.profiles().all().stream().filter(p -> p.scope() == scope).findFirst();
  }

  /** The option value of an expiry selection, as {@code --expiries} takes it. */
  static String expiries(ExpirySelection selection) {
    return switch (selection.kind()) {
      case ALL -> "all";
      case ZERO_DTE_ONLY -> "0dte";
      case EXCLUDE_ZERO_DTE -> "ex-0dte";
      case THROUGH_NEXT_MONTHLY -> "to-monthly";
      case DAYS_TO_EXPIRY -> selection.minDays() + "-" + selection.maxDays() + " DTE";
    };
  }

  private static void topStrikes(StringBuilder out, GexAnalysis analysis, double window) {
    GexByStrike byStrike = analysis.exposures().byStrike();
    // Largest |net| first; ties by ascending strike, so the table is stable (the report's too).
    int[] top = byStrike.largestNet(TOP_STRIKES, analysis.spot(), window);
    line(
        out,
        "Top %d strikes by |net GEX| within ±%s%% of spot ($bn per 1%% move)",
        top.length,
        percent(window));
    line(out, "  %12s  %8s  %8s  %8s", "strike", "calls", "puts", "net");
    for (int i : top) {
      line(
          out,
          "  %12s  %8s  %8s  %8s",
          level(byStrike.strikes().get(i)),
          bn(byStrike.callGex().get(i)),
          bn(byStrike.putGex().get(i)),
          bn(byStrike.netGex().get(i)));
    }
  }

  private static String percent(double fraction) {
    return BigDecimal.valueOf(fraction * 100).setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
  }

  /** Dollars as signed $bn with two decimals and thousands separators, such as {@code -3.39}. */
  static String bn(double dollars) {
    return String.format(Locale.ROOT, "%+,.2f", dollars / 1e9);
  }

  /** An index level with two decimals and thousands separators, such as {@code 4,007.95}. */
  static String level(double value) {
    return String.format(Locale.ROOT, "%,.2f", value);
  }

  /** {@link #level(double)}, or {@code none}. */
  static String level(OptionalDouble value) {
    return level(value, "none");
  }

  /** {@link #level(double)}, or {@code absent}. */
  private static String level(OptionalDouble value, String absent) {
    return value.isPresent() ? level(value.getAsDouble()) : absent;
  }

  private static void row(StringBuilder out, String label, String format, Object... args) {
    out.append(String.format(Locale.ROOT, "%-19s", label))
        .append(String.format(Locale.ROOT, format, args))
        .append('\n');
  }

  private static void line(StringBuilder out, String format, Object... args) {
    out.append(String.format(Locale.ROOT, format, args)).append('\n');
  }
}
