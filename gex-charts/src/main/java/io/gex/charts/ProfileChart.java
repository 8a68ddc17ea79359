package io.gex.charts;

import io.gex.GexAnalysis;
import io.gex.analysis.GammaProfile;
import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The gamma profile chart: total GEX against hypothetical spot within a window that frames spot and the
 * flip, the all-expiries curve shaded green where positive and red where negative, and the profiles
 * excluding the next expiry and the next monthly drawn beside it as grey lines.
 */
final class ProfileChart {

  /** Space kept beyond the zero gamma when the window is widened to include it, as a fraction of spot. */
  static final double FLIP_MARGIN = 0.02;

  private ProfileChart() {}

  /**
   * The x range of the profile chart: spot ± {@code fraction} of spot, widened to include the zero gamma
   * with {@link #FLIP_MARGIN} of spot beyond it, and clipped to the profile's own range [{@code dataMin},
   * {@code dataMax}] when the profile has points (the flip and spot lie inside it).
   *
   * @return {lo, hi}
   */
  static double[] window(
      double spot, double fraction, OptionalDouble zeroGamma, double dataMin, double dataMax) {
    double lo = spot * (1 - fraction);
    double hi = spot * (1 + fraction);
    if (zeroGamma.isPresent()) {
      double z = zeroGamma.getAsDouble();
      lo = Math.min(lo, z - spot * FLIP_MARGIN);
      hi = Math.max(hi, z + spot * FLIP_MARGIN);
    }
    if (dataMax > dataMin) {
      lo = Math.max(lo, Math.min(dataMin, spot));
      hi = Math.min(hi, Math.max(dataMax, spot));
    }
    return new double[] {lo, hi};
  }

  static LevelChart.Rendered render(GexAnalysis analysis, GexCharts settings) {
    GammaProfile main = analysis.gammaProfile();
    double[] spots = main.spots().toArray();
    double[] range =
        window(
            analysis.spot(),
            settings.profileWindow(),
            main.zeroGamma(),
            spots.length == 0 ? 0 : spots[0],
            spots.length == 0 ? 0 : spots[spots.length - 1]);
    double[][] mainCurve = clip(main, range);

    List<GammaProfile> others = new ArrayList<>();
    for (GammaProfile p : analysis.profiles().all()) {
      if (p.scope() != GammaProfile.Scope.ALL_EXPIRIES && p.spots().size() > 1) {
        others.add(p);
      }
    }
    List<double[][]> otherCurves = new ArrayList<>();
    List<double[]> ys = new ArrayList<>();
    ys.add(mainCurve[1]);
    for (GammaProfile p : others) {
      double[][] c = clip(p, range);
      otherCurves.add(c);
      ys.add(c[1]);
    }
    double[] yRange = XyCharts.paddedRange(ys.toArray(new double[0][]));
    LevelChart.Frame frame = new LevelChart.Frame(range[0], range[1], yRange[0], yRange[1]);

    String xTitle = "Hypothetical spot";
    if (main.zeroGamma().isEmpty() && spots.length > 0) {
      xTitle +=
          "   (the profile does not cross zero between "
              + Formats.level(Math.round(spots[0]))
              + " and "
              + Formats.level(Math.round(spots[spots.length - 1]))
              + ")";
    }
    XYChart chart =
        XyCharts.xyChart(
            xTitle,
            "Total gamma exposure (" + Formats.GEX_UNIT + ")",
            settings.width(),
            settings.height());
    StrikeCharts.style(chart, frame);
    // Five to six entries: beside the plot (never over the curve) rather than in one row below it.
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideE);
    chart.getStyler().setLegendLayout(org.knowm.xchart.style.Styler.LegendLayout.Vertical);

