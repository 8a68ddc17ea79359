/**
 * Charts and the HTML report of a {@link io.gex.GexAnalysis}. Start at {@link io.gex.charts.GexCharts}
 * (analysis in, {@link java.awt.image.BufferedImage} or PNG out) or {@link io.gex.charts.GexReport} (PNGs
 * plus {@code index.html} in a directory). Every type here is immutable and thread-safe.
 *
 * <p>Units on every chart and in the report: gamma exposure in billions of dollars per 1% move of the
 * underlying ($bn per 1% move), signed by the analysis's {@link io.gex.settings.SignConvention}; levels and strikes
 * in index points.
 */
@NullMarked
package io.gex.charts;

import org.jspecify.annotations.NullMarked;
