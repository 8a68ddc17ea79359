package io.gex.alerts.rules;

import io.gex.GexAnalysis;
import io.gex.alerts.AlertRule;
import io.gex.alerts.AlertSeverity;
import io.gex.alerts.GexAlert;
import io.gex.alerts.RuleParameter;
import io.gex.alerts.RuleSettings;
import java.util.List;
import java.util.Optional;

/**
 * Raises when spot is within a percentage of the zero-gamma (flip) level, the spot at which total GEX
 * changes sign: across it the regime flips and dealer hedging switches between damping moves (long gamma)
 * and amplifying them (short gamma). Distance = |zero gamma − spot| × 100 / spot, in percent of spot.
 *
 * <ul>
 *   <li>{@code percent} (default 1.0): distance at or below it raises LOW;
 *   <li>{@code medium-percent} (default 0.5): at or below, MEDIUM;
 *   <li>{@code high-percent} (default 0.25): at or below, HIGH.
 * </ul>
 *
 * <p>Requires {@code high-percent <= medium-percent <= percent}. No alert when the analysis has no
 * zero-gamma level. Key {@code zero-gamma}; figures {@code spot}, {@code zeroGamma}, {@code
 * distancePercent} (signed: positive when the flip is above spot), {@code distancePoints} (signed).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class GammaFlipProximityRule implements AlertRule {

  /** The rule's id. */
  public static final String ID = "gamma-flip-proximity";

  private static final List<RuleParameter> PARAMETERS =
      List.of(
          RuleParameter.decimal(
              "percent", 1.0, 0, 100, "distance to zero gamma, % of spot, at or below which LOW is raised"),
          RuleParameter.decimal(
              "medium-percent", 0.5, 0, 100, "distance at or below which the alert is MEDIUM, % of spot"),
          RuleParameter.decimal(
              "high-percent", 0.25, 0, 100, "distance at or below which the alert is HIGH, % of spot"));

  /** Creates the rule (as {@link java.util.ServiceLoader} does). */
  public GammaFlipProximityRule() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "spot within a percentage of the zero-gamma level";
  }

  @Override
  public List<RuleParameter> parameters() {
    return PARAMETERS;
  }

  @Override
  public void validate(RuleSettings settings) {
    double low = settings.getDouble("percent");
    double medium = settings.getDouble("medium-percent");
    double high = settings.getDouble("high-percent");
    if (!(high <= medium && medium <= low)) {
      throw new IllegalArgumentException(
          "need high-percent <= medium-percent <= percent, were "
              + high
              + ", "
              + medium
              + " and "
              + low);
    }
  }

  @Override
  public List<GexAlert> evaluate(
      GexAnalysis current, Optional<GexAnalysis> previous, RuleSettings settings) {
    if (current.zeroGamma().isEmpty()) {
      return List.of();
    }
    double spot = current.spot();
    double zeroGamma = current.zeroGamma().getAsDouble();
    double points = zeroGamma - spot;
    double distance = Math.abs(points) * 100 / spot;
    AlertSeverity severity;
    if (distance <= settings.getDouble("high-percent")) {
      severity = AlertSeverity.HIGH;
    } else if (distance <= settings.getDouble("medium-percent")) {
      severity = AlertSeverity.MEDIUM;
    } else if (distance <= settings.getDouble("percent")) {
      severity = AlertSeverity.LOW;
    } else {
      return List.of();
    }
    String side = points > 0 ? "below" : points < 0 ? "above" : "at";
    String message =
        current.symbol()
            + " spot "
            + Figures.level(spot)
            + " is "
            + (points == 0
                ? ""
                : Figures.points(points) + " points (" + Figures.percent(distance) + ") ")
            + side
            + " the zero-gamma level "
            + Figures.level(zeroGamma)
            + " (alert within "
            + Figures.percent(settings.getDouble("percent"))
            + ")";
    return List.of(
        GexAlert.builder(ID, current)
            .key("zero-gamma")
            .severity(severity)
            .message(message)
            .figure("spot", spot)
            .figure("zeroGamma", zeroGamma)
            .figure("distancePercent", points * 100 / spot)
            .figure("distancePoints", points)
            .build());
  }
}