    double[] x = mainCurve[0];
    double[] total = mainCurve[1];
    if (x.length > 1) {
      double[] positive = new double[total.length];
      double[] negative = new double[total.length];
      for (int i = 0; i < total.length; i++) {
        positive[i] = Math.max(total[i], 0);
        negative[i] = Math.min(total[i], 0);
      }
      XyCharts.area(chart, "Gamma > 0: hedging dampens moves", x, positive, Palette.POSITIVE);
      XyCharts.area(chart, "Gamma < 0: hedging amplifies moves", x, negative, Palette.NEGATIVE);
    }
    XyCharts.zeroLine(chart, frame.xMin(), frame.xMax());
    BasicStroke[] strokes = {
      new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {9f, 5f}, 0f),
      new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {2f, 4f}, 0f)
    };
    for (int i = 0; i < others.size(); i++) {
      GammaProfile p = others.get(i);
      if (otherCurves.get(i)[0].length > 1) {
        XyCharts.line(
            chart,
            scopeName(p),
            otherCurves.get(i)[0],
            otherCurves.get(i)[1],
            i == 0 ? Palette.PROFILE_EX_NEXT : Palette.PROFILE_EX_MONTHLY,
            strokes[Math.min(i, 1)]);
      }
    }
    if (x.length > 1) {
      XyCharts.line(chart, "All expiries", x, total, Palette.PROFILE, new BasicStroke(2.6f));
    }
    double[] crossings = inside(main.crossings().toArray(), range);
    if (crossings.length > 0) {
      XYSeries points =
          chart.addSeries(
              crossings.length <= 2
                  ? "Zero crossings " + joinLevels(crossings)
                  : crossings.length + " zero crossings, " + joinLevels(new double[] {crossings[0]})
                      + " to " + joinLevels(new double[] {crossings[crossings.length - 1]}),
              crossings,
              new double[crossings.length]);
      points.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
      points.setMarker(SeriesMarkers.DIAMOND);
      points.setMarkerColor(Palette.ZERO_GAMMA);
    }
    List<LevelChart.Level> levels =
        List.of(new LevelChart.Level("Spot", analysis.spot(), Palette.SPOT, Palette.DASHED));
    levels = LevelChart.Level.of(levels, "Zero gamma", main.zeroGamma(), Palette.ZERO_GAMMA, Palette.DASHED);
    return LevelChart.render(
        Formats.title("gamma profile", analysis), chart, frame, levels, settings.width(),
        settings.height());
  }

  /** The legend name of a scoped profile, with what it leaves out and its own flip. */
  static String scopeName(GammaProfile p) {
    String what =
        p.scope() == GammaProfile.Scope.EXCLUDING_NEXT_EXPIRY ? "Ex next expiry" : "Ex next monthly";
    String excluded = p.excludedExpiry().map(d -> " (" + d + ")").orElse("");
    String flip =
        p.zeroGamma().isPresent()
            ? ": flip " + Formats.level(Math.round(p.zeroGamma().getAsDouble() * 100) / 100.0)
            : ": no flip";
    return what + excluded + flip;
  }

  /** The points of a profile within the range, in $bn. */
  private static double[][] clip(GammaProfile p, double[] range) {
    int n = 0;
    for (int i = 0; i < p.spots().size(); i++) {
      double s = p.spots().get(i);
      n += s >= range[0] && s <= range[1] ? 1 : 0;
    }
    double[] x = new double[n];
    double[] y = new double[n];
    int j = 0;
    for (int i = 0; i < p.spots().size(); i++) {
      double s = p.spots().get(i);
      if (s >= range[0] && s <= range[1]) {
        x[j] = s;
        y[j++] = p.totalGex().get(i) / Formats.BILLION;
      }
    }
    return new double[][] {x, y};
  }

  private static double[] inside(double[] values, double[] range) {
    return java.util.Arrays.stream(values).filter(v -> v >= range[0] && v <= range[1]).toArray();
  }

  private static String joinLevels(double[] levels) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < levels.length; i++) {
      sb.append(i > 0 ? ", " : "").append(Formats.level(Math.round(levels[i] * 100) / 100.0));
    }
    return sb.toString();
  }
}
