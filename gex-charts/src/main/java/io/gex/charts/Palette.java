package io.gex.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

/**
 * The one colour vocabulary of every chart: green is a positive figure and red a negative one (net GEX,
 * the profile's sign, dealer exposures, heatmap cells); calls are blue and puts orange wherever they appear
 * (GEX and open-interest bars); each level keeps one colour on every chart (spot black, zero gamma purple,
 * call wall dark blue, put wall dark orange, max pain brown).
 */
final class Palette {

  static final Color POSITIVE = new Color(46, 125, 50);
  static final Color NEGATIVE = new Color(198, 40, 40);
  static final Color CALL = new Color(33, 110, 200);
  static final Color PUT = new Color(239, 124, 0);

  static final Color SPOT = new Color(33, 33, 33);
  static final Color ZERO_GAMMA = new Color(123, 31, 162);
  static final Color CALL_WALL = new Color(13, 58, 140);
  static final Color PUT_WALL = new Color(170, 60, 0);
  static final Color MAX_PAIN = new Color(109, 76, 65);

  /** The all-expiries profile line, and the two scoped profiles drawn beside it. */
  static final Color PROFILE = new Color(20, 20, 20);
  static final Color PROFILE_EX_NEXT = new Color(110, 110, 110);
  static final Color PROFILE_EX_MONTHLY = new Color(150, 150, 150);

  static final Color GRID = new Color(228, 228, 228);
  static final Color TEXT = new Color(40, 40, 40);
  static final Color AXIS = new Color(120, 120, 120);

  static final BasicStroke DASHED =
      new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {8f, 5f}, 0f);
  static final BasicStroke DOTTED =
      new BasicStroke(2.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 3f}, 0f);
  static final BasicStroke SOLID = new BasicStroke(2f);

  static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 17);
  static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 12);
  static final Font SMALL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

  private Palette() {}

  /** Green for a positive value, red for a negative one, grey for zero. */
  static Color signColor(double value) {
    return value > 0 ? POSITIVE : value < 0 ? NEGATIVE : AXIS;
  }

  /** The colour with the given alpha (0..255). */
  static Color alpha(Color color, int alpha) {
    return new Color(color.getRed(), color.getGreen(), color.getBlue(), alpha);
  }

  /**
   * The heatmap colour of a value already scaled to [-1, 1]: white at 0, full {@link #POSITIVE} at +1,
   * full {@link #NEGATIVE} at -1, blended linearly in between (values outside are clamped).
   */
  static Color diverging(double scaled) {
    double t = Math.max(-1, Math.min(1, Double.isNaN(scaled) ? 0 : scaled));
    Color end = t >= 0 ? POSITIVE : NEGATIVE;
    double a = Math.abs(t);
    return new Color(
        (int) Math.round(255 + (end.getRed() - 255) * a),
        (int) Math.round(255 + (end.getGreen() - 255) * a),
        (int) Math.round(255 + (end.getBlue() - 255) * a));
  }
}
