package io.gex.charts;

import static io.gex.charts.XyCharts.barHalfWidth;
import static io.gex.charts.XyCharts.slice;

import io.gex.GexAnalysis;
import io.gex.analysis.DealerExposuresByStrike;
import io.gex.analysis.DoubleArray;
import io.gex.analysis.ExpiryPinRisk;
import io.gex.analysis.GexByStrike;
import io.gex.analysis.OpenInterestByStrike;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.knowm.xchart.XYChart;

/** The by-strike charts: GEX by strike, open interest by strike and the dealer-exposure panels. */
final class StrikeCharts {

  private StrikeCharts() {}

  /** The levels every by-strike chart marks: spot, zero gamma, call wall and put wall. */
  static List<LevelChart.Level> gexLevels(GexAnalysis analysis) {
    List<LevelChart.Level> levels =
        List.of(new LevelChart.Level("Spot", analysis.spot(), Palette.SPOT, Palette.DASHED));
    levels = LevelChart.Level.of(levels, "Zero gamma", analysis.zeroGamma(), Palette.ZERO_GAMMA, Palette.DASHED);
    levels = LevelChart.Level.of(levels, "Call wall", analysis.callWall(), Palette.CALL_WALL, Palette.DOTTED);
    return LevelChart.Level.of(levels, "Put wall", analysis.putWall(), Palette.PUT_WALL, Palette.DOTTED);
  }

  static LevelChart.Rendered gexByStrike(GexAnalysis analysis, GexCharts settings) {
    GexByStrike byStrike = analysis.exposures().byStrike();
    int[] range = XyCharts.window(byStrike.strikes(), analysis.spot(), settings.strikeWindow());
    double[] strikes = slice(byStrike.strikes(), range, 1);
    double[] calls = slice(byStrike.callGex(), range, Formats.BILLION);
    double[] puts = slice(byStrike.putGex(), range, Formats.BILLION);
    double[] net = slice(byStrike.netGex(), range, Formats.BILLION);

    XYChart chart =
        XyCharts.xyChart(
            "Strike", "Gamma exposure (" + Formats.GEX_UNIT + ")", settings.width(), settings.height());
    double half = barHalfWidth(strikes, analysis.spot());
    LevelChart.Frame frame = frame(strikes, half, analysis.spot(), XyCharts.paddedRange(calls, puts, net));
    style(chart, frame);
    XyCharts.bars(chart, "Call GEX", strikes, calls, half, Palette.CALL, 120);
    XyCharts.bars(chart, "Put GEX", strikes, puts, half, Palette.PUT, 120);
    // Net in front, narrower, coloured by its sign.
    XyCharts.signedBars(chart, "Net GEX", strikes, net, half * 0.5);
    XyCharts.zeroLine(chart, frame.xMin(), frame.xMax());
    return LevelChart.render(
        Formats.title("GEX by strike", analysis), chart, frame, gexLevels(analysis), settings.width(),
        settings.height());
  }

