/**
 * gex alerts: turns {@link io.gex.GexAnalysis analyses} into {@link io.gex.alerts.GexAlert alerts}.
 *
 * <ul>
 *   <li>{@link io.gex.alerts.AlertEngine}: runs every enabled {@link io.gex.alerts.AlertRule} on an analysis
 *       (and the symbol's previous one), isolates failing rules, suppresses repeats within a cooldown and
 *       tells the {@link io.gex.alerts.AlertListener listeners}.
 *   <li>{@link io.gex.alerts.AlertRule} and {@link io.gex.alerts.AlertListener}: the plugin SPIs, found with
 *       {@link java.util.ServiceLoader} through {@link io.gex.spi.Providers} or registered explicitly.
 *   <li>{@link io.gex.alerts.AlertSettings}: thresholds, cooldowns and which rules are on, from a builder or
 *       a properties file; each rule sees its part as {@link io.gex.alerts.RuleSettings}.
 *   <li>{@link io.gex.alerts.AlertStateStore}: where the cooldown state lives (in memory by default).
 * </ul>
 *
 * <p>The built-in rules are in {@link io.gex.alerts.rules}.
 */
@NullMarked
package io.gex.alerts;

import org.jspecify.annotations.NullMarked;
