package io.gex.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The layout and scaling logic under the charts, tested without drawing: colours by sign, label placement,
 * the profile window, the heatmap's per-row scale, bins and pages.
 */
class ChartLogicTest {

  // --- colours --------------------------------------------------------------------------------------

  @Test
  void signColor_positiveGreen_negativeRed() {
    assertThat(Palette.signColor(0.01)).isEqualTo(Palette.POSITIVE);
    assertThat(Palette.signColor(-0.01)).isEqualTo(Palette.NEGATIVE);
    assertThat(Palette.POSITIVE.getGreen()).isGreaterThan(Palette.POSITIVE.getRed());
    assertThat(Palette.NEGATIVE.getRed()).isGreaterThan(Palette.NEGATIVE.getGreen());
    // Calls and puts have their own hues, neither green nor red: blue-ish and orange-ish.
    assertThat(Palette.CALL.getBlue()).isGreaterThan(Palette.CALL.getRed() + 100);
    assertThat(Palette.PUT.getRed()).isGreaterThan(Palette.PUT.getBlue() + 150);
  }

  @Test
  void diverging_endsAreTheSignColours_zeroIsWhite_clamped() {
    assertThat(Palette.diverging(1)).isEqualTo(Palette.POSITIVE);
    assertThat(Palette.diverging(-1)).isEqualTo(Palette.NEGATIVE);
    assertThat(Palette.diverging(0)).isEqualTo(Color.WHITE);
    assertThat(Palette.diverging(7)).isEqualTo(Palette.POSITIVE);
    assertThat(Palette.diverging(Double.NaN)).isEqualTo(Color.WHITE);
    // Half way: half way between white and the end, channel by channel.
    assertThat(Palette.diverging(-0.5).getRed()).isEqualTo((255 + Palette.NEGATIVE.getRed() + 1) / 2);
  }

  // --- label layout ---------------------------------------------------------------------------------

  @Test
  void place_spotCallWallZeroGammaFewPixelsApart_noTwoLabelsOverlap() {
    // SPX 2022-12-12: spot 3,990.56, call wall 4,000, zero gamma 4,004.64, put wall 3,950 (px apart).
    List<LabelLayout.Label> labels =
        List.of(
            new LabelLayout.Label(630, 100),
            new LabelLayout.Label(645, 95),
            new LabelLayout.Label(651, 140),
            new LabelLayout.Label(575, 100));

    List<LabelLayout.Placement> placed = LabelLayout.place(labels, 70, 1190, 14);

    assertNoOverlap(labels, placed, 14);
    assertThat(LabelLayout.rows(placed)).isBetween(2, 4);
  }

  @Test
  void place_farApartLabels_shareTheFirstRowCentredOnTheirLines() {
    List<LabelLayout.Label> labels =
        List.of(new LabelLayout.Label(200, 80), new LabelLayout.Label(600, 80));

    List<LabelLayout.Placement> placed = LabelLayout.place(labels, 0, 1000, 14);

    assertThat(placed)
        .containsExactly(new LabelLayout.Placement(160, 0), new LabelLayout.Placement(560, 0));
  }

  @Test
  void place_anyLabels_noOverlapInARow_insideTheStrip_touchingTheirLine() {
    qt().withExamples(300)
        .forAll(
            lists().of(doubles().between(0, 1000)).ofSizeBetween(0, 8),
            integers().between(20, 300))
        .checkAssert(
            (anchors, width) -> {
              List<LabelLayout.Label> labels = new ArrayList<>();
              for (double a : anchors) {
                labels.add(new LabelLayout.Label(a, width + (a % 37)));
              }
              List<LabelLayout.Placement> placed = LabelLayout.place(labels, 0, 1000, 10);

              assertThat(placed).hasSize(labels.size());
              assertNoOverlap(labels, placed, 10);
              for (int i = 0; i < labels.size(); i++) {
                LabelLayout.Label l = labels.get(i);
                double left = placed.get(i).left();
                assertThat(left).isBetween(0.0, 1000 - l.width());
                // Unless pushed in from an edge, the label spans its own line.
                if (l.anchor() - l.width() >= 0 && l.anchor() + l.width() <= 1000) {
                  assertThat(l.anchor()).isBetween(left, left + l.width());
                }
              }
            });
  }

