package com.acme.gexplugin;

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
 * A third-party rule, packaged as a plugin would be: a public class with a public no-argument
 * constructor, listed in {@code META-INF/services/io.gex.alerts.AlertRule} (and, in a modular jar, {@code
 * provides io.gex.alerts.AlertRule with com.acme.gexplugin.PutDominanceRule;}).
 *
 * <p>Raises MEDIUM when put exposure dominates: |put GEX| / (|call GEX| + |put GEX|) at or above {@code
 * share} (default 0.7), HIGH at or above 0.9. Setting: {@code gex.alerts.acme.put-dominance.share}.
 */
public final class PutDominanceRule implements AlertRule {

  public static final String ID = "acme.put-dominance";

  public PutDominanceRule() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "put gamma dominates call gamma";
  }

  @Override
  public List<RuleParameter> parameters() {
    return List.of(
        RuleParameter.decimal("share", 0.7, 0.5, 1, "put share of gross call+put GEX that raises MEDIUM"));
  }

  @Override
  public List<GexAlert> evaluate(
      GexAnalysis current, Optional<GexAnalysis> previous, RuleSettings settings) {
    double calls = Math.abs(current.exposures().callGex());
    double puts = Math.abs(current.exposures().putGex());
    if (calls + puts == 0) {
      return List.of();
    }
    double share = puts / (calls + puts);
    double threshold = settings.getDouble("share");
    if (share < threshold) {
      return List.of();
    }
    return List.of(
        GexAlert.builder(ID, current)
            .severity(share >= 0.9 ? AlertSeverity.HIGH : AlertSeverity.MEDIUM)
            .message(
                String.format(
                    Locale.ROOT,
                    "%s puts hold %.1f%% of gross GEX (alert at %.1f%%)",
                    current.symbol(),
                    share * 100,
                    threshold * 100))
            .figure("putShare", share)
            .build());
  }
}
