package io.gex.charts;

import io.gex.GexAnalysis;
import io.gex.analysis.DealerExposuresByStrike;
import io.gex.analysis.DoubleArray;
import io.gex.analysis.GammaProfile;
import io.gex.analysis.GexByStrike;
import io.gex.analysis.GexHeatmap;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import javax.imageio.ImageIO;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.HeatMapSeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the charts of a {@link GexAnalysis} with XChart: analysis in, {@link BufferedImage} or PNG out.
 *
 * <ul>
 *   <li>{@link #gexByStrike}: call and put GEX bars with the net line, for the strikes within {@link
 *       #strikeWindow()} of spot, with spot, call wall, put wall and zero gamma marked and labelled;
 *   <li>{@link #gammaProfile}: total GEX against hypothetical spot, the zero line, spot, the zero-gamma
 *       level and every zero crossing marked;
 *   <li>{@link #heatmap}: net GEX by expiry (rows, nearest on top) and strike (columns within the window),
 *       blue (negative) to white (zero) to red (positive), the scale symmetric around zero;
 *   <li>{@link #dealerExposures}: dealer delta, vanna and charm exposure by strike, three panels in one
 *       image, drawn only when the analysis has dealer exposures by strike.
 * </ul>
 *
 * <p>Every image is exactly {@link #width()} × {@link #height()} pixels. Exposures are shown in billions
 * of dollars per 1% move ($bn per 1% move), signed by the analysis's sign convention; the title names the
 * symbol, spot and valuation time (in the analysis's settlement zone).
 *
 * <p>Rendering uses Java2D off screen: run with {@code -Djava.awt.headless=true} on machines without a
 * display. This class is immutable and thread-safe; each call builds its own chart objects.
 */
public final class GexCharts {

  /** The default image width, pixels. */
  public static final int DEFAULT_WIDTH = 1200;
  /** The default image height, pixels. */
  public static final int DEFAULT_HEIGHT = 700;
  /** The default strike window: strikes within ±10% of spot. */
  public static final double DEFAULT_STRIKE_WINDOW = 0.10;
  /** The default number of expiries (rows) of the heatmap: the nearest 12. */
  public static final int DEFAULT_HEATMAP_EXPIRIES = 12;

  private static final GexCharts DEFAULTS = builder().build();

  static final Color CALL_COLOR = new Color(46, 125, 50);
  static final Color PUT_COLOR = new Color(198, 40, 40);
  static final Color NET_COLOR = new Color(26, 35, 126);
  static final Color SPOT_COLOR = new Color(33, 33, 33);
  static final Color ZERO_GAMMA_COLOR = new Color(239, 108, 0);
  static final Color CALL_WALL_COLOR = new Color(0, 137, 123);
  static final Color PUT_WALL_COLOR = new Color(173, 20, 87);
  private static final Color GRID_COLOR = new Color(225, 225, 225);
  private static final Color TEXT_COLOR = new Color(40, 40, 40);
  private static final BasicStroke DASHED =
      new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f);
  private static final BasicStroke DOTTED =
      new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 4f}, 0f);
  private static final BasicStroke SOLID = new BasicStroke(1.2f);

  private final int width;
  private final int height;
  private final double strikeWindow;
  private final int heatmapExpiries;

  private GexCharts(Builder b) {
    this.width = b.width;
    this.height = b.height;
    this.strikeWindow = b.strikeWindow;
    this.heatmapExpiries = b.heatmapExpiries;
  }

  /** Charts with the default size (1200 × 700), window (±10%) and heatmap depth (12 expiries). */
  public static GexCharts defaults() {
    return DEFAULTS;
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this instance's settings. */
  public Builder toBuilder() {
    return new Builder()
        .width(width)
        .height(height)
        .strikeWindow(strikeWindow)
        .heatmapExpiries(heatmapExpiries);
  }

  /** Image width, pixels. */
  public int width() {
    return width;
  }

  /** Image height, pixels. */
  public int height() {
    return height;
  }

  /** Half-width of the strike window as a fraction of spot: 0.10 shows strikes within ±10% of spot. */
  public double strikeWindow() {
    return strikeWindow;
  }

  /** The number of nearest expiries the heatmap shows as rows. */
  public int heatmapExpiries() {
    return heatmapExpiries;
  }

  // ---------------------------------------------------------------------------------------------------
  // Public drawing API

  /**
   * Draws one chart.
   *
   * @param kind which chart
   * @param analysis the analysis to draw
   * @return the image, or empty when there is nothing to draw (only {@link ChartKind#DEALER_EXPOSURES}
   *     without dealer exposures by strike)
   */
  public Optional<BufferedImage> render(ChartKind kind, GexAnalysis analysis) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(analysis, "analysis");
    return switch (kind) {
      case GEX_BY_STRIKE -> Optional.of(gexByStrike(analysis));
      case GAMMA_PROFILE -> Optional.of(gammaProfile(analysis));
      case HEATMAP -> Optional.of(heatmap(analysis));
      case DEALER_EXPOSURES -> dealerExposures(analysis);
    };
  }

  /**
   * Draws call and put GEX by strike as bars, with the net GEX line, for the strikes within {@link
   * #strikeWindow()} of spot (all strikes if none is inside). Spot, the call wall, the put wall and the
   * zero-gamma level are drawn as vertical lines, labelled on the chart and named with their value in the
   * legend (a level outside the window is named only in the legend).
   *
   * @param analysis the analysis to draw
   * @return a {@link #width()} × {@link #height()} image
   */
  public BufferedImage gexByStrike(GexAnalysis analysis) {
    Objects.requireNonNull(analysis, "analysis");
    GexByStrike byStrike = analysis.byStrike();
    int[] range = window(byStrike.strikes(), analysis.spot());
    double[] strikes = slice(byStrike.strikes(), range, 1);
    double[] calls = slice(byStrike.callGex(), range, Formats.BILLION);
    double[] puts = slice(byStrike.putGex(), range, Formats.BILLION);
    double[] net = slice(byStrike.netGex(), range, Formats.BILLION);

    XYChart chart =
        xyChart(
            Formats.title("GEX by strike", analysis),
            "Strike",
            "Gamma exposure (" + Formats.GEX_UNIT + ")",
            width,
            height);
    double half = barHalfWidth(strikes, analysis.spot());
    double xMin = strikes.length == 0 ? analysis.spot() * 0.9 : strikes[0] - 2 * half;
    double xMax = strikes.length == 0 ? analysis.spot() * 1.1 : strikes[strikes.length - 1] + 2 * half;
    double[] yRange = paddedRange(0.16, calls, puts, net);
    XYStyler styler = chart.getStyler();
    styler.setXAxisMin(xMin).setXAxisMax(xMax);
    styler.setYAxisMin(yRange[0]).setYAxisMax(yRange[1]);

    bars(chart, "Call GEX", strikes, calls, half, CALL_COLOR);
    bars(chart, "Put GEX", strikes, puts, half, PUT_COLOR);
    line(chart, "Net GEX", strikes, net, NET_COLOR, new BasicStroke(2.2f));

    Markers markers = new Markers(chart, xMin, xMax, yRange[0], yRange[1]);
    markers.vertical("Spot", OptionalDouble.of(analysis.spot()), SPOT_COLOR, DASHED);
    markers.vertical("Zero gamma", analysis.zeroGamma(), ZERO_GAMMA_COLOR, DASHED);
    markers.vertical("Call wall", analysis.callWall(), CALL_WALL_COLOR, DOTTED);
    markers.vertical("Put wall", analysis.putWall(), PUT_WALL_COLOR, DOTTED);
    markers.labelTops();
    return BitmapEncoder.getBufferedImage(chart);
  }

  /**
   * Draws the all-expiries gamma profile: total GEX against hypothetical spot, shaded green where positive
   * and red where negative, with the zero line, spot, the zero-gamma level and every zero crossing marked.
   *
   * @param analysis the analysis to draw
   * @return a {@link #width()} × {@link #height()} image
   */
  public BufferedImage gammaProfile(GexAnalysis analysis) {
    Objects.requireNonNull(analysis, "analysis");
    GammaProfile profile = analysis.gammaProfile();
    double[] spots = profile.spots().toArray();
    double[] total = scaled(profile.totalGex(), Formats.BILLION);
    XYChart chart =
        xyChart(
            Formats.title("gamma profile", analysis),
            "Hypothetical spot",
            "Total gamma exposure (" + Formats.GEX_UNIT + ")",
            width,
            height);
    double xMin = spots.length == 0 ? analysis.spot() * 0.8 : spots[0];
    double xMax = spots.length == 0 ? analysis.spot() * 1.2 : spots[spots.length - 1];
    double[] yRange = paddedRange(0.16, total);
    XYStyler styler = chart.getStyler();
    styler.setXAxisMin(xMin).setXAxisMax(xMax);
    styler.setYAxisMin(yRange[0]).setYAxisMax(yRange[1]);

    if (spots.length > 0) {
      double[] positive = new double[total.length];
      double[] negative = new double[total.length];
      for (int i = 0; i < total.length; i++) {
        positive[i] = Math.max(total[i], 0);
        negative[i] = Math.min(total[i], 0);
      }
      area(chart, "Positive gamma (dealers dampen moves)", spots, positive, CALL_COLOR);
      area(chart, "Negative gamma (dealers amplify moves)", spots, negative, PUT_COLOR);
      line(chart, "Total GEX", spots, total, NET_COLOR, new BasicStroke(2.5f));
    }
    XYSeries zero =
        line(
            chart,
            "Zero",
            new double[] {xMin, xMax},
            new double[] {0, 0},
            new Color(120, 120, 120),
            SOLID);
    zero.setShowInLegend(false);

    Markers markers = new Markers(chart, xMin, xMax, yRange[0], yRange[1]);
    markers.vertical("Spot", OptionalDouble.of(analysis.spot()), SPOT_COLOR, DASHED);
    markers.vertical("Zero gamma", profile.zeroGamma(), ZERO_GAMMA_COLOR, DASHED);
    markers.labelTops();

    double[] crossings = profile.crossings().toArray();
    if (crossings.length > 0) {
      XYSeries points =
          chart.addSeries(
              "Zero crossings: " + joinLevels(crossings), crossings, new double[crossings.length]);
      points.setXYSeriesRenderStyle(XYSeriesRenderStyle.Scatter);
      points.setMarker(SeriesMarkers.DIAMOND);
      points.setMarkerColor(ZERO_GAMMA_COLOR);
      double labelY = (yRange[1] - yRange[0]) * 0.04;
      double unitsPerPixel = (xMax - xMin) / Math.max(100, width - 130);
      for (double c : crossings) {
        // Below the zero line, starting just right of the crossing (AnnotationText centres on x).
        String text = Formats.level(round2(c));
        double half = (text.length() * 7.5 + 12) * unitsPerPixel / 2;
        chart.addAnnotation(new AnnotationText(text, c + half, -labelY, false));
      }
    }
    return BitmapEncoder.getBufferedImage(chart);
  }

  /**
   * Draws net GEX by expiry and strike as a heatmap: rows are the nearest {@link #heatmapExpiries()}
   * expiries (nearest on top, labelled with the date and days to expiry), columns the strikes within
   * {@link #strikeWindow()} of spot. Colours diverge from white at zero to red (positive) and blue
   * (negative) on a scale symmetric around zero (± the largest absolute cell shown), in $bn per 1% move.
   *
   * @param analysis the analysis to draw
   * @return a {@link #width()} × {@link #height()} image
   */
  public BufferedImage heatmap(GexAnalysis analysis) {
    Objects.requireNonNull(analysis, "analysis");
    GexHeatmap map = analysis.heatmap();
    int[] columns = window(map.strikes(), analysis.spot());
    int rows = Math.min(heatmapExpiries, map.expiries().size());
    int cols = columns[1] - columns[0];
    double[] strikes = slice(map.strikes(), columns, 1);
    LocalDate valuationDate =
        analysis.valuationTime().atZone(analysis.settings().settlementZone()).toLocalDate();

    List<String> xLabels = strikeLabels(strikes, Math.max(4, (width - 320) / 80));
    List<String> yLabels = new ArrayList<>(rows);
    // Row 0 is drawn at the bottom: list the farthest expiry first so the nearest is on top.
    for (int r = rows - 1; r >= 0; r--) {
      LocalDate expiry = map.expiries().get(r);
      yLabels.add(expiry + " (" + ChronoUnit.DAYS.between(valuationDate, expiry) + "d)");
    }
    List<Number[]> cells = new ArrayList<>(rows * cols);
    double maxAbs = 0;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        double value = map.value(r, columns[0] + c) / Formats.BILLION;
        maxAbs = Math.max(maxAbs, Math.abs(value));
        cells.add(new Number[] {c, rows - 1 - r, value});
      }
    }
    // The legend prints the scale ends as they are: round them up to two significant digits.
    maxAbs =
        maxAbs == 0
            ? 1 // an all-zero map still needs a non-empty colour scale
            : new BigDecimal(maxAbs).round(new MathContext(2, RoundingMode.UP)).doubleValue();

    HeatMapChart chart =
        new HeatMapChartBuilder()
            .width(width)
            .height(height)
            .title(Formats.title("net GEX by expiry and strike", analysis))
            .xAxisTitle("Strike    (colour: net GEX, " + Formats.GEX_UNIT + ", red > 0 > blue)")
            .yAxisTitle("Expiry (days to expiry)")
            .build();
    HeatMapStyler styler = chart.getStyler();
    baseStyle(styler);
    styler.setLegendPosition(Styler.LegendPosition.OutsideE);
    styler.setPlotContentSize(1.0);
    styler.setDrawBorder(false);
    styler.setShowValue(false);
    styler.setPiecewise(false);
    styler.setHeatMapValueDecimalPattern("0.00");
    styler.setGradientColorColumnHeight(Math.max(60, height / 2));
    styler.setRangeColors(
        new Color[] {
          new Color(5, 48, 97),
          new Color(67, 147, 195),
          new Color(209, 229, 240),
          Color.WHITE,
          new Color(253, 219, 199),
          new Color(214, 96, 77),
          new Color(103, 0, 31)
        });
    if (cols == 0 || rows == 0) {
      // Nothing inside the window: one neutral cell keeps the chart drawable.
      xLabels = List.of(Formats.level(analysis.spot()));
      yLabels = List.of("no expiry");
      cells = new ArrayList<>();
      cells.add(new Number[] {0, 0, 0.0});
    }
    HeatMapSeries series =
        chart.addSeries("Net GEX, " + Formats.GEX_UNIT, xLabels, yLabels, cells);
    series.setMin(-maxAbs);
    series.setMax(maxAbs);
    return BitmapEncoder.getBufferedImage(chart);
  }

  /**
   * Draws dealer delta, vanna and charm exposure by strike (strikes within {@link #strikeWindow()} of
   * spot) as three stacked panels of one image: delta in $bn, vanna in $bn of delta per vol point, charm
   * in $bn of delta per day, each with spot marked.
   *
   * @param analysis the analysis to draw
   * @return the image, or empty when the analysis has no dealer exposures by strike
   */
  public Optional<BufferedImage> dealerExposures(GexAnalysis analysis) {
    Objects.requireNonNull(analysis, "analysis");
    DealerExposuresByStrike byStrike = analysis.dealer().byStrike();
    if (byStrike.strikes().isEmpty()) {
      return Optional.empty();
    }
    int[] range = window(byStrike.strikes(), analysis.spot());
    double[] strikes = slice(byStrike.strikes(), range, 1);
    int panel = height / 3;
    int[] heights = {panel, panel, height - 2 * panel};
    String[] titles = {
      Formats.title("dealer exposures by strike", analysis), "Vanna exposure", "Charm exposure"
    };
    String[] names = {"Delta exposure", "Vanna exposure", "Charm exposure"};
    String[] units = {"Delta ($bn)", "Vanna ($bn per vol pt)", "Charm ($bn per day)"};
    DoubleArray[] columns = {byStrike.delta(), byStrike.vanna(), byStrike.charm()};
    Color[] colors = {NET_COLOR, new Color(106, 27, 154), new Color(0, 131, 143)};
    double half = barHalfWidth(strikes, analysis.spot());
    double xMin = strikes[0] - 2 * half;
    double xMax = strikes[strikes.length - 1] + 2 * half;

    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      int y = 0;
      for (int p = 0; p < 3; p++) {
        double[] values = slice(columns[p], range, Formats.BILLION);
        XYChart chart = xyChart(titles[p], p == 2 ? "Strike" : "", units[p], width, heights[p]);
        double[] yRange = paddedRange(0.22, values);
        chart.getStyler().setXAxisMin(xMin).setXAxisMax(xMax);
        chart.getStyler().setYAxisMin(yRange[0]).setYAxisMax(yRange[1]);
        chart.getStyler().setLegendVisible(false); // the panel title and axis say what is drawn
        bars(chart, names[p], strikes, values, half, colors[p]);
        Markers markers = new Markers(chart, xMin, xMax, yRange[0], yRange[1]);
        markers.vertical("Spot", OptionalDouble.of(analysis.spot()), SPOT_COLOR, DASHED);
        markers.labelTops();
        g.drawImage(BitmapEncoder.getBufferedImage(chart), 0, y, null);
        y += heights[p];
      }
    } finally {
      g.dispose();
    }
    return Optional.of(image);
  }

  /**
   * Draws one chart and writes it as PNG to a stream (left open).
   *
   * @param kind which chart
   * @param analysis the analysis to draw
   * @param out where to write the PNG bytes
   * @return whether a chart was written (false only for {@link ChartKind#DEALER_EXPOSURES} without
   *     data)
   * @throws GexChartException if writing fails
   */
  public boolean writePng(ChartKind kind, GexAnalysis analysis, OutputStream out) {
    Objects.requireNonNull(out, "out");
    Optional<BufferedImage> image = render(kind, analysis);
    image.ifPresent(i -> writePng(i, out));
    return image.isPresent();
  }

  /**
   * Draws one chart and writes it as a PNG file, creating parent directories and replacing an existing
   * file.
   *
   * @param kind which chart
   * @param analysis the analysis to draw
   * @param file the PNG file to write
   * @return the file, or empty when there was nothing to draw (then nothing is written)
   * @throws GexChartException if writing fails
   */
  public Optional<Path> writePng(ChartKind kind, GexAnalysis analysis, Path file) {
    Objects.requireNonNull(file, "file");
    Optional<BufferedImage> image = render(kind, analysis);
    if (image.isEmpty()) {
      return Optional.empty();
    }
    writePng(image.get(), file);
    return Optional.of(file);
  }

  /**
   * Writes an image as PNG to a stream (left open).
   *
   * @param image the image
   * @param out where to write the PNG bytes
   * @throws GexChartException if the encoder fails
   */
  public static void writePng(BufferedImage image, OutputStream out) {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(out, "out");
    try {
      if (!ImageIO.write(image, "png", out)) {
        throw new GexChartException("no PNG encoder is available in this JDK");
      }
    } catch (IOException e) {
      throw new GexChartException("could not write PNG: " + e.getMessage(), e);
    }
  }

  /**
   * Writes an image as a PNG file, creating parent directories and replacing an existing file.
   *
   * @param image the image
   * @param file the PNG file
   * @throws GexChartException if the directory or file cannot be written
   */
  public static void writePng(BufferedImage image, Path file) {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(file, "file");
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (OutputStream out = Files.newOutputStream(file)) {
        writePng(image, out);
      }
    } catch (IOException e) {
      throw new GexChartException("could not write PNG " + file + ": " + e.getMessage(), e);
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // Chart building blocks

  private static XYChart xyChart(String title, String xTitle, String yTitle, int w, int h) {
    XYChart chart =
        new XYChartBuilder()
            .width(w)
            .height(h)
            .title(title)
            .xAxisTitle(xTitle)
            .yAxisTitle(yTitle)
            .build();
    XYStyler styler = chart.getStyler();
    baseStyle(styler);
    styler.setLegendPosition(Styler.LegendPosition.InsideNW);
    styler.setPlotContentSize(1.0);
    styler.setMarkerSize(9);
    styler.setXAxisDecimalPattern("#,##0");
    styler.setYAxisDecimalPattern("#,##0.0#");
    styler.setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
    styler.setAnnotationTextFontColor(TEXT_COLOR);
    return chart;
  }

  private static void baseStyle(org.knowm.xchart.style.AxesChartStyler styler) {
    styler.setChartBackgroundColor(Color.WHITE);
    styler.setPlotBackgroundColor(Color.WHITE);
    styler.setPlotBorderColor(new Color(180, 180, 180));
    styler.setPlotGridLinesColor(GRID_COLOR);
    styler.setChartFontColor(TEXT_COLOR);
    styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
    styler.setChartTitleBoxVisible(false);
    styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    styler.setAxisTickLabelsColor(TEXT_COLOR);
    styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    styler.setLegendBackgroundColor(new Color(255, 255, 255, 225));
    styler.setLegendBorderColor(new Color(200, 200, 200));
    styler.setChartPadding(12);
    styler.setAntiAlias(true);
  }

  /** Bars from 0 to each value, drawn as one closed polygon per strike (NaN separates them). */
  private static void bars(
      XYChart chart, String name, double[] strikes, double[] values, double half, Color color) {
    if (strikes.length == 0) {
      return;
    }
    double[] x = new double[strikes.length * 5];
    double[] y = new double[strikes.length * 5];
    for (int i = 0; i < strikes.length; i++) {
      double k = strikes[i];
      int j = i * 5;
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
    }
    XYSeries series = chart.addSeries(name, x, y);
    series.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
    series.setMarker(SeriesMarkers.NONE);
    series.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 205));
    series.setLineColor(color);
    series.setLineStyle(new BasicStroke(0.6f));
  }

  private static XYSeries line(
      XYChart chart, String name, double[] x, double[] y, Color color, BasicStroke stroke) {
    XYSeries series = chart.addSeries(name, x, y);
    series.setXYSeriesRenderStyle(XYSeriesRenderStyle.Line);
    series.setMarker(SeriesMarkers.NONE);
    series.setLineColor(color);
    series.setLineStyle(stroke);
    return series;
  }

  /** The area between a curve and zero, as one closed polygon (so its legend entry is a filled box). */
  private static void area(XYChart chart, String name, double[] x, double[] y, Color color) {
    double[] px = new double[x.length + 2];
    double[] py = new double[y.length + 2];
    px[0] = x[0];
    px[px.length - 1] = x[x.length - 1];
    System.arraycopy(x, 0, px, 1, x.length);
    System.arraycopy(y, 0, py, 1, y.length);
    XYSeries series = chart.addSeries(name, px, py);
    series.setXYSeriesRenderStyle(XYSeriesRenderStyle.PolygonArea);
    series.setMarker(SeriesMarkers.NONE);
    series.setFillColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 70));
    series.setLineColor(new Color(color.getRed(), color.getGreen(), color.getBlue(), 70));
    series.setLineStyle(new BasicStroke(0.5f));
  }

  /** A drawn vertical marker: its short name and level. */
  private record Marker(String name, double x) {}

  /**
   * Vertical marker lines (one series each, so each has its own colour and a legend entry with its
   * value) and their names written above the plot data, staggered so close markers stay readable.
   */
  private static final class Markers {
    private final XYChart chart;
    private final double xMin;
    private final double xMax;
    private final double yMin;
    private final double yMax;
    private final List<Marker> drawn = new ArrayList<>();

    Markers(XYChart chart, double xMin, double xMax, double yMin, double yMax) {
      this.chart = chart;
      this.xMin = xMin;
      this.xMax = xMax;
      this.yMin = yMin;
      this.yMax = yMax;
    }

    void vertical(String name, OptionalDouble level, Color color, BasicStroke stroke) {
      if (level.isEmpty()) {
        return;
      }
      double x = level.getAsDouble();
      boolean inside = x >= xMin && x <= xMax;
      String label = name + " " + Formats.level(round2(x)) + (inside ? "" : " (off chart)");
      XYSeries series =
          line(
              chart,
              label,
              new double[] {inside ? x : xMin, inside ? x : xMin},
              new double[] {inside ? yMin : Double.NaN, inside ? yMax : Double.NaN},
              color,
              stroke);
      series.setShowInLegend(true);
      if (inside) {
        drawn.add(new Marker(name, x));
      }
    }

    /** Names the drawn lines near the top of the plot, right of each line; close lines step down. */
    void labelTops() {
      List<Marker> sorted = new ArrayList<>(drawn);
      sorted.sort(Comparator.comparingDouble(Marker::x));
      double unitsPerPixel = (xMax - xMin) / Math.max(100, chart.getWidth() - 130);
      double previousEnd = Double.NEGATIVE_INFINITY;
      int level = 0;
      for (Marker m : sorted) {
        // A label starts just right of its line; one that would run into the previous label steps down.
        double textWidth = (m.name().length() * 7.5 + 10) * unitsPerPixel;
        level = m.x() < previousEnd ? level + 1 : 0;
        previousEnd = m.x() + textWidth;
        double y = yMax - (yMax - yMin) * (0.035 + 0.045 * level);
        // AnnotationText centres on x; near the right edge the label goes left of its line instead.
        double centre = m.x() + textWidth > xMax ? m.x() - textWidth / 2 : m.x() + textWidth / 2;
        chart.addAnnotation(new AnnotationText(m.name(), centre, y, false));
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // Data helpers

  /** [from, to) of the strikes within the window around spot, or all strikes if none is inside. */
  int[] window(DoubleArray strikes, double spot) {
    double lo = spot * (1 - strikeWindow);
    double hi = spot * (1 + strikeWindow);
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

  private static double[] slice(DoubleArray values, int[] range, double divisor) {
    double[] out = new double[range[1] - range[0]];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(range[0] + i) / divisor;
    }
    return out;
  }

  private static double[] scaled(DoubleArray values, double divisor) {
    double[] out = values.toArray();
    for (int i = 0; i < out.length; i++) {
      out[i] /= divisor;
    }
    return out;
  }

  /** 40% of the smallest strike spacing (so bars never touch), or 0.2% of spot for a single strike. */
  private static double barHalfWidth(double[] strikes, double spot) {
    double gap = Double.POSITIVE_INFINITY;
    for (int i = 1; i < strikes.length; i++) {
      gap = Math.min(gap, strikes[i] - strikes[i - 1]);
    }
    if (!(gap > 0) || Double.isInfinite(gap)) {
      gap = spot * 0.005;
    }
    return gap * 0.4;
  }

  /** [min, max] over the series and zero, with {@code topPad} of the span added on top for labels. */
  private static double[] paddedRange(double topPad, double[]... series) {
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
    return new double[] {min - span * 0.05, max + span * topPad};
  }

  /**
   * Column labels: every strike is a column, but only "round" strikes (multiples of a 1-2-2.5-5 step
   * giving at most about {@code maxLabels} labels) are written; the others are a blank.
   */
  private static List<String> strikeLabels(double[] strikes, int maxLabels) {
    List<String> labels = new ArrayList<>(strikes.length);
    if (strikes.length == 0) {
      return labels;
    }
    double span = strikes[strikes.length - 1] - strikes[0];
    double step = niceStep(span / maxLabels);
    for (double k : strikes) {
      double q = k / step;
      labels.add(Math.abs(q - Math.rint(q)) < 1e-9 ? Formats.level(k) : " ");
    }
    return labels;
  }

  private static double niceStep(double raw) {
    if (!(raw > 0)) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * magnitude >= raw) {
        return m * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String joinLevels(double[] levels) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < levels.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(Formats.level(round2(levels[i])));
    }
    return sb.toString();
  }

  private static double round2(double v) {
    return Math.round(v * 100) / 100.0;
  }

  // ---------------------------------------------------------------------------------------------------

  /**
   * Builds {@link GexCharts}. Not thread-safe; the built instance is.
   */
  public static final class Builder {
    private int width = DEFAULT_WIDTH;
    private int height = DEFAULT_HEIGHT;
    private double strikeWindow = DEFAULT_STRIKE_WINDOW;
    private int heatmapExpiries = DEFAULT_HEATMAP_EXPIRIES;

    private Builder() {}

    /**
     * The image width.
     *
     * @param value pixels, in [200, 10000]
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder width(int value) {
      if (value < 200 || value > 10_000) {
        throw new IllegalArgumentException("width must be in [200, 10000] pixels, was " + value);
      }
      width = value;
      return this;
    }

    /**
     * The image height (the dealer-exposure image splits it into three panels).
     *
     * @param value pixels, in [150, 10000]
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder height(int value) {
      if (value < 150 || value > 10_000) {
        throw new IllegalArgumentException("height must be in [150, 10000] pixels, was " + value);
      }
      height = value;
      return this;
    }

    /**
     * The strike window of the by-strike charts and the heatmap columns, as a fraction of spot.
     *
     * @param value half-width, in (0, 1]: 0.10 shows strikes within ±10% of spot
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder strikeWindow(double value) {
      if (!(value > 0 && value <= 1)) {
        throw new IllegalArgumentException("strikeWindow must be in (0, 1], was " + value);
      }
      strikeWindow = value;
      return this;
    }

    /**
     * How many of the nearest expiries the heatmap shows.
     *
     * @param value rows, in [1, 200]
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder heatmapExpiries(int value) {
      if (value < 1 || value > 200) {
        throw new IllegalArgumentException("heatmapExpiries must be in [1, 200], was " + value);
      }
      heatmapExpiries = value;
      return this;
    }

    /** The charts with these settings. */
    public GexCharts build() {
      return new GexCharts(this);
    }
  }
}
