package io.gex.examples.plugin;

import io.gex.GexAnalysis;
import io.gex.alerts.AlertRule;
import io.gex.alerts.AlertSeverity;
import io.gex.alerts.GexAlert;
import io.gex.alerts.RuleParameter;
import io.gex.alerts.RuleSettings;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An example plugin rule: raises when the zero-gamma (flip) level has moved by more than a share of spot
 * since the symbol's previous snapshot. A flip that moves a long way between two snapshots means the
 * positioning under the market changed, even when spot did not move: the level where dealer hedging turns
 * from damping to amplifying is somewhere else now.
 *
 * <p>Shift = |zero gamma now − zero gamma before| / spot now × 100. MEDIUM from {@code shift-percent}
 * (default 0.5%), HIGH from {@code high-shift-percent} (default 1.5%). Nothing without a previous snapshot
 * or when either snapshot has no zero-gamma level in its profile range.
 *
 * <p>Settings ({@code gex.alerts.example.zero-gamma-shift.*}): {@code shift-percent} in [0.01, 50], {@code
 * high-shift-percent} in [0.01, 50] and not below {@code shift-percent}, plus {@code enabled} and {@code
 * cooldown} like every rule.
 *
 * <p>Alert type {@value #ID}; key {@code zero-gamma-shift:up} or {@code zero-gamma-shift:down}, so a move
 * back the other way within the cooldown is raised too; figures {@code zeroGamma}, {@code
 * previousZeroGamma} (index points), {@code shiftPoints} (signed, index points) and {@code shiftPercent}
 * (unsigned, % of spot).
 *
 * <p>Packaged as a plugin: {@code META-INF/services/io.gex.alerts.AlertRule} names this class and {@code
 * module-info.java} says {@code provides io.gex.alerts.AlertRule with
 * io.gex.examples.plugin.ZeroGammaShiftRule}; {@code AlertEngine.builder().build()} discovers it.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class ZeroGammaShiftRule implements AlertRule {

  /** The rule's id, also the prefix of its settings: {@value}. */
  public static final String ID = "example.zero-gamma-shift";

  /** The setting for the MEDIUM threshold, percent of spot: {@value}. */
  public static final String SHIFT_PERCENT = "shift-percent";

  /** The setting for the HIGH threshold, percent of spot: {@value}. */
  public static final String HIGH_SHIFT_PERCENT = "high-shift-percent";

  /** Creates the rule; {@link java.util.ServiceLoader} needs this public no-argument constructor. */
  public ZeroGammaShiftRule() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "the zero-gamma level moved by more than a share of spot since the previous snapshot";
  }

  @Override
  public List<RuleParameter> parameters() {
    return List.of(
        RuleParameter.decimal(
            SHIFT_PERCENT, 0.5, 0.01, 50, "move of the flip, % of spot, that raises MEDIUM"),
        RuleParameter.decimal(
            HIGH_SHIFT_PERCENT, 1.5, 0.01, 50, "move of the flip, % of spot, that raises HIGH"));
  }

  /**
   * Checks that the HIGH threshold is not below the MEDIUM one.
   *
   * @throws IllegalArgumentException naming both keys and values if it is
   */
  @Override
  public void validate(RuleSettings settings) {
    double medium = settings.getDouble(SHIFT_PERCENT);
    double high = settings.getDouble(HIGH_SHIFT_PERCENT);
    if (high < medium) {
      throw new IllegalArgumentException(
          "gex.alerts." + ID + "." + HIGH_SHIFT_PERCENT + "=" + high + " must not be below gex.alerts."
              + ID + "." + SHIFT_PERCENT + "=" + medium);
    }
  }

  @Override
  public List<GexAlert> evaluate(
      GexAnalysis current, Optional<GexAnalysis> previous, RuleSettings settings) {
    if (previous.isEmpty()
        || current.zeroGamma().isEmpty()
        || previous.get().zeroGamma().isEmpty()) {
      return List.of();
    }
    double now = current.zeroGamma().getAsDouble();
    double before = previous.get().zeroGamma().getAsDouble();
    double shiftPoints = now - before;
    double shiftPercent = Math.abs(shiftPoints) / current.spot() * 100;
    double medium = settings.getDouble(SHIFT_PERCENT);
    if (shiftPercent < medium) {
      return List.of();
    }
    AlertSeverity severity =
        shiftPercent >= settings.getDouble(HIGH_SHIFT_PERCENT) ? AlertSeverity.HIGH : AlertSeverity.MEDIUM;
    String direction = shiftPoints >= 0 ? "up" : "down";
    return List.of(
        GexAlert.builder(ID, current)
            .key("zero-gamma-shift:" + direction)
            .severity(severity)
            .message(
                String.format(
                    Locale.ROOT,
                    "%s zero gamma moved %s %.2f points (%.2f%% of spot) from %.2f to %.2f since %s",
                    current.symbol(),
                    direction,
                    Math.abs(shiftPoints),
                    shiftPercent,
                    before,
                    now,
                    previous.get().valuationTime()))
            .figure("zeroGamma", now)
            .figure("previousZeroGamma", before)
            .figure("shiftPoints", shiftPoints)
            .figure("shiftPercent", shiftPercent)
            .build());
  }
}
