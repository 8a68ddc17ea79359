package io.gex.charts;

import io.gex.analysis.DoubleArray;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The XChart building blocks shared by the XY charts: base style, bars, lines, areas and data helpers. */
final class XyCharts {

  private XyCharts() {}

  /** An XY chart without title (see {@link LevelChart}), its legend in rows below the plot. */
  static XYChart xyChart(String xTitle, String yTitle, int w, int h) {
    XYChart chart =
        new XYChartBuilder().width(w).height(h).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
    XYStyler styler = chart.getStyler();
    baseStyle(styler);
    styler.setChartTitleVisible(false);
    styler.setLegendPosition(Styler.LegendPosition.OutsideS);
    styler.setLegendLayout(Styler.LegendLayout.Horizontal);
    styler.setLegendSeriesLineLength(28);
    styler.setPlotContentSize(1.0);
    styler.setMarkerSize(9);
    styler.setXAxisDecimalPattern("#,##0");
    styler.setYAxisDecimalPattern("#,##0.0#");
    return chart;
  }

  static void baseStyle(AxesChartStyler styler) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderColor(new Color(180, 180, 180));
    styler.setPlotGridLinesColor(Palette.GRID);
    styler.setChartFontColor(Palette.TEXT);
    styler.setChartTitleFont(Palette.TITLE_FONT);
    styler.setChartTitleBoxVisible(false);
    styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    styler.setAxisTickLabelsFont(Palette.SMALL_FONT);
    styler.setAxisTickLabelsColor(Palette.TEXT);
    styler.setLegendFont(Palette.SMALL_FONT);
    styler.setLegendBackgroundColor(Color.WHITE);
    styler.setLegendBorderColor(Color.WHITE);
    styler.setChartPadding(10);
    styler.setAntiAlias(true);
  }

  /**
   * Bars from 0 to each value, drawn as one closed polygon per strike (NaN separates them); a value that
   * is NaN draws no bar.
   */
  static void bars(
      XYChart chart, String name, double[] strikes, double[] values, double half, Color color, int alpha) {
    int drawn = 0;
    for (double v : values) {
      drawn += Double.isFinite(v) && v != 0 ? 1 : 0;
    }
    if (drawn == 0) {
      return;
    }
    // Only the bars drawn, each closed by a NaN: XChart mishandles runs of NaN in a polygon series.
    double[] x = new double[drawn * 5];
    double[] y = new double[x.length];
    int j = 0;
    for (int i = 0; i < strikes.length; i++) {
      if (!(Double.isFinite(values[i]) && values[i] != 0)) {
        continue;
      }
      double k = strikes[i];
      x[j] = k - half;
      x[j + 1] = k - half;
      x[j + 2] = k + half;
      x[j + 3] = k + half;
      x[j + 4] = k + half;
      y[j] = 0;
      y[j + 1] = values[i];
      y[j + 2] = values[i];
      y[j + 3] = 0;
      y[j + 4] = Double.NaN;
      j += 5;
    }
    XYSeries series = chart.addSeries(name, x, y);
    series.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
    series.setMarker(SeriesMarkers.NONE);
    series.setFillColor(Palette.alpha(color, alpha));
    series.setLineColor(color);
    series.setLineStyle(new BasicStroke(0.6f));
  }

  /** Net values as bars coloured by sign: a green series for the positive ones, a red for the negative. */
  static void signedBars(
      XYChart chart, String name, double[] strikes, double[] values, double half) {
    double[] positive = new double[values.length];
    double[] negative = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      positive[i] = values[i] > 0 ? values[i] : Double.NaN;
      negative[i] = values[i] < 0 ? values[i] : Double.NaN;
    }
    bars(chart, name + " > 0", strikes, positive, half, Palette.POSITIVE, 235);
    bars(chart, name + " < 0", strikes, negative, half, Palette.NEGATIVE, 235);
  }

  static XYSeries line(
      XYChart chart, String name, double[] x, double[] y, Color color, BasicStroke stroke) {
    XYSeries series = chart.addSeries(name, x, y);
    series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
    series.setMarker(SeriesMarkers.NONE);
    series.setLineColor(color);
    series.setLineStyle(stroke);
    return series;
  }

  /** The area between a curve and zero, as one closed polygon (so its legend entry is a filled box). */
  static void area(XYChart chart, String name, double[] x, double[] y, Color color) {
    double[] px = new double[x.length + 2];
    double[] py = new double[y.length + 2];
    px[0] = x[0];
    px[px.length - 1] = x[x.length - 1];
    System.arraycopy(x, 0, px, 1, x.length);
    System.arraycopy(y, 0, py, 1, y.length);
    XYSeries series = chart.addSeries(name, px, py);
    series.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
    series.setMarker(SeriesMarkers.NONE);
    series.setFillColor(Palette.alpha(color, 80));
    series.setLineColor(Palette.alpha(color, 80));
    series.setLineStyle(new BasicStroke(0.5f));
  }

  /** A horizontal line at y = 0 across the x range, without legend entry. */
  static void zeroLine(XYChart chart, double xMin, double xMax) {
    XYSeries zero =
        line(chart, "Zero", new double[] {xMin, xMax}, new double[] {0, 0}, Palette.AXIS, new BasicStroke(1.2f));
    zero.setShowInLegend(false);
  }

  /** [from, to) of the strikes within ±{@code window} of spot, or all strikes if none is inside. */
  static int[] window(DoubleArray strikes, double spot, double window) {
    double lo = spot * (1 - window);
    double hi = spot * (1 + window);
    int from = 0;
    while (from < strikes.size() && strikes.get(from) < lo) {
      from++;
    }
    int to = from;
    while (to < strikes.size() && strikes.get(to) <= hi) {
      to++;
    }
    return from == to ? new int[] {0, strikes.size()} : new int[] {from, to};
  }

  static double[] slice(DoubleArray values, int[] range, double divisor) {
    double[] out = new double[range[1] - range[0]];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(range[0] + i) / divisor;
    }
    return out;
  }

  /**
   * 40% of the typical strike spacing (the lower quartile of the gaps, so a few odd strikes such as 2.5
   * points apart do not shrink every bar to a hairline), or 0.2% of spot for a single strike.
   */
  static double barHalfWidth(double[] strikes, double spot) {
    double[] gaps = new double[Math.max(0, strikes.length - 1)];
    for (int i = 1; i < strikes.length; i++) {
      gaps[i - 1] = strikes[i] - strikes[i - 1];
    }
    java.util.Arrays.sort(gaps);
    double gap = gaps.length == 0 ? 0 : gaps[gaps.length / 4];
    if (!(gap > 0) || Double.isInfinite(gap)) {
      gap = spot * 0.005;
    }
    return gap * 0.4;
  }

  /** [min, max] over the finite values of the series and zero, with 5% of the span added on each side. */
  static double[] paddedRange(double[]... series) {
    double min = 0;
    double max = 0;
    for (double[] s : series) {
      for (double v : s) {
        if (Double.isFinite(v)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    double span = max - min;
    if (span == 0) {
      span = 1;
      max = Math.max(max, 0.5);
      min = Math.min(min, -0.5);
    }
    return new double[] {min - span * 0.05, max + span * 0.05};
  }

  /** The smallest 1-2-2.5-5 × 10^k step at least {@code raw}. */
  static double niceStep(double raw) {
    if (!(raw > 0) || Double.isInfinite(raw)) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * magnitude >= raw * (1 - 1e-12)) {
        return m * magnitude;
      }
    }
    return 10 * magnitude;
  }
}
