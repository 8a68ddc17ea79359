package io.gex.charts;

import static io.gex.charts.ChartFixtures.dominantPixels;
import static io.gex.charts.ChartFixtures.luminanceVariance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gex.GexAnalysis;
import io.gex.analysis.DealerExposuresByStrike;
import io.gex.analysis.DoubleArray;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every chart drawn from the synthetic chain: the PNG exists, has the requested size and is not blank. The
 * images are also left in {@code target/chart-previews/synthetic/} for a look.
 */
class GexChartsTest {

  private static final Path PREVIEWS = Path.of("target", "chart-previews", "synthetic");

  private static GexAnalysis analysis;
  private static GexAnalysis withDealer;

  @BeforeAll
  static void analyse() {
    analysis = ChartFixtures.synthetic();
    withDealer = ChartFixtures.withDealerByStrike(analysis);
  }

  @ParameterizedTest
  @EnumSource(ChartKind.class)
  void writePng_syntheticChain_fileHasRequestedSizeAndIsNotBlank(ChartKind kind, @TempDir Path dir)
      throws IOException {
    GexCharts charts = GexCharts.builder().width(900).height(540).build();

    Optional<Path> written = charts.writePng(kind, withDealer, dir.resolve(kind.fileName()));

    assertThat(written).contains(dir.resolve(kind.fileName()));
    Path file = written.orElseThrow();
    assertThat(file).exists();
    BufferedImage png = ImageIO.read(file.toFile());
    assertThat(png.getWidth()).isEqualTo(900);
    assertThat(png.getHeight()).isEqualTo(540);
    assertThat(luminanceVariance(png)).isGreaterThan(200.0);
    GexCharts.writePng(png, PREVIEWS.resolve(kind.fileName()));
  }

  @Test
  void gexByStrike_syntheticChain_drawsGreenCallBarsAndRedPutBars() {
    BufferedImage image = GexCharts.defaults().gexByStrike(analysis);

    assertThat(image.getWidth()).isEqualTo(1200);
    assertThat(image.getHeight()).isEqualTo(700);
    // Tens of thousands of bar pixels of each colour, not just legend swatches (a swatch is ~100).
    assertThat(dominantPixels(image, 'g')).isGreaterThan(5_000);
    assertThat(dominantPixels(image, 'r')).isGreaterThan(5_000);
  }

  @Test
  void heatmap_syntheticChain_usesBothSidesOfTheDivergingScale() {
    BufferedImage image = GexCharts.defaults().heatmap(analysis);

    // Positive (call-heavy, above spot) cells are red, negative (put-heavy, below spot) cells blue.
    assertThat(dominantPixels(image, 'r')).isGreaterThan(5_000);
    assertThat(dominantPixels(image, 'b')).isGreaterThan(5_000);
  }

  @Test
  void dealerExposures_noDealerByStrike_drawsNothing() {
    GexAnalysis empty = withoutDealerByStrike(analysis);

    assertThat(GexCharts.defaults().dealerExposures(empty)).isEmpty();
    assertThat(GexCharts.defaults().render(ChartKind.DEALER_EXPOSURES, empty)).isEmpty();
    assertThat(GexCharts.defaults().writePng(ChartKind.DEALER_EXPOSURES, empty, new ByteArrayOutputStream()))
        .isFalse();
  }

  @Test
  void dealerExposures_withDealerByStrike_isThreePanelsOfTheRequestedSize() {
    BufferedImage image =
        GexCharts.builder().width(800).height(901).build().dealerExposures(withDealer).orElseThrow();

    assertThat(image.getWidth()).isEqualTo(800);
    assertThat(image.getHeight()).isEqualTo(901);
    assertThat(luminanceVariance(image)).isGreaterThan(200.0);
  }

  @Test
  void writePng_toStream_writesAPngSignature() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    boolean written = GexCharts.defaults().writePng(ChartKind.GAMMA_PROFILE, analysis, out);

    assertThat(written).isTrue();
    assertThat(out.toByteArray()).startsWith(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
  }

