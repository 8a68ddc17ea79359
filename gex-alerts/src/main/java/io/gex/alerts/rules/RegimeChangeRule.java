package io.gex.alerts.rules;

import io.gex.GammaRegime;
import io.gex.GexAnalysis;
import io.gex.alerts.AlertRule;
import io.gex.alerts.AlertSeverity;
import io.gex.alerts.GexAlert;
import io.gex.alerts.RuleSettings;
import java.util.List;
import java.util.Optional;

/**
 * Raises when the gamma regime (the sign of total GEX at spot) differs from the previous snapshot's: HIGH
 * into {@link GammaRegime#NEGATIVE} (dealer hedging starts amplifying moves), MEDIUM from NEGATIVE into
 * POSITIVE (hedging dampens moves again), LOW for any other change (into or out of NEUTRAL, except into
 * NEGATIVE). Nothing without a previous snapshot. No settings besides {@code enabled} and {@code cooldown}.
 * The message says what the new regime means for dealer hedging.
 *
 * <p>Key {@code to:<regime>}, so a change back within the cooldown is raised too; figures {@code
 * totalGex}, {@code previousTotalGex}, {@code spot}, {@code previousSpot}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class RegimeChangeRule implements AlertRule {

  /** The rule's id. */
  public static final String ID = "regime-change";

  /** Creates the rule (as {@link java.util.ServiceLoader} does). */
  public RegimeChangeRule() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "the gamma regime differs from the previous snapshot's";
  }

  @Override
  public List<GexAlert> evaluate(
      GexAnalysis current, Optional<GexAnalysis> previous, RuleSettings settings) {
    if (previous.isEmpty()) {
      return List.of();
    }
    GexAnalysis before = previous.get();
    GammaRegime from = before.regime();
    GammaRegime to = current.regime();
    if (from == to) {
      return List.of();
    }
    AlertSeverity severity =
        to == GammaRegime.NEGATIVE
            ? AlertSeverity.HIGH
            : from == GammaRegime.NEGATIVE && to == GammaRegime.POSITIVE
                ? AlertSeverity.MEDIUM
                : AlertSeverity.LOW;
    return List.of(
        GexAlert.builder(ID, current)
            .key("to:" + to)
            .severity(severity)
            .message(
                current.symbol()
                    + " gamma regime changed from "
                    + from
                    + " to "
                    + to
                    + ", "
                    + Figures.meaning(to)
                    + " (total GEX "
                    + Figures.dollars(before.totalGex())
                    + " -> "
                    + Figures.dollars(current.totalGex())
                    + " per 1% move; spot "
                    + Figures.level(before.spot())
                    + " -> "
                    + Figures.level(current.spot())
                    + ")")
            .figure("totalGex", current.totalGex())
            .figure("previousTotalGex", before.totalGex())
            .figure("spot", current.spot())
            .figure("previousSpot", before.spot())
            .build());
  }
}
