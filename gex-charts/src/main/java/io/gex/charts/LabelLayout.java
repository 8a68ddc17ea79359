package io.gex.charts;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Places level labels (Spot, Call wall, Put wall, Zero gamma, ...) in rows of a strip above a plot so that
 * no two labels of a row overlap: each label takes the first row where one of its candidate positions is
 * free. The candidates all touch the label's anchor (its line): centred on it, starting at it, ending at
 * it; each is clamped inside the strip. Pixel units; a pure function.
 */
final class LabelLayout {

  /** A label to place: the x of its line and its text width. */
  record Label(double anchor, double width) {}

  /** Where a label went: its left edge and row (0 is the row nearest the plot). */
  record Placement(double left, int row) {}

  private LabelLayout() {}

  /**
   * Places the labels.
   *
   * @param labels the labels, in any order
   * @param minX the strip's left edge
   * @param maxX the strip's right edge
   * @param gap the least horizontal space between two labels of one row
   * @return one placement per label, in the order given
   */
  static List<Placement> place(List<Label> labels, double minX, double maxX, double gap) {
    Integer[] order = new Integer[labels.size()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble(i -> labels.get(i).anchor()));
    Placement[] out = new Placement[labels.size()];
    List<List<double[]>> rows = new ArrayList<>();
    for (int i : order) {
      Label label = labels.get(i);
      double w = label.width();
      double[] candidates = {label.anchor() - w / 2, label.anchor(), label.anchor() - w};
      Placement placed = null;
      for (int row = 0; placed == null; row++) {
        if (row == rows.size()) {
          rows.add(new ArrayList<>());
        }
        for (double c : candidates) {
          double left = Math.max(minX, Math.min(c, maxX - w));
          if (free(rows.get(row), left, left + w, gap)) {
            rows.get(row).add(new double[] {left, left + w});
            placed = new Placement(left, row);
            break;
          }
        }
      }
      out[i] = placed;
    }
    return List.of(out);
  }

  /** The number of rows used (0 for no label). */
  static int rows(List<Placement> placements) {
    int rows = 0;
    for (Placement p : placements) {
      rows = Math.max(rows, p.row() + 1);
    }
    return rows;
  }

  private static boolean free(List<double[]> row, double left, double right, double gap) {
    for (double[] taken : row) {
      if (left < taken[1] + gap && right + gap > taken[0]) {
        return false;
      }
    }
    return true;
  }
}
