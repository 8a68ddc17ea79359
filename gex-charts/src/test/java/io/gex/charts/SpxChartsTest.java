package io.gex.charts;

import static io.gex.charts.ChartFixtures.luminanceVariance;
import static org.assertj.core.api.Assertions.assertThat;

import io.gex.GexAnalysis;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every chart drawn from the real SPX snapshot of 2022-12-12 (spot 3990.56): the PNG exists, has the size
 * asked for and is not blank. The images are left in {@code target/chart-previews/spx/} for a look.
 */
class SpxChartsTest {

  private static final Path PREVIEWS = Path.of("target", "chart-previews", "spx");

  private static GexAnalysis spx;

  @BeforeAll
  static void analyse() {
    spx = ChartFixtures.spx();
  }

  @Test
  void spxSnapshot_isTheExpectedChain() {
    assertThat(spx.symbol()).isEqualTo("SPX");
    assertThat(spx.spot()).isEqualTo(3990.5601);
    assertThat(spx.byStrike().size()).isGreaterThan(200);
    assertThat(spx.byExpiry()).hasSizeGreaterThan(12);
  }

  @ParameterizedTest
  @EnumSource(ChartKind.class)
  void writePng_spxSnapshot_fileHasRequestedSizeAndIsNotBlank(ChartKind kind, @TempDir Path dir)
      throws IOException {
    GexCharts charts = GexCharts.builder().width(1100).height(650).build();
    // Dealer exposures by strike are drawn only when the engine provides them.
    boolean expected =
        kind != ChartKind.DEALER_EXPOSURES || !spx.dealer().byStrike().strikes().isEmpty();

    Optional<Path> written = charts.writePng(kind, spx, dir.resolve(kind.fileName()));

    assertThat(written.isPresent()).isEqualTo(expected);
    if (written.isPresent()) {
      assertThat(written.get()).exists();
      BufferedImage png = ImageIO.read(written.get().toFile());
      assertThat(png.getWidth()).isEqualTo(1100);
      assertThat(png.getHeight()).isEqualTo(650);
      assertThat(luminanceVariance(png)).isGreaterThan(200.0);
      GexCharts.writePng(png, PREVIEWS.resolve(kind.fileName()));
    }
  }

  @Test
  void dealerExposures_spxWithDealerByStrike_isDrawn() {
    BufferedImage image =
        GexCharts.defaults().dealerExposures(ChartFixtures.withDealerByStrike(spx)).orElseThrow();

    assertThat(image.getWidth()).isEqualTo(GexCharts.DEFAULT_WIDTH);
    assertThat(image.getHeight()).isEqualTo(GexCharts.DEFAULT_HEIGHT);
    assertThat(luminanceVariance(image)).isGreaterThan(200.0);
  }
}
