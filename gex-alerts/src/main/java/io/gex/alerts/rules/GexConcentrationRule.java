package io.gex.alerts.rules;

import io.gex.GexAnalysis;
import io.gex.alerts.AlertRule;
import io.gex.alerts.AlertSeverity;
import io.gex.alerts.GexAlert;
import io.gex.alerts.RuleParameter;
import io.gex.alerts.RuleSettings;
import io.gex.analysis.GexByStrike;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Raises when gamma exposure is large or concentrated:
 *
 * <ul>
 *   <li>type {@code gex-concentration.total}, key {@code total}: |total GEX| at or above {@code
 *       total-threshold} (default 5e9 dollars per 1% move) raises MEDIUM, at or above twice it HIGH, of
 *       either sign (the message says what the regime, the sign, means for dealer hedging); figures {@code
 *       totalGex}, {@code threshold};
 *   <li>type {@code gex-concentration.strike}, key {@code strike:<strike>}: the strike with the largest
 *       gross exposure |call GEX| + |put GEX| holds at least {@code strike-share} (default 0.25) of the
 *       chain's gross exposure (the sum over strikes): MEDIUM, or HIGH at twice the share; figures {@code
 *       strike}, {@code share} (a fraction in [0, 1]), {@code strikeGrossGex}, {@code grossGex}.
 * </ul>
 *
 * <p>This class is immutable and thread-safe.
 */
public final class GexConcentrationRule implements AlertRule {

  /** The rule's id. */
  public static final String ID = "gex-concentration";

  /** The type of the total-exposure alert. */
  public static final String TOTAL = ID + ".total";

  /** The type of the single-strike alert. */
  public static final String STRIKE = ID + ".strike";

  private static final List<RuleParameter> PARAMETERS =
      List.of(
          RuleParameter.decimal(
              "total-threshold",
              5e9,
              1,
              1e15,
              "|total GEX| at or above which an alert is raised, dollars per 1% move"),
          RuleParameter.decimal(
              "strike-share",
              0.25,
              0.01,
              1,
              "share of gross GEX (fraction) held by one strike at or above which an alert is raised"));

  /** Creates the rule (as {@link java.util.ServiceLoader} does). */
  public GexConcentrationRule() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "total |GEX| above a threshold, or one strike holding a large share of gross GEX";
  }

  @Override
  public List<RuleParameter> parameters() {
    return PARAMETERS;
  }

  @Override
  public List<GexAlert> evaluate(
      GexAnalysis current, Optional<GexAnalysis> previous, RuleSettings settings) {
    List<GexAlert> alerts = new ArrayList<>(2);
    double threshold = settings.getDouble("total-threshold");
    double total = current.totalGex();
    if (Math.abs(total) >= threshold) {
      alerts.add(
          GexAlert.builder(ID, current)
              .type(TOTAL)
              .key("total")
              .severity(Math.abs(total) >= 2 * threshold ? AlertSeverity.HIGH : AlertSeverity.MEDIUM)
              .message(
                  current.symbol()
                      + " total GEX is "
                      + Figures.dollars(total)
                      + " per 1% move ("
                      + Figures.meaning(current.regime())
                      + "), at or beyond the threshold of "
                      + Figures.dollars(threshold)
                      + " in size")
              .figure("totalGex", total)
              .figure("threshold", threshold)
              .build());
    }

    GexByStrike byStrike = current.exposures().byStrike();
    double gross = 0;
    double largest = -1;
    int at = -1;
    for (int i = 0; i < byStrike.size(); i++) {
      double g = Math.abs(byStrike.callGex().get(i)) + Math.abs(byStrike.putGex().get(i));
      gross += g;
      if (g > largest) {
        largest = g;
        at = i;
      }
    }
    double minShare = settings.getDouble("strike-share");
    if (at >= 0 && gross > 0) {
      double share = largest / gross;
      if (share >= minShare) {
        double strike = byStrike.strikes().get(at);
        alerts.add(
            GexAlert.builder(ID, current)
                .type(STRIKE)
                .key("strike:" + Figures.strikeKey(strike))
                .severity(share >= 2 * minShare ? AlertSeverity.HIGH : AlertSeverity.MEDIUM)
                .message(
                    current.symbol()
                        + " strike "
                        + Figures.strike(strike)
                        + " holds "
                        + Figures.percent(share * 100)
                        + " of gross GEX ("
                        + Figures.dollars(largest)
                        + " of "
                        + Figures.dollars(gross)
                        + " per 1% move; alert at "
                        + Figures.percent(minShare * 100)
                        + ")")
                .figure("strike", strike)
                .figure("share", share)
                .figure("strikeGrossGex", largest)
                .figure("grossGex", gross)
                .build());
      }
    }
    return alerts;
  }
}
