package io.gex.charts;

import io.gex.GexAnalysis;
import io.gex.analysis.DoubleArray;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * Draws the charts of a {@link GexAnalysis} with XChart and Java2D: analysis in, {@link BufferedImage} or
 * PNG out.
 *
 * <ul>
 *   <li>{@link #gexByStrike}: call (blue) and put (orange) GEX bars with the net GEX in front (green when
 *       positive, red when negative), for the strikes within {@link #strikeWindow()} of spot;
 *   <li>{@link #gammaProfile}: total GEX against hypothetical spot within {@link #profileWindow()} of spot
 *       (widened to include the zero gamma), shaded green where positive and red where negative, with the
 *       profiles excluding the next expiry and the next monthly drawn beside it;
 *   <li>{@link #openInterest}: call (blue, up) and put (orange, down) open interest by strike over all
 *       expiries, with spot, max pain and the walls;
 *   <li>{@link #heatmap} and {@link #heatmapPages}: net GEX by expiry (rows) and strike bin (columns),
 *       green positive and red negative, the colour scaled per row, spot and zero gamma as lines; every
 *       expiry is on one of the pages ({@link #heatmapExpiries()} rows a page, the largest gross GEX
 *       first);
 *   <li>{@link #dealerExposures}: dealer delta, vanna and charm exposure by strike, three panels, bars
 *       green when positive and red when negative.
 * </ul>
 *
 * <p>One colour vocabulary holds on every chart: green positive, red negative; calls blue, puts orange;
 * spot black, zero gamma purple, call wall dark blue, put wall dark orange, max pain brown. Levels (spot,
 * zero gamma, walls, max pain) are vertical lines drawn over the bars, named with their value in a strip
 * above the plot where labels never overlap; legends sit below the plot, never over the data.
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
  /** The default profile window: hypothetical spots within ±15% of spot (widened to the zero gamma). */
  public static final double DEFAULT_PROFILE_WINDOW = 0.15;
  /** The default number of expiries (rows) of one heatmap page: 12. */
  public static final int DEFAULT_HEATMAP_EXPIRIES = 12;

  private static final GexCharts DEFAULTS = builder().build();

  private final int width;
  private final int height;
  private final double strikeWindow;
  private final double profileWindow;
  private final int heatmapExpiries;

  private GexCharts(Builder b) {
    this.width = b.width;
    this.height = b.height;
    this.strikeWindow = b.strikeWindow;
    this.profileWindow = b.profileWindow;
    this.heatmapExpiries = b.heatmapExpiries;
  }

  /**
   * Charts with the default size (1200 × 700), strike window (±10%), profile window (±15%) and heatmap
   * page (12 expiries).
   */
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
        .profileWindow(profileWindow)
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

  /**
   * Half-width of the strike window of the by-strike charts and the heatmap, as a fraction of spot: 0.10
   * shows strikes within ±10% of spot.
   */
  public double strikeWindow() {
    return strikeWindow;
  }

  /**
   * Half-width of the gamma profile's window, as a fraction of spot: 0.15 shows hypothetical spots within
   * ±15% of spot, widened when needed so the zero gamma (plus 2% of spot) is inside.
   */
  public double profileWindow() {
    return profileWindow;
  }

  /** The number of expiries (rows) of one heatmap page. */
  public int heatmapExpiries() {
    return heatmapExpiries;
  }

  // ---------------------------------------------------------------------------------------------------
  // Public drawing API

  /**
   * Draws one chart (for {@link ChartKind#HEATMAP}, its first page).
   *
   * @param kind which chart
   * @param analysis the analysis to draw
   * @return the image, or empty when there is nothing to draw ({@link ChartKind#DEALER_EXPOSURES} without
   *     dealer exposures by strike, {@link ChartKind#OPEN_INTEREST} without open interest by strike)
   */
  public Optional<BufferedImage> render(ChartKind kind, GexAnalysis analysis) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(analysis, "analysis");
    return switch (kind) {
      case GEX_BY_STRIKE -> Optional.of(gexByStrike(analysis));
      case GAMMA_PROFILE -> Optional.of(gammaProfile(analysis));
      case OPEN_INTEREST -> openInterest(analysis);
      case HEATMAP -> Optional.of(heatmap(analysis));
      case DEALER_EXPOSURES -> dealerExposures(analysis);
    };
  }

  /**
   * Every page of one chart: the heatmap's pages, or the one image of any other chart (none when there is
   * nothing to draw).
   *
   * @param kind which chart
   * @param analysis the analysis to draw
   * @return the images, in page order
   */
  public List<BufferedImage> renderPages(ChartKind kind, GexAnalysis analysis) {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(analysis, "analysis");
    return kind == ChartKind.HEATMAP
        ? heatmapPages(analysis)
        : render(kind, analysis).map(List::of).orElse(List.of());
  }

  /**
   * Draws call GEX (blue) and put GEX (orange) by strike as bars, with net GEX as narrower bars in front
   * (green when positive, red when negative), for the strikes within {@link #strikeWindow()} of spot (all
   * strikes if none is inside). Spot, zero gamma, the call wall and the put wall are vertical lines over
   * the bars, named with their values above the plot (a level outside the window is named at the edge).
   *
   * @param analysis the analysis to draw
   * @return a {@link #width()} × {@link #height()} image
   */
  public BufferedImage gexByStrike(GexAnalysis analysis) {
    Objects.requireNonNull(analysis, "analysis");
    return StrikeCharts.gexByStrike(analysis, this).image();
  }

  /**
   * Draws the gamma profile: total GEX against hypothetical spot within {@link #profileWindow()} of spot
   * (widened to include the zero gamma), the all-expiries curve shaded green where positive and red where
   * negative, the profiles excluding the next expiry and excluding the next monthly as grey dashed and
   * dotted lines (named in the legend with their own flip), the zero crossings as diamonds, and spot and
   * zero gamma as labelled lines.
   *
   * @param analysis the analysis to draw
   * @return a {@link #width()} × {@link #height()} image
   */
  public BufferedImage gammaProfile(GexAnalysis analysis) {
    Objects.requireNonNull(analysis, "analysis");
    return ProfileChart.render(analysis, this).image();
  }

  /**
   * Draws open interest by strike over all expiries ({@code analysis.pinRisk().openInterestByStrike()}):
   * calls as blue bars upwards, puts as orange bars downwards, for the strikes within {@link
   * #strikeWindow()} of spot, with spot, the nearest expiry's max pain and the walls marked.
   *
   * @param analysis the analysis to draw
   * @return the image, or empty when the analysis has no open interest by strike
   */
  public Optional<BufferedImage> openInterest(GexAnalysis analysis) {
    Objects.requireNonNull(analysis, "analysis");
    return StrikeCharts.openInterest(analysis, this).map(LevelChart.Rendered::image);
  }

  /**
   * Draws the first page of the heatmap: the {@link #heatmapExpiries()} expiries with the largest gross
   * GEX (all expiries when they fit), in date order. See {@link #heatmapPages}.
   *
   * @param analysis the analysis to draw
   * @return a {@link #width()} × {@link #height()} image
   */
  public BufferedImage heatmap(GexAnalysis analysis) {
    Objects.requireNonNull(analysis, "analysis");
    return heatmapPages(analysis).get(0);
  }

  /**
   * Draws net GEX by expiry and strike as heatmap pages: rows are expiries (labelled with the date and
   * days to expiry), columns strike bins of a round width within {@link #strikeWindow()} of spot. Each
   * row's colour is scaled to its own largest |net GEX| (printed at the row's end, $bn per 1% move): full
   * green at +max, white at 0, full red at -max. Spot and zero gamma are vertical lines across the rows.
   * Page 1 holds the {@link #heatmapExpiries()} expiries with the largest gross GEX (|calls| + |puts|), in
   * date order; the remaining expiries follow in date order, {@link #heatmapExpiries()} a page, so every
   * expiry is on exactly one page.
   *
   * @param analysis the analysis to draw
   * @return at least one {@link #width()} × {@link #height()} image
   */
  public List<BufferedImage> heatmapPages(GexAnalysis analysis) {
    Objects.requireNonNull(analysis, "analysis");
    return HeatmapPainter.render(analysis, this);
  }

  /**
   * Draws dealer delta, vanna and charm exposure by strike (strikes within {@link #strikeWindow()} of
   * spot) as three stacked panels of one image: delta in $bn, vanna in $bn of delta per vol point, charm
   * in $bn of delta per day, bars green when positive and red when negative, each with spot marked.
   *
   * @param analysis the analysis to draw
   * @return the image, or empty when the analysis has no dealer exposures by strike
   */
  public Optional<BufferedImage> dealerExposures(GexAnalysis analysis) {
    Objects.requireNonNull(analysis, "analysis");
    return StrikeCharts.dealerExposures(analysis, this);
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

  /** [from, to) of the strikes within the strike window around spot, or all strikes if none is inside. */
  int[] window(DoubleArray strikes, double spot) {
    return XyCharts.window(strikes, spot, strikeWindow);
  }

  // ---------------------------------------------------------------------------------------------------

  /**
   * Builds {@link GexCharts}. Not thread-safe; the built instance is.
   */
  public static final class Builder {
    private int width = DEFAULT_WIDTH;
    private int height = DEFAULT_HEIGHT;
    private double strikeWindow = DEFAULT_STRIKE_WINDOW;
    private double profileWindow = DEFAULT_PROFILE_WINDOW;
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
     * The half-width of the gamma profile's window, as a fraction of spot; the window is widened when
     * needed so the zero gamma (plus 2% of spot) is inside, and never goes beyond the profile's own range.
     *
     * @param value half-width, in [0.01, 1]: 0.15 shows hypothetical spots within ±15% of spot
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder profileWindow(double value) {
      if (!(value >= 0.01 && value <= 1)) {
        throw new IllegalArgumentException("profileWindow must be in [0.01, 1], was " + value);
      }
      profileWindow = value;
      return this;
    }

    /**
     * How many expiries one heatmap page shows (more expiries make more pages).
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
