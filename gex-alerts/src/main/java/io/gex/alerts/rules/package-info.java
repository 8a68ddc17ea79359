/**
 * The built-in alert rules, found by {@link java.util.ServiceLoader} like any plugin. Thresholds are
 * settings {@code gex.alerts.<rule-id>.<name>}; a threshold is reached when the figure is at or above it
 * (for distances: at or below it). Money is in dollars of underlying per 1% move, as in {@link
 * io.gex.GexAnalysis}.
 *
 * <table>
 *   <caption>Built-in rules and their defaults</caption>
 *   <tr><th>id</th><th>raises when</th><th>settings (default)</th></tr>
 *   <tr><td>{@code gamma-flip-proximity}</td><td>spot within a percentage of the zero-gamma level</td>
 *       <td>{@code percent} (1.0) LOW, {@code medium-percent} (0.5), {@code high-percent} (0.25)</td></tr>
 *   <tr><td>{@code gex-concentration}</td><td>|total GEX| at or above a threshold, or one strike holding at
 *       least a share of gross GEX</td><td>{@code total-threshold} (5e9), {@code strike-share} (0.25)</td></tr>
 *   <tr><td>{@code pin-risk}</td><td>an expiry within N days has a pin score at or above a threshold</td>
 *       <td>{@code score} (70), {@code high-score} (90), {@code max-days} (2)</td></tr>
 *   <tr><td>{@code regime-change}</td><td>the regime differs from the previous snapshot's</td><td>none</td></tr>
 *   <tr><td>{@code dealer-short-gamma}</td><td>dealers short gamma by at least a threshold</td>
 *       <td>{@code threshold} (1e9)</td></tr>
 *   <tr><td>{@code wall-breach}</td><td>spot crossed the previous snapshot's call or put wall</td>
 *       <td>{@code buffer-percent} (0)</td></tr>
 * </table>
 */
@NullMarked
package io.gex.alerts.rules;

import org.jspecify.annotations.NullMarked;
