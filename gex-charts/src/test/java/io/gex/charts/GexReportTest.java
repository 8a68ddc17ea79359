package io.gex.charts;

import static io.gex.charts.ChartFixtures.luminanceVariance;
import static org.assertj.core.api.Assertions.assertThat;

import io.gex.GexAnalysis;
import io.gex.analysis.DealerExposuresByStrike;
import io.gex.analysis.DoubleArray;
import io.gex.analysis.ExpiryGex;
import io.gex.analysis.ExpiryPinRisk;
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
 * The HTML report of the real SPX snapshot: every PNG page written and referenced, every section of the
 * text output present (headline, gamma state, conventions, alerts, top strikes, one row per expiry,
 * skipped contracts), the page offline and escaped, and the headline table checked against a golden copy.
 *
 * <p>The golden file is {@code src/test/resources/golden/spx-2022-12-12-headline.html}. The engine's
 * numbers (IV source, zero crossings, max pain) change it; after such a change regenerate it and review
 * the diff:
 *
 * <pre>
 * ./mvnw -B -ntp -q -pl gex-charts -am test -Dtest=GexReportTest -Dsurefire.failIfNoSpecifiedTests=false -Dgex.golden.update=true
 * git diff gex-charts/src/test/resources/golden/
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
  void write_spxSnapshot_writesEveryChartPageAndAnIndexReferencingEach(@TempDir Path dir)
      throws IOException {
    GexAnalysis analysis = ChartFixtures.withDealerByStrike(spx);

    ReportFiles files = GexReport.write(analysis, List.of("Spot below zero gamma"), dir);

    assertThat(files.index()).isEqualTo(dir.resolve("index.html")).exists();
    assertThat(files.images().keySet()).containsExactly(ChartKind.values());
    // 12 expiries a page: SPX's 50 analysed expiries (IV otm prices the LEAPS too) make 5 pages.
    int pages = (analysis.exposures().byExpiry().size() + 11) / 12;
    assertThat(analysis.exposures().byExpiry()).hasSize(50);
    assertThat(files.pages().get(ChartKind.HEATMAP)).hasSize(pages);
    assertThat(files.all()).hasSize(5 + pages).endsWith(files.index());
    String html = Files.readString(files.index(), StandardCharsets.UTF_8);
    List<String> sources = imageSources(html);
    assertThat(sources)
        .containsExactly(
            "gex-by-strike.png",
            "gamma-profile.png",
            "open-interest.png",
            "gex-heatmap.png",
            "gex-heatmap-2.png",
            "gex-heatmap-3.png",
            "gex-heatmap-4.png",
            "gex-heatmap-5.png",
            "dealer-exposures.png");
    for (Map.Entry<ChartKind, List<Path>> e : files.pages().entrySet()) {
      for (int i = 0; i < e.getValue().size(); i++) {
        Path page = e.getValue().get(i);
        assertThat(page).isEqualTo(dir.resolve(e.getKey().fileName(i + 1))).exists();
        BufferedImage png = ImageIO.read(page.toFile());
        assertThat(png.getWidth()).isEqualTo(GexCharts.DEFAULT_WIDTH);
        assertThat(png.getHeight()).isEqualTo(GexCharts.DEFAULT_HEIGHT);
        assertThat(luminanceVariance(png)).isGreaterThan(200.0);
      }
    }
    assertThat(html)
        .contains(GexReport.headlineTable(analysis))
        .contains("<li>Spot below zero gamma</li>")
        .contains("<title>SPX gamma exposure report, 2022-12-12 20:30 EST</title>");
  }

  @Test
  void html_spxSnapshot_carriesEverySectionOfTheTextOutput(@TempDir Path dir) throws IOException {
    ReportFiles files = GexReport.write(spx, List.of(), dir);
    String html = Files.readString(files.index(), StandardCharsets.UTF_8);

    // One vocabulary: the core's gamma state and conventions, never a wording of our own.
    assertThat(html)
        .contains("Gamma state: " + GexReport.escape(spx.gammaState()) + "</p>")
        .contains(" &middot; " + spx.settings().describe() + "</p>")
        .contains("r 0.00%, q 0.00%, IV ")
        .doesNotContain("dealers short gamma: hedging amplifies moves");
    for (String id :
        List.of("id=\"headline\"", "id=\"alerts\"", "id=\"top-strikes\"", "id=\"expiries\"")) {
      assertThat(html).contains(id);
    }
    assertThat(html).contains(spx.contractsSkipped() > 0 ? "id=\"skipped\"" : "No contract was skipped.");
    for (String label :
        List.of(
            "Conventions", "Gamma state", "Max pain", "Pin risk", "Hedge flow",
            "Delta exposure", "Zero delta", "Contracts")) {
      assertThat(html).contains("<th scope=\"row\">" + label + "</th>");
    }
    // One row per expiry, with DTE, GEX, open interest, max pain and expected move.
    String expiries = section(html, "id=\"expiries\"");
    assertThat(count(expiries, "<tr><td>")).isEqualTo(spx.exposures().byExpiry().size());
    ExpiryGex first = spx.exposures().byExpiry().get(0);
    ExpiryPinRisk pin = spx.pinRisk().expiries().get(0);
    assertThat(pin.expiry()).isEqualTo(first.expiry());
    assertThat(expiries)
        .contains(
            "<tr><td>" + first.expiry() + "</td><td>" + first.daysToExpiry() + "</td>"
                + "<td class=\"" + (first.callGex() > 0 ? "pos" : "neg") + "\">"
                + Formats.billions(first.callGex()) + "</td>")
        .contains(String.format(java.util.Locale.ROOT, "<td>%,d</td><td>%s</td><td>&plusmn;%,.2f",
            first.openInterest(), Formats.level(pin.maxPain()), pin.expectedMove()));
    // The top strikes by |net GEX| within the strike window (±10% of spot), largest first: gex analyze's
    // table (3,500, 12% below spot, with a larger |net| than 3,850, is not in it).
    assertThat(html).contains("Top 10 strikes by |net GEX| within &plusmn;10% of spot ($bn per 1% move)");
    String top = section(html, "id=\"top-strikes\"");
    assertThat(count(top, "<tr><td>")).isEqualTo(10);
    double spot = spx.spot();
    List<Integer> order =
        java.util.Arrays.stream(spx.exposures().byStrike().largestNet(10, spot, 0.10)).boxed().toList();
    assertThat(order)
        .extracting(i -> spx.exposures().byStrike().strikes().get(i))
        .containsExactly(4100.0, 4200.0, 3800.0, 4150.0, 3600.0, 3700.0, 3900.0, 4050.0, 4175.0, 3850.0);
    double previous = Double.POSITIVE_INFINITY;
    for (int i : order) {
      double net = Math.abs(spx.exposures().byStrike().netGex().get(i));
      assertThat(net).isLessThanOrEqualTo(previous);
      previous = net;
    }
    for (int i = 0; i < spx.exposures().byStrike().size(); i++) {
      double strike = spx.exposures().byStrike().strikes().get(i);
      if (!order.contains(i) && Math.abs(strike / spot - 1) <= 0.10) {
        assertThat(Math.abs(spx.exposures().byStrike().netGex().get(i))).isLessThanOrEqualTo(previous);
      }
    }
    assertThat(top).doesNotContain("<tr><td>3,500</td>");
    assertThat(top).contains("<tr><td>" + Formats.level(spx.exposures().byStrike().strikes().get(order.get(0))) + "</td>");
  }

  private static String section(String html, String id) {
    int from = html.indexOf(id);
    assertThat(from).as(id).isGreaterThanOrEqualTo(0);
    return html.substring(from, html.indexOf("</table>", from));
  }

  private static int count(String text, String what) {
    int n = 0;
    for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void write_intoAFileOrBelowOne_saysWhyTheDirectoryCannotBeMade(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("report.txt"), "not a directory");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> GexReport.write(spx, List.of(), file))
        .isInstanceOf(GexChartException.class)
        .hasMessage("could not create report directory " + file + ": a file of that name exists");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> GexReport.write(spx, List.of(), file.resolve("charts")))
        .isInstanceOf(GexChartException.class)
        .hasMessageStartingWith("could not create report directory " + file.resolve("charts") + ": ")
        .hasMessageContaining(file.toString());
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
        .containsExactly(
            ChartKind.GEX_BY_STRIKE, ChartKind.GAMMA_PROFILE, ChartKind.OPEN_INTEREST, ChartKind.HEATMAP);
    assertThat(dir.resolve("dealer-exposures.png")).doesNotExist();
    String html = Files.readString(files.index(), StandardCharsets.UTF_8);
    int heatmapPages = (analysis.exposures().byExpiry().size() + 11) / 12;
    assertThat(imageSources(html)).hasSize(3 + heatmapPages).doesNotContain("dealer-exposures.png");
    assertThat(html)
        .contains("<h2>Dealer exposures by strike</h2>\n<p class=\"none\">Not available for this analysis.</p>");
  }

  @Test
  void headlineTable_spxSnapshot_matchesGolden() throws IOException {
    String actual = GexReport.headlineTable(spx);

    if (Boolean.getBoolean("gex.golden.update")) {
      Files.createDirectories(GOLDEN.getParent());
      Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
      System.out.println("GexReportTest: rewrote " + GOLDEN.toAbsolutePath() + "; review its diff");
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
            "Conventions",
            "Total GEX",
            "Gamma state",
            "Zero gamma",
            "Strike zero gamma",
            "Call wall",
            "Put wall",
            "Absolute gamma strike",
            "Max pain",
            "Pin risk",
            "Hedge flow",
            "Delta exposure",
            "Zero delta",
            "Contracts",
            "IV repairs");
    assertThat(rows)
        .containsEntry("Symbol", "SPX")
        .containsEntry("Spot", "3,990.56")
        .containsEntry("Valuation time", "2022-12-12 20:30 EST")
        .containsEntry("Call wall", Formats.level(spx.callWall().orElseThrow()))
        .containsEntry("Put wall", Formats.level(spx.putWall().orElseThrow()))
        .containsEntry("Conventions", spx.settings().describe())
        .containsEntry("Gamma state", spx.gammaState());
    // The figures below move when the engine's numbers do (IV source, crossings): they are read from the
    // analysis, so only the formatting is pinned here; the golden file pins today's values.
    assertThat(rows.get("Zero gamma"))
        .startsWith(Formats.level(spx.zeroGamma().orElseThrow()) + " (")
        .endsWith(" in the profile)");
    assertThat(rows.get("Total GEX"))
        .isEqualTo(
            Formats.billions(spx.totalGex()) + " $bn per 1% move (calls "
                + Formats.billions(spx.exposures().callGex()) + ", puts " + Formats.billions(spx.exposures().putGex()) + ")")
        .startsWith(String.format(java.util.Locale.ROOT, "%+.2f ", spx.totalGex() / 1e9));
    assertThat(rows.get("Contracts"))
        .startsWith(String.format(java.util.Locale.ROOT, "%,d used, %,d skipped", spx.coverage().contractsUsed(),
            spx.contractsSkipped()));
    assertThat(rows.get("Pin risk")).startsWith("score ").contains(" of 100 at strike ");
  }

  @Test
  void headline_underAFlowModel_namesTheModelAndItsTapeAfterTheConventions() {
    io.gex.positions.PositionProvenance flow =
        new io.gex.positions.PositionProvenance(
            "flow", 41_250, 39_804, 1_201, 245, 12, 0.184, 0, List.of(), 3, 0);
    GexAnalysis withFlow = Records.with(spx, "provenance.positions", flow);
    List<String> labels =
        GexReport.headline(withFlow).stream().map(HeadlineRow::label).collect(Collectors.toList());
    assertThat(labels.subList(3, 5)).containsExactly("Conventions", "Positions");
    assertThat(GexReport.headline(withFlow))
        .contains(
            new HeadlineRow(
                "Positions",
                "flow: 41,250 trades, 39,804 classified, 1,446 left out (1,201 unclassified, 245 stale"
                    + " quote), 12 outside the chain; flow is 18.4% of gross GEX; 3 contracts' net flow"
                    + " above 5x open interest"));
    // Plain open interest, as the SPX snapshot is analysed, needs no row.
    assertThat(GexReport.headline(spx)).extracting(HeadlineRow::label).doesNotContain("Positions");
  }

  @Test
  void headline_missingLevelsAndPinRisk_readNoneAndNa() {
    GexAnalysis bare = ChartFixtures.withZeroGamma(spx, OptionalDouble.empty());
    for (String level : List.of("strikeZeroGamma", "callWall", "putWall", "absGammaStrike")) {
      bare = Records.with(bare, "exposures." + level, OptionalDouble.empty());
    }
    bare = Records.with(bare, "pinRisk", PinRiskAnalysis.EMPTY);

    Map<String, String> rows =
        GexReport.headline(bare).stream()
            .collect(Collectors.toMap(HeadlineRow::label, HeadlineRow::value));

    assertThat(rows)
        .containsEntry("Zero gamma", "none in the profile range")
        .containsEntry("Strike zero gamma", "none (cumulative net GEX by strike does not change sign)")
        .containsEntry("Call wall", "none")
        .containsEntry("Put wall", "none")
        .containsEntry("Absolute gamma strike", "none")
        .containsEntry("Max pain", "n/a (no pin-risk data)")
        .containsEntry("Pin risk", "n/a");
  }

  @Test
  void html_alertLinesAndSymbol_areEscaped(@TempDir Path dir) throws IOException {
    GexAnalysis analysis = Records.with(spx, "provenance.symbol", "S&P <500>");

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
