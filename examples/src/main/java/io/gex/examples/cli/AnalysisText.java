package io.gex.examples.cli;

import io.gex.GexAnalysis;
import io.gex.alerts.GexAlert;
import io.gex.analysis.DealerPositioning;
import io.gex.analysis.ExpiryPinRisk;
import io.gex.analysis.GexByStrike;
import io.gex.chain.ContractDiagnostic;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The readable summary of {@code gex analyze}: spot, total GEX in $bn per 1% move, regime, zero gamma,
 * walls, max pain and pin score of the nearest expiry, dealer position and hedging pressure, contracts used
 * and skipped by reason, the strikes with the largest |net GEX|, and the alerts raised. About 35 lines;
 * levels in index points with two decimals, exposures in $bn with two decimals. Locale-independent.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class AnalysisText {

  /** How many strikes the table of largest |net GEX| shows. */
  public static final int TOP_STRIKES = 10;

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.US);

  private AnalysisText() {}

  /**
   * The summary of an analysis, lines ending in {@code \n}.
   *
   * @param analysis the analysis
   * @param alerts the alerts raised on it, in order (may be empty)
   * @param sourceId the id of the source that read the chain, shown in the first line
   * @return the text
   */
  public static String format(GexAnalysis analysis, List<GexAlert> alerts, String sourceId) {
    Objects.requireNonNull(analysis, "analysis");
    Objects.requireNonNull(alerts, "alerts");
    Objects.requireNonNull(sourceId, "sourceId");
    StringBuilder out = new StringBuilder();
    line(
        out,
        "%s  spot %s  at %s (%s)  read by %s",
        analysis.symbol(),
        level(analysis.spot()),
        TIME.format(analysis.valuationTime().atZone(analysis.settings().settlementZone())),
        analysis.valuationTime(),
        sourceId);
    out.append('\n');
    row(
        out,
        "Total GEX",
        "%s $bn per 1%% move (calls %s, puts %s)",
        bn(analysis.totalGex()),
        bn(analysis.callGex()),
        bn(analysis.putGex()));
    row(out, "Regime", "%s", analysis.regime());
    if (analysis.zeroGamma().isPresent()) {
      int crossings = analysis.zeroGammaCrossings().size();
      row(
          out,
          "Zero gamma",
          "%s (%+.2f%% from spot; %d crossing%s in the profile)",
          level(analysis.zeroGamma().getAsDouble()),
          analysis.flipDistancePercent().orElse(0),
          crossings,
          crossings == 1 ? "" : "s");
    } else {
      row(out, "Zero gamma", "none in the profile range");
    }
    row(out, "Strike zero gamma", "%s", level(analysis.strikeZeroGamma()));
    row(out, "Call wall", "%s", level(analysis.callWall()));
    row(out, "Put wall", "%s", level(analysis.putWall()));
    row(out, "Abs gamma strike", "%s", level(analysis.absGammaStrike()));
    Optional<ExpiryPinRisk> pin = analysis.pinRisk().headline();
    if (pin.isPresent()) {
      ExpiryPinRisk p = pin.get();
      row(out, "Max pain", "%s (expiry %s, %d DTE)", level(p.maxPain()), p.expiry(), p.daysToExpiry());
      row(out, "Pin risk", "score %.1f of 100 at strike %s", p.score(), level(p.pinStrike()));
    } else {
      row(out, "Max pain", "n/a");
      row(out, "Pin risk", "n/a");
    }
    DealerPositioning d = analysis.dealer();
    row(
        out,
        "Dealers",
        "%s: %s%s",
        d.position(),
        pressure(d),
        d.destabilising() ? " (amplifies moves)" : "");
    row(out, "Hedge flow", "%s", hedgeFlow(d.hedgeFlowPerPercent()));
    row(
        out,
        "Delta exposure",
        "%s $bn (vanna %s $bn per vol point, charm %s $bn per day)",
        bn(d.deltaExposure()),
        bn(d.vannaExposure()),
        bn(d.charmExposure()));
    row(out, "Zero delta", "%s", level(d.zeroDelta()));
    row(out, "Contracts", "%s", contracts(analysis));
    out.append('\n');
    topStrikes(out, analysis.byStrike());
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

  private static String pressure(DealerPositioning d) {
    return switch (d.hedgingPressure()) {
      case BUY_WEAKNESS_SELL_STRENGTH -> "hedging buys weakness and sells strength";
      case SELL_WEAKNESS_BUY_STRENGTH -> "hedging sells weakness and buys strength";
      case BALANCED -> "hedging flows balanced";
    };
  }

  /** Positive flow: dealers sell into a rise (long gamma); negative: they buy into it. */
  private static String hedgeFlow(double dollars) {
    String amount = String.format(Locale.ROOT, "$%,.2fbn", Math.abs(dollars) / 1e9);
    if (dollars > 0) {
      return "dealers sell " + amount + " into a 1% rise, buy " + amount + " into a 1% fall";
    }
    if (dollars < 0) {
      return "dealers buy " + amount + " into a 1% rise, sell " + amount + " into a 1% fall";
    }
    return "none";
  }

  private static String contracts(GexAnalysis analysis) {
    StringBuilder s =
        new StringBuilder(
            String.format(
                Locale.ROOT,
                "%,d used, %,d skipped",
                analysis.contractsUsed(),
                analysis.contractsSkipped()));
    Map<ContractDiagnostic.Reason, Integer> reasons = analysis.skippedByReason();
    if (!reasons.isEmpty()) {
      List<String> parts = new ArrayList<>();
      reasons.forEach((reason, n) -> parts.add(String.format(Locale.ROOT, "%s %,d", reason, n)));
      s.append(" (").append(String.join(", ", parts)).append(')');
    }
    return s.toString();
  }

  private static void topStrikes(StringBuilder out, GexByStrike byStrike) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < byStrike.size(); i++) {
      order.add(i);
    }
    // Largest |net| first; ties by ascending strike, so the table is stable.
    order.sort(
        Comparator.comparingDouble((Integer i) -> -Math.abs(byStrike.netGex().get(i)))
            .thenComparingDouble(i -> byStrike.strikes().get(i)));
    List<Integer> top = order.subList(0, Math.min(TOP_STRIKES, order.size()));
    line(out, "Top %d strikes by |net GEX| ($bn per 1%% move)", top.size());
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

  private static String bn(double dollars) {
    return String.format(Locale.ROOT, "%+,.2f", dollars / 1e9);
  }

  private static String level(double value) {
    return String.format(Locale.ROOT, "%,.2f", value);
  }

  private static String level(OptionalDouble value) {
    return value.isPresent() ? level(value.getAsDouble()) : "none";
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
