package io.gex.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.knowm.xchart.XYChart;

/**
 * Lays out one XY chart with its levels: the title on top, then a strip of level labels (Spot 3,990.56,
 * Call wall 4,000, ...) placed by {@link LabelLayout} so they never overlap, then the XChart plot with its
 * legend outside the plot area. Each level's vertical line is drawn after the plot, over bars and areas
 * (dashed or dotted, so a bar under it still shows), across the plot only, with a small triangle under its
 * label's strip; the label has the line's colour. A level outside the x range is named at the nearer edge of
 * the strip with an arrow and has no line.
 */
final class LevelChart {

  /** A level to mark: name, value (index points), colour and line stroke. */
  record Level(String name, double value, Color color, BasicStroke stroke) {

    static List<Level> of(List<Level> levels, String name, OptionalDouble value, Color c, BasicStroke s) {
      List<Level> out = new ArrayList<>(levels);
      if (value.isPresent()) {
        out.add(new Level(name, value.getAsDouble(), c, s));
      }
      return out;
    }
  }

  /** The x range and y range of the plot, in data units. */
  record Frame(double xMin, double xMax, double yMin, double yMax) {}

  /** A drawn label: its text, pixel box and level colour. */
  record DrawnLabel(String text, int left, int top, int width, int height, Color color) {
    boolean overlaps(DrawnLabel o) {
      return left < o.left + o.width && o.left < left + width && top < o.top + o.height
          && o.top < top + height;
    }
  }

  /** What was drawn, for tests: the image, each line's pixel x (by level name) and the labels. */
  record Rendered(
      BufferedImage image, List<DrawnLabel> labels, java.util.Map<String, Integer> lineX,
      int plotTop, int plotBottom) {

    /** The pixel x of a level's line. @throws IllegalStateException if that level has no line drawn */
    int line(String name) {
      Integer x = lineX.get(name);
      if (x == null) {
        throw new IllegalStateException("no line drawn for " + name + "; drawn: " + lineX.keySet());
      }
      return x;
    }
  }

  static final int TITLE_HEIGHT = 34;
  static final int ROW_HEIGHT = 18;
  private static final int LABEL_GAP = 14;

  private LevelChart() {}

  /**
   * Draws the chart.
   *
   * @param title the title (drawn here, so the XChart's own title is switched off)
   * @param chart the plot, its axes already set to {@code frame}
   * @param frame the data ranges the axes were set to
   * @param levels the levels to mark, in legend order
   * @param width image width
   * @param height image height
   */
  static Rendered render(
      String title, XYChart chart, Frame frame, List<Level> levels, int width, int height) {
    chart.getStyler().setChartTitleVisible(false);
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setFont(Palette.LABEL_FONT);
      FontMetrics fm = g.getFontMetrics();
      List<String> texts = new ArrayList<>();
      List<LabelLayout.Label> labels = new ArrayList<>();
      int rows = levels.isEmpty() ? 0 : 1;
      List<LabelLayout.Placement> placed = List.of();
      int top = TITLE_HEIGHT;
      // Paint, lay the labels out against the painted axes, and paint again if more rows are needed.
      for (int attempt = 0; attempt < 3; attempt++) {
        top = TITLE_HEIGHT + rows * ROW_HEIGHT + (rows > 0 ? 8 : 0);
        paintChart(g, chart, width, height, top);
        double left = chart.getScreenXFromChart(frame.xMin());
        double right = chart.getScreenXFromChart(frame.xMax());
        texts.clear();
        labels.clear();
        for (Level level : levels) {
          String text = text(level, frame);
          texts.add(text);
          labels.add(new LabelLayout.Label(anchor(chart, level, frame, left, right), fm.stringWidth(text)));
        }
        placed = LabelLayout.place(labels, Math.max(2, left - 40), Math.min(width - 2, right + 40), LABEL_GAP);
        int needed = LabelLayout.rows(placed);
        if (needed <= rows) {
          break;
        }
        rows = needed;
      }
      int plotTop = (int) Math.round(chart.getScreenYFromChart(frame.yMax())) + top;
      int plotBottom = (int) Math.round(chart.getScreenYFromChart(frame.yMin())) + top;

      g.setColor(Palette.TEXT);
      g.setFont(Palette.TITLE_FONT);
      FontMetrics tm = g.getFontMetrics();
      g.drawString(title, Math.max(4, (width - tm.stringWidth(title)) / 2), 24);

      g.setFont(Palette.LABEL_FONT);
      List<DrawnLabel> drawn = new ArrayList<>();
      java.util.Map<String, Integer> lineX = new java.util.LinkedHashMap<>();
      for (int i = 0; i < levels.size(); i++) {
        Level level = levels.get(i);
        LabelLayout.Placement p = placed.get(i);
        int rowBottom = top - 8 - p.row() * ROW_HEIGHT;
        int rowTop = rowBottom - ROW_HEIGHT + 2;
        if (inside(level, frame)) {
          // The line spans the plot only, so it never crosses a label of the strip; the label above
          // shares its colour and contains its x.
          int x = (int) Math.round(labels.get(i).anchor());
          lineX.put(level.name(), x);
          // No halo: the dashes leave the bar under a level (the call wall's own bar) visible.
          g.setStroke(level.stroke());
          g.setColor(level.color());
          g.drawLine(x, plotTop, x, plotBottom);
          g.fillPolygon(new int[] {x - 5, x + 5, x}, new int[] {plotTop - 6, plotTop - 6, plotTop}, 3);
        }
        int w = (int) Math.ceil(labels.get(i).width());
        int lx = (int) Math.round(p.left());
        g.setColor(Color.WHITE);
        g.fillRect(lx - 2, rowTop, w + 4, ROW_HEIGHT - 2);
        g.setColor(level.color());
        g.drawString(texts.get(i), lx, rowBottom - 4);
        drawn.add(new DrawnLabel(texts.get(i), lx, rowTop, w, ROW_HEIGHT - 2, level.color()));
      }
      return new Rendered(image, List.copyOf(drawn), java.util.Map.copyOf(lineX), plotTop, plotBottom);
    } finally {
      g.dispose();
    }
  }

  private static void paintChart(Graphics2D g, XYChart chart, int width, int height, int top) {
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, width, height);
    Graphics2D c = (Graphics2D) g.create(0, top, width, height - top);
    try {
      chart.paint(c, width, height - top);
    } finally {
      c.dispose();
    }
  }

  private static boolean inside(Level level, Frame frame) {
    return level.value() >= frame.xMin() && level.value() <= frame.xMax();
  }

  private static double anchor(XYChart chart, Level level, Frame frame, double left, double right) {
    if (level.value() < frame.xMin()) {
      return left;
    }
    if (level.value() > frame.xMax()) {
      return right;
    }
    return chart.getScreenXFromChart(level.value());
  }

  private static String text(Level level, Frame frame) {
    String text = level.name() + " " + Formats.level(Math.round(level.value() * 100) / 100.0);
    if (level.value() < frame.xMin()) {
      return "\u2190 " + text + " (off chart)";
    }
    if (level.value() > frame.xMax()) {
      return text + " (off chart) \u2192";
    }
    return text;
  }
}
