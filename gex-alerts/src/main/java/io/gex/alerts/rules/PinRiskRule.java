package io.gex.alerts.rules;

import io.gex.GexAnalysis;
import io.gex.alerts.AlertRule;
import io.gex.alerts.AlertSeverity;
import io.gex.alerts.GexAlert;
import io.gex.alerts.RuleParameter;
import io.gex.alerts.RuleSettings;
import io.gex.analysis.ExpiryPinRisk;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Raises for each expiry settling within {@code max-days} calendar days (default 2; 0 is the same day)
 * whose pin-risk score (0 to 100, from {@link io.gex.GexAnalysis#pinRisk()}) is at or above {@code score}
 * (default 70): MEDIUM, or HIGH at or above {@code high-score} (default 90; must be {@code >= score}).
 * Expired expiries (negative days) are ignored; an analysis without pin-risk figures raises nothing.
 *
 * <p>Key {@code expiry:<date>}; figures {@code score}, {@code daysToExpiry}, {@code pinStrike}, {@code
 * maxPain}, {@code spot}, {@code expectedMove} (index points).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class PinRiskRule implements AlertRule {

  /** The rule's id. */
  public static final String ID = "pin-risk";

  private static final List<RuleParameter> PARAMETERS =
      List.of(
          RuleParameter.decimal("score", 70, 0, 100, "pin-risk score at or above which MEDIUM is raised"),
          RuleParameter.decimal("high-score", 90, 0, 100, "pin-risk score at or above which the alert is HIGH"),
          RuleParameter.integer(
              "max-days", 2, 0, 3650, "only expiries settling within this many calendar days"));

  /** Creates the rule (as {@link java.util.ServiceLoader} does). */
  public PinRiskRule() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "pin score above a threshold within N days of settlement";
  }

  @Override
  public List<RuleParameter> parameters() {
    return PARAMETERS;
  }

  @Override
  public void validate(RuleSettings settings) {
    double score = settings.getDouble("score");
    double high = settings.getDouble("high-score");
    if (high < score) {
      throw new IllegalArgumentException(
          "need high-score >= score, were " + high + " and " + score);
    }
  }

  @Override
  public List<GexAlert> evaluate(
      GexAnalysis current, Optional<GexAnalysis> previous, RuleSettings settings) {
    double minScore = settings.getDouble("score");
    double highScore = settings.getDouble("high-score");
    long maxDays = settings.getLong("max-days");
    List<GexAlert> alerts = new ArrayList<>();
    for (ExpiryPinRisk e : current.pinRisk().expiries()) {
      if (e.daysToExpiry() < 0 || e.daysToExpiry() > maxDays || !(e.score() >= minScore)) {
        continue;
      }
      GexAlert.Builder alert =
          GexAlert.builder(ID, current)
              .key("expiry:" + e.expiry())
              .severity(e.score() >= highScore ? AlertSeverity.HIGH : AlertSeverity.MEDIUM)
              .message(
                  current.symbol()
                      + " "
                      + e.expiry()
                      + " expiry ("
                      + e.daysToExpiry()
                      + (e.daysToExpiry() == 1 ? " day" : " days")
                      + ") has pin-risk score "
                      + String.format(Locale.ROOT, "%.1f", e.score())
                      + " at strike "
                      + Figures.strike(e.pinStrike())
                      + " (spot "
                      + Figures.level(current.spot())
                      + ", max pain "
                      + Figures.strike(e.maxPain())
                      + "; alert at "
                      + String.format(Locale.ROOT, "%.1f", minScore)
                      + ")")
              .figure("score", e.score())
              .figure("daysToExpiry", (double) e.daysToExpiry())
              .figure("pinStrike", e.pinStrike())
              .figure("maxPain", e.maxPain())
              .figure("spot", current.spot());
      if (Double.isFinite(e.expectedMove())) {
        alert.figure("expectedMove", e.expectedMove());
      }
      alerts.add(alert.build());
    }
    return alerts;
  }
}
