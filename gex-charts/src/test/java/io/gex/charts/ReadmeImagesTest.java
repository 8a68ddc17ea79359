package io.gex.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.gex.GexAnalysis;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Regenerates the README pictures from the real SPX snapshot; skipped unless asked for, so the normal
 * build never rewrites files outside {@code target/}:
 *
 * <pre>
 * ./mvnw -pl gex-charts test -Dtest=ReadmeImagesTest -Dgex.readme.images=true
 * </pre>
 *
 * <p>It writes {@code docs/images/spx-gex-by-strike.png} (strikes within ±5% of spot) and {@code
 * docs/images/spx-gamma-profile.png}, both 1200 × 700, and a whole sample report into {@code
 * gex-charts/target/sample-report/index.html}.
 */
@EnabledIfSystemProperty(named = "gex.readme.images", matches = "true")
class ReadmeImagesTest {

  private static final Path IMAGES = Path.of("..", "docs", "images");
  private static final Path SAMPLE_REPORT = Path.of("target", "sample-report");

  @Test
  void writeReadmeImages_spxSnapshot() {
    GexAnalysis spx = ChartFixtures.spx();
    GexCharts charts = GexCharts.builder().width(1200).height(700).strikeWindow(0.05).build();

    Path byStrike = IMAGES.resolve("spx-gex-by-strike.png");
    Path profile = IMAGES.resolve("spx-gamma-profile.png");
    GexCharts.writePng(charts.gexByStrike(spx), byStrike);
    GexCharts.writePng(charts.gammaProfile(spx), profile);

    assertThat(byStrike).exists();
    assertThat(profile).exists();
    // A whole sample report beside the build output, for a look in a browser.
    ReportFiles report =
        GexReport.write(
            spx, List.of("Example alert: spot within 0.5% of zero gamma"), SAMPLE_REPORT);
    assertThat(report.index()).exists();
  }
}
