package io.gex.charts;

import static io.gex.charts.ChartFixtures.luminanceVariance;
import static org.assertj.core.api.Assertions.assertThat;

import io.gex.GexAnalysis;
import io.gex.analysis.GammaProfile;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every chart drawn from every bundled real snapshot (SPX, NDX and RUT of 2022-12-12, RUT of 2023-09-20):
 * each page has the size asked for and is not blank, the heatmap pages cover every expiry, the profile's
 * window holds spot and the zero gamma, and level labels never overlap. The images are left in {@code
 * target/chart-previews/<snapshot>/} for a look; a snapshot missing from the checkout is reported on the
 * console and skipped.
 */
class SnapshotChartsTest {

  private static final Path PREVIEWS = Path.of("target", "chart-previews");

  @Test
  void spxSnapshot_isTheExpectedChain() {
    GexAnalysis spx = ChartFixtures.spx();

    assertThat(spx.symbol()).isEqualTo("SPX");
    assertThat(spx.spot()).isEqualTo(3990.5601);
    assertThat(spx.exposures().byStrike().size()).isGreaterThan(200);
    assertThat(spx.exposures().byExpiry()).hasSizeGreaterThan(12);
  }

  @TestFactory
  Stream<DynamicTest> everySnapshot_everyChartPage_isDrawnAndReadable() {
    List<DynamicTest> tests = new ArrayList<>();
    for (String[] s : ChartFixtures.SNAPSHOTS) {
      Path file = Path.of(s[2]);
      tests.add(
          DynamicTest.dynamicTest(
              s[0],
              () -> {
                if (!Files.exists(file)) {
                  System.out.println("SnapshotChartsTest: skipping " + s[0] + ", no file " + file);
                  return;
                }
                check(s[0], ChartFixtures.snapshot(s[1], file));
              }));
    }
    return tests.stream();
  }

  private static void check(String name, GexAnalysis analysis) {
    GexCharts charts = GexCharts.builder().width(1100).height(650).build();
    for (ChartKind kind : ChartKind.values()) {
      List<BufferedImage> pages = charts.renderPages(kind, analysis);
      boolean expected =
          switch (kind) {
            case DEALER_EXPOSURES -> !analysis.dealer().byStrike().strikes().isEmpty();
            case OPEN_INTEREST -> analysis.pinRisk().openInterestByStrike().size() > 0;
            default -> true;
          };
      assertThat(pages.isEmpty()).as(name + " " + kind).isEqualTo(!expected);
      for (int p = 0; p < pages.size(); p++) {
        BufferedImage page = pages.get(p);
        assertThat(page.getWidth()).isEqualTo(1100);
        assertThat(page.getHeight()).isEqualTo(650);
        assertThat(luminanceVariance(page)).as(name + " " + kind + " page " + (p + 1)).isGreaterThan(200.0);
        GexCharts.writePng(page, PREVIEWS.resolve(name).resolve(kind.fileName(p + 1)));
      }
    }
    // Every expiry reachable: the pages hold them all.
    int expiries = analysis.exposures().heatmap().expiries().size();
    int perPage = charts.heatmapExpiries();
    int pages = expiries <= perPage ? 1 : 1 + (expiries - perPage + perPage - 1) / perPage;
    assertThat(charts.heatmapPages(analysis)).as(name + " heatmap pages").hasSize(pages);

    // The profile frames spot and the flip; the scoped profiles are there to draw beside it.
    LevelChart.Rendered profile = ProfileChart.render(analysis, charts);
    assertThat(profile.lineX()).containsKey("Spot");
    if (analysis.zeroGamma().isPresent()) {
      assertThat(profile.lineX()).containsKey("Zero gamma");
    }
    assertThat(analysis.profiles().all())
        .extracting(GammaProfile::scope)
        .contains(GammaProfile.Scope.EXCLUDING_NEXT_EXPIRY, GammaProfile.Scope.EXCLUDING_NEXT_MONTHLY);

    for (LevelChart.Rendered r :
        List.of(
            StrikeCharts.gexByStrike(analysis, charts),
            profile,
            StrikeCharts.openInterest(analysis, charts).orElse(profile))) {
      List<LevelChart.DrawnLabel> labels = r.labels();
      for (int i = 0; i < labels.size(); i++) {
        for (int j = i + 1; j < labels.size(); j++) {
          assertThat(labels.get(i).overlaps(labels.get(j)))
              .as(name + ": " + labels.get(i).text() + " / " + labels.get(j).text())
              .isFalse();
        }
      }
    }
  }
}
