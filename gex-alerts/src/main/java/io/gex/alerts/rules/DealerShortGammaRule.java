package io.gex.alerts.rules;

import io.gex.GexAnalysis;
import io.gex.alerts.AlertRule;
import io.gex.alerts.AlertSeverity;
import io.gex.alerts.GexAlert;
import io.gex.alerts.RuleParameter;
import io.gex.alerts.RuleSettings;
import io.gex.analysis.DealerPosition;
import io.gex.analysis.DealerPositioning;
import java.util.List;
import java.util.Optional;

/**
 * Raises when dealers are short gamma ({@link DealerPosition#SHORT_GAMMA}: beyond the core analyzer's
 * neutral band, hedging pressure {@code SELL_WEAKNESS_BUY_STRENGTH}) by at least {@code threshold}
 * (default 1e9 dollars per 1% move), measured as |{@link DealerPositioning#hedgeFlowPerPercent()}| (the
 * dollars dealers must trade for a 1% move, equal in size to total GEX). Such a book is destabilising:
 * hedging buys strength and sells weakness. MEDIUM at the threshold, HIGH at twice it, CRITICAL at four
 * times.
 *
 * <p>Key {@code short-gamma}; figures {@code shortGamma}, {@code hedgeFlowPerPercent}, {@code threshold},
 * {@code destabilising} (1 or 0), {@code deltaExposure} (dollars).
 *
 * <p>This class is immutable and thread-safe.
 */
public final class DealerShortGammaRule implements AlertRule {

  /** The rule's id. */
  public static final String ID = "dealer-short-gamma";

  private static final List<RuleParameter> PARAMETERS =
      List.of(
          RuleParameter.decimal(
              "threshold",
              1e9,
              1,
              1e15,
              "dealer short gamma at or above which an alert is raised, dollars per 1% move"));

  /** Creates the rule (as {@link java.util.ServiceLoader} does). */
  public DealerShortGammaRule() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "dealers short gamma beyond a threshold (destabilising hedging)";
  }

  @Override
  public List<RuleParameter> parameters() {
    return PARAMETERS;
  }

  @Override
  public List<GexAlert> evaluate(
      GexAnalysis current, Optional<GexAnalysis> previous, RuleSettings settings) {
    DealerPositioning dealer = current.dealer();
    if (dealer.position() != DealerPosition.SHORT_GAMMA) {
      return List.of();
    }
    double threshold = settings.getDouble("threshold");
    double shortGamma = Math.abs(dealer.hedgeFlowPerPercent());
    if (!(shortGamma >= threshold)) {
      return List.of();
    }
    AlertSeverity severity =
        shortGamma >= 4 * threshold
            ? AlertSeverity.CRITICAL
            : shortGamma >= 2 * threshold ? AlertSeverity.HIGH : AlertSeverity.MEDIUM;
    GexAlert.Builder alert =
        GexAlert.builder(ID, current)
            .key("short-gamma")
            .severity(severity)
            .message(
                "Dealers are short "
                    + Figures.dollars(shortGamma)
                    + " of gamma per 1% move in "
                    + current.symbol()
                    + " (threshold "
                    + Figures.dollars(threshold)
                    + "): hedging buys strength and sells weakness, amplifying moves")
            .figure("shortGamma", shortGamma)
            .figure("hedgeFlowPerPercent", dealer.hedgeFlowPerPercent())
            .figure("threshold", threshold)
            .figure("destabilising", dealer.destabilising() ? 1 : 0);
    if (Double.isFinite(dealer.deltaExposure())) {
      alert.figure("deltaExposure", dealer.deltaExposure());
    }
    return List.of(alert.build());
  }
}
