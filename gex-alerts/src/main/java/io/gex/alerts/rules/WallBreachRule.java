package io.gex.alerts.rules;

import io.gex.GexAnalysis;
import io.gex.alerts.AlertRule;
import io.gex.alerts.AlertSeverity;
import io.gex.alerts.GexAlert;
import io.gex.alerts.RuleParameter;
import io.gex.alerts.RuleSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Raises when spot crossed the previous snapshot's call wall or put wall since that snapshot. The walls
 * are the previous snapshot's (after a breach the current analysis recomputes its walls beyond the new
 * spot).
 *
 * <ul>
 *   <li>Call wall W (type {@code wall-breach.call}, MEDIUM): previous spot at or below W and current spot
 *       above W × (1 + {@code buffer-percent}/100).
 *   <li>Put wall P (type {@code wall-breach.put}, HIGH, since losing the put wall usually opens the way into
 *       negative gamma): previous spot at or above P and current spot below P × (1 − {@code
 *       buffer-percent}/100).
 * </ul>
 *
 * <p>Touching a wall is not crossing it: with the default {@code buffer-percent} 0, spot must be strictly
 * beyond. Nothing without a previous snapshot, or when it had no wall. Key {@code call-wall:<strike>} or
 * {@code put-wall:<strike>}; figures {@code wall}, {@code spot}, {@code previousSpot}, {@code
 * beyondPercent} (how far spot is past the wall, % of the wall).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class WallBreachRule implements AlertRule {

  /** The rule's id. */
  public static final String ID = "wall-breach";

  /** The type of a call-wall breach. */
  public static final String CALL = ID + ".call";

  /** The type of a put-wall breach. */
  public static final String PUT = ID + ".put";

  private static final List<RuleParameter> PARAMETERS =
      List.of(
          RuleParameter.decimal(
              "buffer-percent",
              0,
              0,
              100,
              "how far beyond the wall spot must be, % of the wall (0: strictly beyond)"));

  /** Creates the rule (as {@link java.util.ServiceLoader} does). */
  public WallBreachRule() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "spot crossed the call wall or the put wall since the previous snapshot";
  }

  @Override
  public List<RuleParameter> parameters() {
    return PARAMETERS;
  }

  @Override
  public List<GexAlert> evaluate(
      GexAnalysis current, Optional<GexAnalysis> previous, RuleSettings settings) {
    if (previous.isEmpty()) {
      return List.of();
    }
    GexAnalysis before = previous.get();
    double buffer = settings.getDouble("buffer-percent") / 100;
    double spot = current.spot();
    List<GexAlert> alerts = new ArrayList<>(2);
    if (before.callWall().isPresent()) {
      double wall = before.callWall().getAsDouble();
      if (before.spot() <= wall && spot > wall * (1 + buffer)) {
        alerts.add(breach(current, before, wall, CALL, "call-wall", "above the call wall", AlertSeverity.MEDIUM));
      }
    }
    if (before.putWall().isPresent()) {
      double wall = before.putWall().getAsDouble();
      if (before.spot() >= wall && spot < wall * (1 - buffer)) {
        alerts.add(breach(current, before, wall, PUT, "put-wall", "below the put wall", AlertSeverity.HIGH));
      }
    }
    return alerts;
  }

  private static GexAlert breach(
      GexAnalysis current,
      GexAnalysis before,
      double wall,
      String type,
      String keyPrefix,
      String where,
      AlertSeverity severity) {
    double beyond = Math.abs(current.spot() - wall) * 100 / wall;
    return GexAlert.builder(ID, current)
        .type(type)
        .key(keyPrefix + ":" + Figures.strikeKey(wall))
        .severity(severity)
        .message(
            current.symbol()
                + " spot "
                + Figures.level(current.spot())
                + " broke "
                + where
                + " "
                + Figures.strike(wall)
                + " by "
                + Figures.points(current.spot() - wall)
                + " points ("
                + Figures.percent(beyond)
                + "); previous spot "
                + Figures.level(before.spot()))
        .figure("wall", wall)
        .figure("spot", current.spot())
        .figure("previousSpot", before.spot())
        .figure("beyondPercent", beyond)
        .build();
  }
}