  @Test
  void gexByStrike_levelsOutsideTheWindowOrMissing_stillDraws() {
    GexAnalysis odd =
        Records.with(
            Records.with(analysis, "zeroGamma", java.util.OptionalDouble.of(9_000.0)),
            "callWall",
            java.util.OptionalDouble.empty());

    BufferedImage image = GexCharts.defaults().gexByStrike(odd);

    assertThat(image.getWidth()).isEqualTo(1200);
    assertThat(luminanceVariance(image)).isGreaterThan(200.0);
  }

  @Test
  void window_tenPercentAroundSpot4000_keepsStrikes3600To4400() {
    GexCharts charts = GexCharts.builder().strikeWindow(0.10).build();

    int[] range = charts.window(analysis.byStrike().strikes(), analysis.spot());

    assertThat(analysis.byStrike().strikes().get(range[0])).isEqualTo(3600.0);
    assertThat(analysis.byStrike().strikes().get(range[1] - 1)).isEqualTo(4400.0);
    assertThat(range[1] - range[0]).isEqualTo(33);
  }

  @Test
  void window_noStrikeInside_fallsBackToAllStrikes() {
    GexCharts charts = GexCharts.builder().strikeWindow(0.001).build();

    int[] range = charts.window(analysis.byStrike().strikes(), 4010.0);

    assertThat(range).containsExactly(0, analysis.byStrike().size());
  }

  @Test
  void builder_outOfRangeValues_throwNamingFieldAndValue() {
    assertThatThrownBy(() -> GexCharts.builder().width(10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("width must be in [200, 10000] pixels, was 10");
    assertThatThrownBy(() -> GexCharts.builder().height(20_000))
        .hasMessage("height must be in [150, 10000] pixels, was 20000");
    assertThatThrownBy(() -> GexCharts.builder().strikeWindow(0))
        .hasMessage("strikeWindow must be in (0, 1], was 0.0");
    assertThatThrownBy(() -> GexCharts.builder().heatmapExpiries(0))
        .hasMessage("heatmapExpiries must be in [1, 200], was 0");
  }

  @Test
  void toBuilder_roundTripsSettings() {
    GexCharts charts =
        GexCharts.builder().width(640).height(480).strikeWindow(0.05).heatmapExpiries(3).build();

    GexCharts copy = charts.toBuilder().build();

    assertThat(copy.width()).isEqualTo(640);
    assertThat(copy.height()).isEqualTo(480);
    assertThat(copy.strikeWindow()).isEqualTo(0.05);
    assertThat(copy.heatmapExpiries()).isEqualTo(3);
  }

  @Test
  void writePng_unwritableTarget_throwsGexChartException(@TempDir Path dir) throws IOException {
    Path blocker = Files.createFile(dir.resolve("not-a-directory"));

    assertThatThrownBy(
            () ->
                GexCharts.defaults()
                    .writePng(ChartKind.HEATMAP, analysis, blocker.resolve("chart.png")))
        .isInstanceOf(GexChartException.class)
        .hasMessageContaining("could not write PNG");
  }

  @Test
  void gexByStrike_fourThreadsAtOnce_drawTheSamePixelsAsOneThread() throws Exception {
    GexCharts charts = GexCharts.builder().width(640).height(400).build();
    int[] expected = pixels(charts.gexByStrike(analysis));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<int[]>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> pixels(charts.gexByStrike(analysis))));
      }
      for (Future<int[]> result : results) {
        assertThat(result.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static int[] pixels(BufferedImage image) {
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  private static GexAnalysis withoutDealerByStrike(GexAnalysis a) {
    if (a.dealer().byStrike().strikes().isEmpty()) {
      return a;
    }
    // The engine fills dealer exposures by strike: strip them to test the "nothing to draw" path.
    DoubleArray none = DoubleArray.empty();
    return ChartFixtures.withDealer(
        a,
        Records.with(
            a.dealer(), "byStrike", new DealerExposuresByStrike(none, none, none, none)));
  }
}
