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

/** Raises an alert when puts hold most of the gross gamma exposure. Stateless, so thread-safe. */
public final class PutDominanceRule implements AlertRule {
  public static final String ID = "acme.put-dominance";

  public PutDominanceRule() {} // ServiceLoader needs a public no-arg constructor

  @Override
  public String id() { // default: the class name; the id is the settings prefix gex.alerts.acme.put-dominance.*
    return ID;
  }

  @Override
  public List<RuleParameter> parameters() { // declared settings, checked when the engine is built
    return List.of(RuleParameter.decimal("share", 0.7, 0.5, 1, "put share of gross GEX that raises MEDIUM"));
  }

  @Override
  public List<GexAlert> evaluate(GexAnalysis current, Optional<GexAnalysis> previous, RuleSettings settings) {
    double calls = Math.abs(current.exposures().callGex());
    double puts = Math.abs(current.exposures().putGex());
    if (calls + puts == 0) {
      return List.of();
    }
    double share = puts / (calls + puts);
    if (share < settings.getDouble("share")) { // the value set, or the declared default
      return List.of();
    }
    return List.of(
        GexAlert.builder(ID, current) // symbol and instant come from the analysis
            .severity(share >= 0.9 ? AlertSeverity.HIGH : AlertSeverity.MEDIUM)
            .message(String.format(Locale.ROOT, "%s puts hold %.1f%% of gross GEX", current.symbol(), share * 100))
            .figure("putShare", share) // finite numbers only
            .build());
  }
}
