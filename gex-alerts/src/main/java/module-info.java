/**
 * gex alerts: turns analyses into alerts with pluggable rules ({@link io.gex.alerts.AlertRule}) and
 * listeners ({@link io.gex.alerts.AlertListener}). Start at {@link io.gex.alerts.AlertEngine}.
 */
module io.gex.alerts {
  requires static org.jspecify;
  requires transitive io.gex.core;
  requires org.slf4j;

  exports io.gex.alerts;
  exports io.gex.alerts.rules;

  uses io.gex.alerts.AlertRule;
  uses io.gex.alerts.AlertListener;

  provides io.gex.alerts.AlertRule with
      io.gex.alerts.rules.GammaFlipProximityRule,
      io.gex.alerts.rules.GexConcentrationRule,
      io.gex.alerts.rules.PinRiskRule,
      io.gex.alerts.rules.RegimeChangeRule,
      io.gex.alerts.rules.DealerShortGammaRule,
      io.gex.alerts.rules.WallBreachRule;
}