  static Optional<LevelChart.Rendered> openInterest(GexAnalysis analysis, GexCharts settings) {
    OpenInterestByStrike oi = analysis.pinRisk().openInterestByStrike();
    if (oi.size() == 0) {
      return Optional.empty();
    }
    int[] range = XyCharts.window(oi.strikes(), analysis.spot(), settings.strikeWindow());
    double[] strikes = slice(oi.strikes(), range, 1);
    double[] calls = slice(oi.callOpenInterest(), range, 1);
    double[] puts = slice(oi.putOpenInterest(), range, -1); // drawn downwards
    XYChart chart =
        XyCharts.xyChart(
            "Strike",
            "Open interest, contracts (calls up +, puts down \u2212)",
            settings.width(),
            settings.height());
    // Put counts keep their minus sign on the axis: XChart needs distinct tick labels (an absolute-value
    // formatter makes +100,000 and -100,000 equal and its tick search never ends).
    chart.getStyler().setYAxisDecimalPattern("#,##0");
    double half = barHalfWidth(strikes, analysis.spot());
    LevelChart.Frame frame = frame(strikes, half, analysis.spot(), XyCharts.paddedRange(calls, puts));
    style(chart, frame);
    XyCharts.bars(chart, "Call open interest", strikes, calls, half, Palette.CALL, 215);
    XyCharts.bars(chart, "Put open interest", strikes, puts, half, Palette.PUT, 215);
    XyCharts.zeroLine(chart, frame.xMin(), frame.xMax());

    Optional<ExpiryPinRisk> pin = analysis.pinRisk().headline();
    List<LevelChart.Level> levels =
        List.of(new LevelChart.Level("Spot", analysis.spot(), Palette.SPOT, Palette.DASHED));
    levels =
        LevelChart.Level.of(
            levels,
            "Max pain",
            pin.map(p -> OptionalDouble.of(p.maxPain())).orElse(OptionalDouble.empty()),
            Palette.MAX_PAIN,
            Palette.DASHED);
    levels = LevelChart.Level.of(levels, "Call wall", analysis.callWall(), Palette.CALL_WALL, Palette.DOTTED);
    levels = LevelChart.Level.of(levels, "Put wall", analysis.putWall(), Palette.PUT_WALL, Palette.DOTTED);
    String what =
        "open interest by strike, all expiries"
            + pin.map(p -> " (max pain: " + p.expiry() + " expiry)").orElse("");
    return Optional.of(
        LevelChart.render(
            Formats.title(what, analysis), chart, frame, levels, settings.width(), settings.height()));
  }

  static Optional<BufferedImage> dealerExposures(GexAnalysis analysis, GexCharts settings) {
    DealerExposuresByStrike byStrike = analysis.dealer().byStrike();
    if (byStrike.strikes().isEmpty()) {
      return Optional.empty();
    }
    int width = settings.width();
    int height = settings.height();
    int[] range = XyCharts.window(byStrike.strikes(), analysis.spot(), settings.strikeWindow());
    double[] strikes = slice(byStrike.strikes(), range, 1);
    int panel = height / 3;
    int[] heights = {panel, panel, height - 2 * panel};
    String[] titles = {
      Formats.title("dealer exposures by strike", analysis),
      "Dealer vanna exposure by strike",
      "Dealer charm exposure by strike"
    };
    String[] names = {"Delta", "Vanna", "Charm"};
    String[] units = {"Delta ($bn)", "Vanna ($bn per vol pt)", "Charm ($bn per day)"};
    DoubleArray[] columns = {byStrike.delta(), byStrike.vanna(), byStrike.charm()};
    double half = barHalfWidth(strikes, analysis.spot());

    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      int y = 0;
      for (int p = 0; p < 3; p++) {
        double[] values = slice(columns[p], range, Formats.BILLION);
        XYChart chart = XyCharts.xyChart(p == 2 ? "Strike" : "", units[p], width, heights[p]);
        LevelChart.Frame frame = frame(strikes, half, analysis.spot(), XyCharts.paddedRange(values));
        style(chart, frame);
        chart.getStyler().setLegendVisible(false); // the panel title and axis say what is drawn
        XyCharts.signedBars(chart, names[p], strikes, values, half);
        XyCharts.zeroLine(chart, frame.xMin(), frame.xMax());
        List<LevelChart.Level> spot =
            List.of(new LevelChart.Level("Spot", analysis.spot(), Palette.SPOT, Palette.DASHED));
        g.drawImage(
            LevelChart.render(titles[p], chart, frame, spot, width, heights[p]).image(), 0, y, null);
        y += heights[p];
      }
    } finally {
      g.dispose();
    }
    return Optional.of(image);
  }

  private static LevelChart.Frame frame(double[] strikes, double half, double spot, double[] yRange) {
    double xMin = strikes.length == 0 ? spot * 0.9 : strikes[0] - 2 * half;
    double xMax = strikes.length == 0 ? spot * 1.1 : strikes[strikes.length - 1] + 2 * half;
    return new LevelChart.Frame(xMin, xMax, yRange[0], yRange[1]);
  }

  static void style(XYChart chart, LevelChart.Frame frame) {
    chart.getStyler().setXAxisMin(frame.xMin()).setXAxisMax(frame.xMax());
    chart.getStyler().setYAxisMin(frame.yMin()).setYAxisMax(frame.yMax());
  }
}
