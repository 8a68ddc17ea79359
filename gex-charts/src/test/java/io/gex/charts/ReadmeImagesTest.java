package io.gex.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.gex.GexAnalysis;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/**
 * Regenerates the README pictures from the real SPX snapshot; skipped unless asked for, so the normal
 * build never rewrites files outside {@code target/}:
 *
 * <pre>
 * ./mvnw -B -ntp -q -pl gex-charts -am test -Dtest=ReadmeImagesTest -Dsurefire.failIfNoSpecifiedTests=false -Dgex.readme.images=true
 * </pre>
 *
 * <p>It writes {@code docs/images/spx-gex-by-strike.png} (strikes within ±5% of spot), {@code
 * spx-gamma-profile.png}, {@code spx-open-interest.png} (±5%) and {@code spx-heatmap.png} (page 1), all
 * 1200 × 700, and a whole sample report into {@code gex-charts/target/sample-report/index.html}.
 */
class ReadmeImagesTest {

  /** Runs only when asked, and says so on the console otherwise (a silent skip would hide it). */
  @BeforeAll
  static void onlyWhenAsked() {
    boolean asked = Boolean.getBoolean("gex.readme.images");
    if (!asked) {
      System.out.println(
          "SKIPPED ReadmeImagesTest: rewrites the README's pictures only when asked (-Dgex.readme.images=true)");
    }
    Assumptions.assumeTrue(asked, "rewrites the README's pictures only with -Dgex.readme.images=true");
  }

  private static final Path IMAGES = Path.of("..", "docs", "images");
  private static final Path SAMPLE_REPORT = Path.of("target", "sample-report");

  @Test
  void writeReadmeImages_spxSnapshot() {
    GexAnalysis spx = ChartFixtures.spx();
    GexCharts charts = GexCharts.builder().width(1200).height(700).build();
    GexCharts narrow = charts.toBuilder().strikeWindow(0.05).build();

    List<Path> written =
        List.of(
            IMAGES.resolve("spx-gex-by-strike.png"),
            IMAGES.resolve("spx-gamma-profile.png"),
            IMAGES.resolve("spx-open-interest.png"),
            IMAGES.resolve("spx-heatmap.png"));
    GexCharts.writePng(narrow.gexByStrike(spx), written.get(0));
    GexCharts.writePng(charts.gammaProfile(spx), written.get(1));
    GexCharts.writePng(narrow.openInterest(spx).orElseThrow(), written.get(2));
    GexCharts.writePng(charts.heatmap(spx), written.get(3));

    for (Path p : written) {
      assertThat(p).exists();
    }
    // A whole sample report beside the build output, for a look in a browser.
    ReportFiles report =
        GexReport.write(
            spx, List.of("Example alert: spot within 0.5% of zero gamma"), SAMPLE_REPORT);
    assertThat(report.index()).exists();
  }
}
