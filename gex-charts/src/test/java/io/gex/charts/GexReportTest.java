package io.gex.charts;

import static io.gex.charts.ChartFixtures.luminanceVariance;
import static org.assertj.core.api.Assertions.assertThat;

import io.gex.GexAnalysis;
import io.gex.analysis.DealerExposuresByStrike;
import io.gex.analysis.DoubleArray;
import io.gex.analysis.PinRiskAnalysis;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report of the real SPX snapshot: every PNG written and referenced, the page offline and
 * escaped, and the headline table checked against a golden copy.
 *
 * <p>The golden file is {@code src/test/resources/golden/spx-2022-12-12-headline.html}. When a deliberate
 * change to the engine or the formatting alters it, regenerate it and review the diff:
 *
 * <pre>
 * ./mvnw -pl gex-charts test -Dtest=GexReportTest -Dgex.golden.update=true
 * </pre>
 */
class GexReportTest {

  private static final Path GOLDEN =
      Path.of("src", "test", "resources", "golden", "spx-2022-12-12-headline.html");
  private static final Pattern IMG_SRC = Pattern.compile("<img src=\"([^\"]+)\"");

  private static GexAnalysis spx;

  @BeforeAll
  static void analyse() {
    spx = ChartFixtures.spx();
  }

  @Test
  void write_spxSnapshot_writesEveryChartAndAnIndexReferencingEach(@TempDir Path dir)
      throws IOException {
    GexAnalysis analysis = ChartFixtures.withDealerByStrike(spx);

    ReportFiles files = GexReport.write(analysis, List.of("Spot below zero gamma"), dir);

    assertThat(files.index()).isEqualTo(dir.resolve("index.html")).exists();
    assertThat(files.images().keySet()).containsExactly(ChartKind.values());
    assertThat(files.all()).hasSize(5).endsWith(files.index());
    String html = Files.readString(files.index(), StandardCharsets.UTF_8);
    List<String> sources = imageSources(html);
    assertThat(sources)
        .containsExactly(
            "gex-by-strike.png", "gamma-profile.png", "gex-heatmap.png", "dealer-exposures.png");
    for (Map.Entry<ChartKind, Path> e : files.images().entrySet()) {
      assertThat(e.getValue()).isEqualTo(dir.resolve(e.getKey().fileName())).exists();
      BufferedImage png = ImageIO.read(e.getValue().toFile());
      assertThat(png.getWidth()).isEqualTo(GexCharts.DEFAULT_WIDTH);
      assertThat(png.getHeight()).isEqualTo(GexCharts.DEFAULT_HEIGHT);
      assertThat(luminanceVariance(png)).isGreaterThan(200.0);
    }
    assertThat(html)
        .contains(GexReport.headlineTable(analysis))
        .contains("<li>Spot below zero gamma</li>")
        .contains("<title>SPX gamma exposure report, 2022-12-12 20:30 EST</title>");
  }

  @Test
  void write_spxSnapshot_pageWorksOffline(@TempDir Path dir) throws IOException {
    ReportFiles files = GexReport.of(GexCharts.builder().width(600).height(400).build())
        .writeTo(spx, List.of(), dir);

    String html = Files.readString(files.index(), StandardCharsets.UTF_8);
    // Relative links to files beside the page; no script, stylesheet, font or image from elsewhere.
    assertThat(html).doesNotContain("http://", "https://", "<script", "<link", "@import", "url(");
    for (String src : imageSources(html)) {
      assertThat(src).doesNotContain("/");
      assertThat(dir.resolve(src)).exists();
    }
    assertThat(html).contains("width=\"600\" height=\"400\"").contains("<p class=\"none\">No alerts.</p>");
  }

  @Test
  void write_noDealerByStrike_omitsDealerImageAndSaysSo(@TempDir Path dir) throws IOException {
    DoubleArray none = DoubleArray.empty();
    GexAnalysis analysis =
        ChartFixtures.withDealer(
            spx,
            Records.with(spx.dealer(), "byStrike", new DealerExposuresByStrike(none, none, none, none)));

    ReportFiles files = GexReport.write(analysis, List.of(), dir);

    assertThat(files.images().keySet())
        .containsExactly(ChartKind.GEX_BY_STRIKE, ChartKind.GAMMA_PROFILE, ChartKind.HEATMAP);
    assertThat(dir.resolve("dealer-exposures.png")).doesNotExist();
    String html = Files.readString(files.index(), StandardCharsets.UTF_8);
    assertThat(imageSources(html)).hasSize(3).doesNotContain("dealer-exposures.png");
    assertThat(html)
        .contains("<h2>Dealer exposures by strike</h2>\n<p class=\"none\">Not available for this analysis.</p>");
  }

