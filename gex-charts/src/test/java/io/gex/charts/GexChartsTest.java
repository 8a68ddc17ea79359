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
  void gexByStrike_syntheticChain_callsBluePutsOrange_netGreenAboveSpotRedBelow() {
    LevelChart.Rendered r = StrikeCharts.gexByStrike(analysis, GexCharts.defaults());
    BufferedImage image = r.image();

    assertThat(image.getWidth()).isEqualTo(1200);
    assertThat(image.getHeight()).isEqualTo(700);
    // Tens of thousands of bar pixels of each hue, not just legend swatches (a swatch is ~200).
    assertThat(dominantPixels(image, 'b')).as("call bars").isGreaterThan(5_000);
    assertThat(dominantPixels(image, 'o')).as("put bars").isGreaterThan(5_000);
    assertThat(dominantPixels(image, 'g')).as("net > 0 bars").isGreaterThan(1_000);
    assertThat(dominantPixels(image, 'r')).as("net < 0 bars").isGreaterThan(1_000);
    // Call open interest piles up above spot, put open interest below: net is green right of the spot
    // line and red left of it (in the plot; the legend below it is left out).
    int spotX = r.line("Spot");
    assertThat(ChartFixtures.meanX(image, 'g', r.plotTop(), r.plotBottom())).isGreaterThan(spotX);
    assertThat(ChartFixtures.meanX(image, 'r', r.plotTop(), r.plotBottom())).isLessThan(spotX);
  }

  @Test
  void gexByStrike_callWallLine_isDrawnOverItsOwnBar() {
    LevelChart.Rendered r = StrikeCharts.gexByStrike(analysis, GexCharts.defaults());
    int x = r.line("Call wall");

    // Rows where the bar at the call wall is drawn (a saturated pixel beside the line): the dotted line
    // must show on a good share of them (a 3-on 3-off dotted line, antialiased: about a third), so the bar
    // is under the line, not over it (then the share would be 0).
    int barRows = 0;
    int lineOnBar = 0;
    for (int y = r.plotTop(); y < r.plotBottom(); y++) {
      int beside = r.image().getRGB(x + 4, y);
      int max = Math.max((beside >> 16) & 0xff, Math.max((beside >> 8) & 0xff, beside & 0xff));
      int min = Math.min((beside >> 16) & 0xff, Math.min((beside >> 8) & 0xff, beside & 0xff));
      if (max - min > 40) {
        barRows++;
        if (ChartFixtures.near(r.image().getRGB(x, y), Palette.CALL_WALL, 60)) {
          lineOnBar++;
        }
      }
    }
    assertThat(barRows).as("the call wall has a bar").isGreaterThan(50);
    assertThat(lineOnBar).isGreaterThan(barRows / 5);
  }

  @Test
  void levelLabels_syntheticAndCloseLevels_neverOverlap_andStayInTheImage() {
    // Spot, call wall, put wall and zero gamma within a few points of each other.
    GexAnalysis close =
        Records.with(
            Records.with(
                ChartFixtures.withZeroGamma(analysis, java.util.OptionalDouble.of(4001.0)),
                "exposures.callWall",
                java.util.OptionalDouble.of(4005.0)),
            "exposures.putWall",
            java.util.OptionalDouble.of(3995.0));

    for (GexAnalysis a : List.of(analysis, close)) {
      List<LevelChart.DrawnLabel> labels =
          StrikeCharts.gexByStrike(a, GexCharts.defaults()).labels();
      assertThat(labels).hasSize(4);
      for (int i = 0; i < labels.size(); i++) {
        LevelChart.DrawnLabel l = labels.get(i);
        assertThat(l.left()).isGreaterThanOrEqualTo(0);
        assertThat(l.left() + l.width()).isLessThanOrEqualTo(1200);
        assertThat(l.top()).isGreaterThanOrEqualTo(LevelChart.TITLE_HEIGHT - 2);
        for (int j = i + 1; j < labels.size(); j++) {
          assertThat(l.overlaps(labels.get(j))).as(l.text() + " / " + labels.get(j).text()).isFalse();
        }
      }
    }
  }

  @Test
  void openInterest_syntheticChain_callsBlueUpPutsOrangeDown() {
    BufferedImage image = GexCharts.defaults().openInterest(analysis).orElseThrow();

    assertThat(dominantPixels(image, 'b')).isGreaterThan(5_000);
    assertThat(dominantPixels(image, 'o')).isGreaterThan(5_000);
    assertThat(meanY(image, 'b')).isLessThan(meanY(image, 'o'));
  }

  @Test
  void openInterest_noOpenInterestByStrike_drawsNothing() {
    GexAnalysis none =
        Records.with(
            analysis,
            "pinRisk",
            new io.gex.analysis.PinRiskAnalysis(
                analysis.pinRisk().expiries(), analysis.pinRisk().topStrikes()));

    assertThat(GexCharts.defaults().openInterest(none)).isEmpty();
    assertThat(GexCharts.defaults().renderPages(ChartKind.OPEN_INTEREST, none)).isEmpty();
  }

  @Test
  void heatmap_syntheticChain_greenPositiveAboveSpot_redNegativeBelow() {
    BufferedImage image = GexCharts.defaults().heatmap(analysis);

    // Each row's largest |net| is negative (puts below spot): those cells are full red; the positive side
    // is a lighter green, so green is counted as any clear green tint ('G').
    assertThat(dominantPixels(image, 'r')).isGreaterThan(5_000);
    assertThat(dominantPixels(image, 'G')).isGreaterThan(20_000);
    assertThat(ChartFixtures.meanX(image, 'G', 100, 640))
        .isGreaterThan(600)
        .isGreaterThan(ChartFixtures.meanX(image, 'r', 100, 640));
  }

  @Test
  void heatmapPages_fiveExpiriesTwoAPage_threePagesOfTheRequestedSize() {
    GexCharts charts = GexCharts.builder().width(700).height(400).heatmapExpiries(2).build();

    List<BufferedImage> pages = charts.heatmapPages(analysis);

    assertThat(pages).hasSize(3);
    for (BufferedImage page : pages) {
      assertThat(page.getWidth()).isEqualTo(700);
      assertThat(page.getHeight()).isEqualTo(400);
      assertThat(luminanceVariance(page)).isGreaterThan(200.0);
    }
    assertThat(charts.renderPages(ChartKind.HEATMAP, analysis)).hasSize(3);
    assertThat(charts.renderPages(ChartKind.GEX_BY_STRIKE, analysis)).hasSize(1);
  }

  @Test
  void gammaProfile_syntheticChain_windowFramesSpotAndZeroGamma_scopedProfilesInTheLegend() {
    LevelChart.Rendered r = ProfileChart.render(analysis, GexCharts.defaults());

    assertThat(analysis.zeroGamma()).isPresent();
    assertThat(r.lineX()).containsKeys("Spot", "Zero gamma");
    assertThat(analysis.profiles().all()).hasSize(3);
    assertThat(ProfileChart.scopeName(analysis.profile(io.gex.analysis.GammaProfile.Scope.EXCLUDING_NEXT_EXPIRY)))
        .startsWith("Ex next expiry (2022-12-16)");
  }

  private static double meanY(BufferedImage image, char channel) {
    double sum = 0;
    long n = 0;
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        if (ChartFixtures.isHue(image.getRGB(x, y), channel)) {
          sum += y;
          n++;
        }
      }
    }
    return sum / n;
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
            ChartFixtures.withZeroGamma(analysis, java.util.OptionalDouble.of(9_000.0)),
            "exposures.callWall",
            java.util.OptionalDouble.empty());

    BufferedImage image = GexCharts.defaults().gexByStrike(odd);

    assertThat(image.getWidth()).isEqualTo(1200);
    assertThat(luminanceVariance(image)).isGreaterThan(200.0);
  }

  @Test
  void window_tenPercentAroundSpot4000_keepsStrikes3600To4400() {
    GexCharts charts = GexCharts.builder().strikeWindow(0.10).build();

    int[] range = charts.window(analysis.exposures().byStrike().strikes(), analysis.spot());

    assertThat(analysis.exposures().byStrike().strikes().get(range[0])).isEqualTo(3600.0);
    assertThat(analysis.exposures().byStrike().strikes().get(range[1] - 1)).isEqualTo(4400.0);
    assertThat(range[1] - range[0]).isEqualTo(33);
  }

  @Test
  void window_noStrikeInside_fallsBackToAllStrikes() {
    GexCharts charts = GexCharts.builder().strikeWindow(0.001).build();

    int[] range = charts.window(analysis.exposures().byStrike().strikes(), 4010.0);

    assertThat(range).containsExactly(0, analysis.exposures().byStrike().size());
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
    assertThatThrownBy(() -> GexCharts.builder().profileWindow(0.001))
        .hasMessage("profileWindow must be in [0.01, 1], was 0.001");
  }

  @Test
  void toBuilder_roundTripsSettings() {
    GexCharts charts =
        GexCharts.builder()
            .width(640)
            .height(480)
            .strikeWindow(0.05)
            .profileWindow(0.2)
            .heatmapExpiries(3)
            .build();

    GexCharts copy = charts.toBuilder().build();

    assertThat(copy.width()).isEqualTo(640);
    assertThat(copy.height()).isEqualTo(480);
    assertThat(copy.strikeWindow()).isEqualTo(0.05);
    assertThat(copy.profileWindow()).isEqualTo(0.2);
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