  private static void assertNoOverlap(
      List<LabelLayout.Label> labels, List<LabelLayout.Placement> placed, double gap) {
    for (int i = 0; i < labels.size(); i++) {
      for (int j = i + 1; j < labels.size(); j++) {
        if (placed.get(i).row() != placed.get(j).row()) {
          continue;
        }
        double li = placed.get(i).left();
        double lj = placed.get(j).left();
        boolean apart =
            li + labels.get(i).width() + gap <= lj + 1e-9
                || lj + labels.get(j).width() + gap <= li + 1e-9;
        assertThat(apart).as("labels %d and %d in row %d", i, j, placed.get(i).row()).isTrue();
      }
    }
  }

  // --- profile window -------------------------------------------------------------------------------

  @Test
  void profileWindow_default_isFifteenPercentAroundSpot() {
    double[] w = ProfileChart.window(4000, 0.15, OptionalDouble.of(4010), 2000, 6000);

    assertThat(w[0]).isCloseTo(3400, within(1e-9));
    assertThat(w[1]).isCloseTo(4600, within(1e-9));
  }

  @Test
  void profileWindow_flipOutsideTheWindow_widensToIncludeItWithMargin() {
    double[] above = ProfileChart.window(4000, 0.15, OptionalDouble.of(5000), 2000, 6000);
    double[] below = ProfileChart.window(4000, 0.15, OptionalDouble.of(3000), 2000, 6000);

    assertThat(above).containsExactly(new double[] {3400, 5080}, within(1e-9)); // 5000 + 2% of spot
    assertThat(below).containsExactly(new double[] {2920, 4600}, within(1e-9));
  }

  @Test
  void profileWindow_anySpotAndFlip_includesBoth_withinTheProfileRange() {
    qt().withExamples(300)
        .forAll(
            doubles().between(10, 20_000),
            doubles().between(0.01, 1),
            doubles().between(0.5, 1.5),
            integers().between(0, 1))
        .checkAssert(
            (spot, fraction, flipRatio, hasFlip) -> {
              OptionalDouble flip =
                  hasFlip == 1 ? OptionalDouble.of(spot * flipRatio) : OptionalDouble.empty();
              double[] w = ProfileChart.window(spot, fraction, flip, spot * 0.5, spot * 1.5);

              assertThat(w[0]).isLessThan(spot).isGreaterThanOrEqualTo(spot * 0.5);
              assertThat(w[1]).isGreaterThan(spot).isLessThanOrEqualTo(spot * 1.5);
              if (flip.isPresent()) {
                assertThat(flip.getAsDouble()).isBetween(w[0], w[1]);
              }
            });
  }

  // --- heatmap --------------------------------------------------------------------------------------

  @Test
  void normalizeRows_eachRowsLargestAbsoluteValueIsFullIntensity() {
    double[] cells = {
      0.5, -2.0, 1.0, // row max |.| 2
      0.003, 0.001, -0.002, // a small row: still reaches full intensity
      0, 0, 0
    };

    double[][] out = HeatmapPainter.normalizeRows(cells, 3, 3);

    assertThat(out[0])
        .containsExactly(new double[] {0.25, -1.0, 0.5, 1.0, 1.0 / 3, -2.0 / 3, 0, 0, 0}, within(1e-12));
    assertThat(out[1]).containsExactly(2.0, 0.003, 0.0);
  }

  @Test
  void normalizeRows_anyCells_rowMaxMapsToOne_signsKept_allInUnitRange() {
    qt().withExamples(200)
        .forAll(integers().between(1, 6), integers().between(1, 9), integers().between(0, 1_000_000))
        .checkAssert(
            (rows, cols, seed) -> {
              Random random = new Random(seed);
              double[] cells = new double[rows * cols];
              for (int i = 0; i < cells.length; i++) {
                cells[i] = random.nextInt(4) == 0 ? 0 : (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(6) - 3);
              }
              double[][] out = HeatmapPainter.normalizeRows(cells, rows, cols);
              for (int r = 0; r < rows; r++) {
                double max = 0;
                for (int c = 0; c < cols; c++) {
                  double v = out[0][r * cols + c];
                  assertThat(Math.abs(v)).isLessThanOrEqualTo(1.0);
                  assertThat(Math.signum(v)).isEqualTo(Math.signum(cells[r * cols + c]));
                  max = Math.max(max, Math.abs(v));
                }
                assertThat(max).isEqualTo(out[1][r] == 0 ? 0.0 : 1.0);
              }
            });
  }

