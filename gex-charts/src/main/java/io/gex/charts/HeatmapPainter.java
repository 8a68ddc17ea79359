package io.gex.charts;

import io.gex.GexAnalysis;
import io.gex.analysis.ExpiryGex;
import io.gex.analysis.GexHeatmap;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The net-GEX heatmap, drawn with Java2D: expiries as rows, strike bins as columns, split into pages.
 *
 * <p>Colour is scaled <em>per row</em>: full green (positive) or red (negative) is that row's largest |net
 * GEX|, printed at the row's right end, so a weekly next to a large monthly stays readable; white is zero.
 * Strikes are summed into bins of a round width (25 points for SPX at ±10%), so expiries listed every 5
 * and every 25 points read alike. Spot and zero gamma are vertical lines across every row.
 *
 * <p>Pages: when there are more expiries than fit one image, page 1 holds the expiries with the largest
 * gross GEX (|calls| + |puts|), in date order, and the further pages the remaining expiries in date order.
 */
final class HeatmapPainter {

  /** About this many strike bins across the window. */
  static final int TARGET_BINS = 32;

  private HeatmapPainter() {}

  /**
   * Splits rows into pages: with at most {@code perPage} rows one page of all, in order; otherwise page 0
   * takes the {@code perPage} rows of largest {@code gross} (ties to the earlier row) in row order, and the
   * other rows follow in row order, {@code perPage} a page.
   *
   * @return row indices of each page
   */
  static List<int[]> pages(double[] gross, int perPage) {
    int n = gross.length;
    List<int[]> pages = new ArrayList<>();
    if (n <= perPage) {
      int[] all = new int[n];
      Arrays.setAll(all, i -> i);
      pages.add(all);
      return pages;
    }
    Integer[] order = new Integer[n];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -gross[i]).thenComparingInt(i -> i));
    boolean[] first = new boolean[n];
    for (int i = 0; i < perPage; i++) {
      first[order[i]] = true;
    }
    int[] top = new int[perPage];
    int[] rest = new int[n - perPage];
    int t = 0;
    int r = 0;
    for (int i = 0; i < n; i++) {
      if (first[i]) {
        top[t++] = i;
      } else {
        rest[r++] = i;
      }
    }
    pages.add(top);
    for (int from = 0; from < rest.length; from += perPage) {
      pages.add(Arrays.copyOfRange(rest, from, Math.min(rest.length, from + perPage)));
    }
    return pages;
  }

  /**
   * Scales each row by its own largest |value| to [-1, 1]; an all-zero row stays 0.
   *
   * @param cells row-major, {@code rows} × {@code cols}
   * @return {scaled cells, row scales}: the row scale is the row's largest |value|
   */
  static double[][] normalizeRows(double[] cells, int rows, int cols) {
    double[] scaled = new double[cells.length];
    double[] scales = new double[rows];
    for (int r = 0; r < rows; r++) {
      double max = 0;
      for (int c = 0; c < cols; c++) {
        max = Math.max(max, Math.abs(cells[r * cols + c]));
      }
      scales[r] = max;
      for (int c = 0; c < cols; c++) {
        scaled[r * cols + c] = max == 0 ? 0 : cells[r * cols + c] / max;
      }
    }
    return new double[][] {scaled, scales};
  }

  /** The strike bins of the window: their width and the first and last bin index (bin b is centred on b × width). */
  record Bins(double width, long first, long last) {
    int count() {
      return (int) (last - first + 1);
    }

    int column(double strike) {
      return (int) (Math.round(strike / width) - first);
    }

    double centre(int column) {
      return (first + column) * width;
    }
  }

  static Bins bins(double spot, double window) {
    double lo = spot * (1 - window);
    double hi = spot * (1 + window);
    double width = XyCharts.niceStep((hi - lo) / TARGET_BINS);
    return new Bins(width, Math.round(lo / width), Math.round(hi / width));
  }

  /** The page images of the analysis's heatmap. */
  static List<BufferedImage> render(GexAnalysis analysis, GexCharts settings) {
    GexHeatmap map = analysis.exposures().heatmap();
    Bins bins = bins(analysis.spot(), settings.strikeWindow());
    int rows = map.expiries().size();
    int cols = bins.count();
    double[] cells = new double[rows * cols];
    double lo = bins.centre(0) - bins.width() / 2;
    double hi = bins.centre(cols - 1) + bins.width() / 2;
    for (int r = 0; r < rows; r++) {
      for (int k = 0; k < map.strikes().size(); k++) {
        double strike = map.strikes().get(k);
        if (strike >= lo && strike < hi) {
          int c = Math.max(0, Math.min(cols - 1, bins.column(strike)));
          cells[r * cols + c] += map.value(r, k) / Formats.BILLION;
        }
      }
    }
    double[][] normalized = normalizeRows(cells, rows, cols);
    Map<LocalDate, ExpiryGex> byDate = new HashMap<>();
    for (ExpiryGex e : analysis.exposures().byExpiry()) {
      byDate.put(e.expiry(), e);
    }
    double[] gross = new double[rows];
    for (int r = 0; r < rows; r++) {
      ExpiryGex e = byDate.get(map.expiries().get(r));
      if (e != null) {
        gross[r] = Math.abs(e.callGex()) + Math.abs(e.putGex());
      } else {
        for (int k = 0; k < map.strikes().size(); k++) {
          gross[r] += Math.abs(map.value(r, k));
        }
      }
    }
    List<int[]> pages = pages(gross, settings.heatmapExpiries());
    List<BufferedImage> images = new ArrayList<>();
    for (int p = 0; p < pages.size(); p++) {
      images.add(page(analysis, settings, bins, normalized, pages.get(p), p, pages.size()));
    }
    return List.copyOf(images);
  }

  private static BufferedImage page(
      GexAnalysis analysis,
      GexCharts settings,
      Bins bins,
      double[][] normalized,
      int[] rowsOfPage,
      int page,
      int pageCount) {
    int width = settings.width();
    int height = settings.height();
    int cols = bins.count();
    GexHeatmap map = analysis.exposures().heatmap();
    LocalDate valuationDate =
        analysis.valuationTime().atZone(analysis.settings().settlementZone()).toLocalDate();
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, width, height);

      String title = Formats.title("net GEX by expiry and strike", analysis);
      g.setColor(Palette.TEXT);
      g.setFont(Palette.TITLE_FONT);
      g.drawString(title, Math.max(4, (width - g.getFontMetrics().stringWidth(title)) / 2), 24);
      g.setFont(Palette.SMALL_FONT);
      FontMetrics fm = g.getFontMetrics();
      String which =
          pageCount == 1
              ? "all " + rowsOfPage.length + " expiries"
              : page == 0
                  ? "page 1 of " + pageCount + ": top " + rowsOfPage.length + " of "
                      + map.expiries().size() + " expiries by gross GEX"
                  : "page " + (page + 1) + " of " + pageCount + ": other expiries by date";
      String subtitle =
          "Colour per row: full green (> 0) / red (< 0) = the row's max |net GEX| (right, $bn); "
              + Formats.level(bins.width()) + "-point strike bins; " + which;
      g.drawString(subtitle, Math.max(4, (width - fm.stringWidth(subtitle)) / 2), 44);

      int left = 10 + fm.stringWidth("2022-12-16 (999d) ") + 6;
      int right = width - (fm.stringWidth("max |net| 00.00") + 24);
      int gridTop = 60 + LevelChart.ROW_HEIGHT * 2 + 4;
      int gridBottom = height - 58;
      // Rows are as tall on a short last page as on a full one; the grid then ends early.
      int n = Math.max(1, pageCount == 1 ? rowsOfPage.length : settings.heatmapExpiries());
      double rowH = (gridBottom - gridTop) / (double) n;
      gridBottom = (int) Math.round(gridTop + Math.max(1, rowsOfPage.length) * rowH);
      double colW = (right - left) / (double) cols;

      if (rowsOfPage.length == 0) {
        g.setColor(Palette.TEXT);
        g.drawString("No expiry to show.", left + 10, gridTop + 20);
      }
      for (int i = 0; i < rowsOfPage.length; i++) {
        int r = rowsOfPage[i];
        int y0 = (int) Math.round(gridTop + i * rowH);
        int y1 = (int) Math.round(gridTop + (i + 1) * rowH) - 1;
        for (int c = 0; c < cols; c++) {
          int x0 = (int) Math.round(left + c * colW);
          int x1 = (int) Math.round(left + (c + 1) * colW);
          g.setColor(Palette.diverging(normalized[0][r * cols + c]));
          g.fillRect(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0));
        }
        LocalDate expiry = map.expiries().get(r);
        String label = expiry + " (" + ChronoUnit.DAYS.between(valuationDate, expiry) + "d)";
        int baseline = (y0 + y1) / 2 + fm.getAscent() / 2 - 1;
        g.setColor(Palette.TEXT);
        g.drawString(label, left - 6 - fm.stringWidth(label), baseline);
        String scale = "max |net| " + scale(normalized[1][r]);
        g.drawString(scale, right + 8, baseline);
      }
      g.setColor(new Color(180, 180, 180));
      g.drawRect(left, gridTop, right - left, gridBottom - gridTop);

      // Strike ticks on a round step under the grid.
      double step = XyCharts.niceStep((bins.centre(cols - 1) - bins.centre(0)) / Math.max(4, (right - left) / 90.0));
      double lo = bins.centre(0) - bins.width() / 2;
      double span = cols * bins.width();
      g.setColor(Palette.TEXT);
      for (double k = Math.ceil(lo / step) * step; k <= lo + span; k += step) {
        int x = (int) Math.round(left + (k - lo) / span * (right - left));
        g.drawLine(x, gridBottom, x, gridBottom + 4);
        String t = Formats.level(k);
        g.drawString(t, x - fm.stringWidth(t) / 2, gridBottom + 18);
      }
      String axis = "Strike (bin centre)";
      g.drawString(axis, left + (right - left - fm.stringWidth(axis)) / 2, gridBottom + 38);

      // Spot and zero gamma across every row, labelled above the grid without overlap.
      List<LevelChart.Level> levels =
          List.of(new LevelChart.Level("Spot", analysis.spot(), Palette.SPOT, Palette.DASHED));
      levels = LevelChart.Level.of(levels, "Zero gamma", analysis.zeroGamma(), Palette.ZERO_GAMMA, Palette.DASHED);
      g.setFont(Palette.LABEL_FONT);
      FontMetrics lm = g.getFontMetrics();
      List<LevelChart.Level> shown = new ArrayList<>();
      List<LabelLayout.Label> labels = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      for (LevelChart.Level level : levels) {
        if (level.value() >= lo && level.value() <= lo + span) {
          String text = level.name() + " " + Formats.level(Math.round(level.value() * 100) / 100.0);
          shown.add(level);
          texts.add(text);
          labels.add(new LabelLayout.Label(left + (level.value() - lo) / span * (right - left), lm.stringWidth(text)));
        }
      }
      List<LabelLayout.Placement> placed = LabelLayout.place(labels, left, right, 14);
      for (int i = 0; i < shown.size(); i++) {
        LevelChart.Level level = shown.get(i);
        int x = (int) Math.round(labels.get(i).anchor());
        int rowBottom = gridTop - 8 - placed.get(i).row() * LevelChart.ROW_HEIGHT;
        g.setStroke(level.stroke());
        g.setColor(level.color());
        g.drawLine(x, gridTop, x, gridBottom);
        g.fillPolygon(new int[] {x - 5, x + 5, x}, new int[] {gridTop - 6, gridTop - 6, gridTop}, 3);
        g.drawString(texts.get(i), (int) Math.round(placed.get(i).left()), rowBottom - 4);
      }
      legend(g, width - 215, height - 14, fm);
    } finally {
      g.dispose();
    }
    return image;
  }

  /**
   * A row scale in $bn with enough decimals to show two digits: 0.78, 0.042, 0.0031, 0.00066; {@code 0}
   * for an empty row.
   */
  static String scale(double billions) {
    if (billions == 0) {
      return "0";
    }
    if (billions < 0.00001) {
      return "< 0.00001";
    }
    String pattern =
        billions >= 0.1 ? "%.2f" : billions >= 0.01 ? "%.3f" : billions >= 0.001 ? "%.4f" : "%.5f";
    return String.format(Locale.ROOT, pattern, billions);
  }

  /** A gradient bar from -1 (red) through 0 (white) to +1 (green) of the row scale. */
  private static void legend(Graphics2D g, int x, int y, FontMetrics fm) {
    int w = 160;
    for (int i = 0; i < w; i++) {
      g.setColor(Palette.diverging(-1 + 2.0 * i / (w - 1)));
      g.fillRect(x + i, y - 10, 1, 10);
    }
    g.setColor(new Color(160, 160, 160));
    g.drawRect(x, y - 10, w, 10);
    g.setFont(Palette.SMALL_FONT);
    g.setColor(Palette.TEXT);
    g.drawString("-max", x - fm.stringWidth("-max") - 4, y);
    g.drawString("+max", x + w + 4, y);
  }
}