  @Test
  void headlineTable_spxSnapshot_matchesGolden() throws IOException {
    String actual = GexReport.headlineTable(spx);

    if (Boolean.getBoolean("gex.golden.update")) {
      Files.createDirectories(GOLDEN.getParent());
      Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
    }
    assertThat(GOLDEN).exists();
    assertThat(actual).isEqualTo(Files.readString(GOLDEN, StandardCharsets.UTF_8));
  }

  @Test
  void headline_spxSnapshot_showsTheAnalysisLevels() {
    Map<String, String> rows =
        GexReport.headline(spx).stream()
            .collect(Collectors.toMap(HeadlineRow::label, HeadlineRow::value));

    assertThat(GexReport.headline(spx))
        .extracting(HeadlineRow::label)
        .containsExactly(
            "Symbol",
            "Spot",
            "Valuation time",
            "Total GEX",
            "Regime",
            "Zero gamma",
            "Strike zero gamma",
            "Call wall",
            "Put wall",
            "Absolute gamma strike",
            "Max pain",
            "Contracts");
    assertThat(rows)
        .containsEntry("Symbol", "SPX")
        .containsEntry("Spot", "3,990.56")
        .containsEntry("Valuation time", "2022-12-12 20:30 EST")
        .containsEntry("Call wall", "4,000")
        .containsEntry("Put wall", "3,950")
        .containsEntry("Zero gamma", "4,004.64 (+0.35% from spot)");
    assertThat(rows.get("Total GEX"))
        .isEqualTo("-2.77 $bn per 1% move (calls +81.95, puts -84.71)")
        .startsWith(String.format(java.util.Locale.ROOT, "%+.2f ", spx.totalGex() / 1e9));
    // Spot is below the flip: dealers are short gamma.
    assertThat(rows.get("Regime")).startsWith("Negative gamma");
  }

  @Test
  void headline_missingLevelsAndPinRisk_readNoneAndNa() {
    GexAnalysis bare = spx;
    for (String level : List.of("zeroGamma", "strikeZeroGamma", "callWall", "putWall", "absGammaStrike")) {
      bare = Records.with(bare, level, OptionalDouble.empty());
    }
    bare = Records.with(bare, "pinRisk", PinRiskAnalysis.EMPTY);

    Map<String, String> rows =
        GexReport.headline(bare).stream()
            .collect(Collectors.toMap(HeadlineRow::label, HeadlineRow::value));

    assertThat(rows)
        .containsEntry("Zero gamma", "none in the profile range")
        .containsEntry("Strike zero gamma", "none")
        .containsEntry("Call wall", "none")
        .containsEntry("Put wall", "none")
        .containsEntry("Absolute gamma strike", "none")
        .containsEntry("Max pain", "n/a (no pin-risk data)");
  }

  @Test
  void html_alertLinesAndSymbol_areEscaped(@TempDir Path dir) throws IOException {
    GexAnalysis analysis = Records.with(spx, "symbol", "S&P <500>");

    ReportFiles files =
        GexReport.write(analysis, List.of("<script>alert('x')</script> & \"more\""), dir);

    String html = Files.readString(files.index(), StandardCharsets.UTF_8);
    assertThat(html)
        .contains("<li>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot;</li>")
        .contains("<h1>S&amp;P &lt;500&gt; gamma exposure</h1>")
        .contains("<tr><th scope=\"row\">Symbol</th><td>S&amp;P &lt;500&gt;</td></tr>")
        .doesNotContain("<script>", "<500>");
  }

  @Test
  void escape_theFiveSignificantCharacters() {
    assertThat(GexReport.escape("a&b<c>d\"e'f")).isEqualTo("a&amp;b&lt;c&gt;d&quot;e&#39;f");
    assertThat(GexReport.escape("plain 3,990.56 $bn per 1%")).isEqualTo("plain 3,990.56 $bn per 1%");
  }

  private static List<String> imageSources(String html) {
    Matcher m = IMG_SRC.matcher(html);
    List<String> sources = new java.util.ArrayList<>();
    while (m.find()) {
      sources.add(m.group(1));
    }
    return sources;
  }
}