  @Test
  void bins_spxTenPercent_are25PointsWide_andCoverTheWindow() {
    HeatmapPainter.Bins bins = HeatmapPainter.bins(3990.56, 0.10);

    assertThat(bins.width()).isEqualTo(25.0);
    assertThat(bins.centre(0)).isEqualTo(3600.0);
    assertThat(bins.centre(bins.count() - 1)).isEqualTo(4400.0);
    assertThat(bins.column(3612.4)).isEqualTo(0);
    assertThat(bins.column(3612.6)).isEqualTo(1);
  }

  @Test
  void pages_47ExpiriesTwelveAPage_firstPageTheLargestGross_everyExpiryOnExactlyOnePage() {
    double[] gross = new double[47];
    Random random = new Random(7);
    for (int i = 0; i < gross.length; i++) {
      gross[i] = random.nextDouble();
    }

    List<int[]> pages = HeatmapPainter.pages(gross, 12);

    assertThat(pages).hasSize(4);
    assertThat(pages.get(0)).hasSize(12).isSorted();
    double smallestOnFirst = Arrays.stream(pages.get(0)).mapToDouble(i -> gross[i]).min().orElseThrow();
    long larger = Arrays.stream(gross).filter(g -> g > smallestOnFirst).count();
    assertThat(larger).isEqualTo(11); // the 12 largest, no other
    assertEveryRowOnce(pages, 47, 12);
  }

  @Test
  void pages_anyCount_coverEveryRowOnce_atMostPerPage() {
    qt().withExamples(200)
        .forAll(integers().between(0, 80), integers().between(1, 20), integers().between(0, 1000))
        .checkAssert(
            (n, perPage, seed) -> {
              Random random = new Random(seed);
              double[] gross = new double[n];
              for (int i = 0; i < n; i++) {
                gross[i] = random.nextInt(5); // ties on purpose
              }
              List<int[]> pages = HeatmapPainter.pages(gross, perPage);
              assertThat(pages).hasSize(Math.max(1, n <= perPage ? 1 : 1 + (n - perPage + perPage - 1) / perPage));
              assertEveryRowOnce(pages, n, perPage);
            });
  }

  private static void assertEveryRowOnce(List<int[]> pages, int n, int perPage) {
    int[] seen = new int[n];
    for (int[] page : pages) {
      assertThat(page.length).isLessThanOrEqualTo(perPage);
      assertThat(page).isSorted();
      for (int r : page) {
        seen[r]++;
      }
    }
    for (int r = 0; r < n; r++) {
      assertThat(seen[r]).as("row %d", r).isEqualTo(1);
    }
  }

  @Test
  void scale_showsSmallRowMaximaWithEnoughDecimals() {
    assertThat(HeatmapPainter.scale(0.784)).isEqualTo("0.78");
    assertThat(HeatmapPainter.scale(0.0421)).isEqualTo("0.042");
    assertThat(HeatmapPainter.scale(0.00314)).isEqualTo("0.0031");
    assertThat(HeatmapPainter.scale(0.00066)).isEqualTo("0.00066");
    assertThat(HeatmapPainter.scale(0)).isEqualTo("0");
  }

  @Test
  void niceStep_roundsUpToOneTwoTwoAndAHalfFive() {
    assertThat(XyCharts.niceStep(24.9)).isEqualTo(25.0);
    assertThat(XyCharts.niceStep(13.3)).isEqualTo(20.0);
    assertThat(XyCharts.niceStep(73)).isEqualTo(100.0);
    assertThat(XyCharts.niceStep(0.3)).isEqualTo(0.5);
  }

  @Test
  void fileName_pagesAfterTheFirstAreNumbered() {
    assertThat(ChartKind.HEATMAP.fileName(1)).isEqualTo("gex-heatmap.png");
    assertThat(ChartKind.HEATMAP.fileName(3)).isEqualTo("gex-heatmap-3.png");
  }
}
