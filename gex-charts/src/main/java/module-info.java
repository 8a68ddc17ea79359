/**
 * gex charts: PNG charts of a {@link io.gex.GexAnalysis} (GEX by strike, gamma profile, expiry x strike
 * heatmap, dealer exposures) and an offline HTML report, drawn with XChart.
 *
 * <p>Charts are rasterised off screen with Java2D: run with {@code -Djava.awt.headless=true} on servers
 * and in CI (on Linux without a {@code DISPLAY} the JDK also falls back to headless by itself). The JDK
 * needs at least one font installed (for instance DejaVu, {@code fonts-dejavu-core} on Debian).
 */
@org.jspecify.annotations.NullMarked
module io.gex.charts {
  requires static org.jspecify;
  requires transitive io.gex.core;
  requires transitive java.desktop;
  requires org.knowm.xchart;

  exports io.gex.charts;
}
