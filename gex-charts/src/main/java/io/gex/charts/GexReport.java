package io.gex.charts;

import io.gex.GexAnalysis;
import io.gex.analysis.DealerPositioning;
import io.gex.analysis.ExpiryPinRisk;
import io.gex.positions.PositionProvenance;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes the visual report of an analysis into a directory: one PNG per chart page ({@link
 * ChartKind#fileName(int)}) and an {@code index.html} carrying everything the text output carries, in the
 * same vocabulary: the conventions ({@link io.gex.settings.GexSettings#describe()}) and the gamma state ({@link
 * GexAnalysis#gammaState()}) under the title; the headline table (levels, max pain and pin risk, dealers,
 * hedge flow, delta / vanna / charm totals, zero delta, contracts used and skipped by reason); the alerts;
 * the top strikes by |net GEX| within the strike window; one row per expiry (DTE, call / put / net GEX,
 * open interest, max pain, expected move, pin score); the skipped contracts by reason; then the charts.
 *
 * <p>The page is readable offline: images are linked relatively, styles are inline, there is no script,
 * and every text from the analysis or the caller is HTML-escaped. Alerts are plain lines supplied by the
 * caller (for instance the messages of an alert engine); this module does not evaluate alerts itself.
 *
 * <pre>{@code
 * ReportFiles files = GexReport.write(analysis, List.of("Spot crossed below zero gamma"), Path.of("out"));
 * }</pre>
 *
 * <p>This class is immutable and thread-safe.
 */
public final class GexReport {

  /** The name of the HTML page written into the output directory. */
  public static final String INDEX_FILE = "index.html";

  private static final GexReport DEFAULTS = new GexReport(GexCharts.defaults());
  private static final DateTimeFormatter UTC_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private final GexCharts charts;

  private GexReport(GexCharts charts) {
    this.charts = charts;
  }

  /**
   * A report drawing its charts with the given settings (size, strike window, heatmap depth).
   *
   * @param charts the chart settings
   * @return the report writer
   */
  public static GexReport of(GexCharts charts) {
    return new GexReport(Objects.requireNonNull(charts, "charts"));
  }

  /** A report with {@link GexCharts#defaults()}. */
  public static GexReport defaults() {
    return DEFAULTS;
  }

  /** Why a file operation failed, in words: the exception's kind and the path it names. */
  static String reason(IOException e) {
    String kind =
        e instanceof java.nio.file.AccessDeniedException
            ? "permission denied"
            : e instanceof java.nio.file.FileAlreadyExistsException
                ? "a file is in the way"
                : e instanceof java.nio.file.NoSuchFileException
                    ? "no such file or directory"
                    : e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null
                        ? fse.getReason()
                        : e.getClass().getSimpleName();
    String file = e instanceof java.nio.file.FileSystemException fse ? fse.getFile() : null;
    return file == null ? kind : kind + " (" + file + ")";
  }

  /** The chart settings used. */
  public GexCharts charts() {
    return charts;
  }

  /**
   * Writes the report with default chart settings: the PNGs and {@code index.html} into {@code outDir}
   * (created if missing; files of the same name are replaced).
   *
   * @param analysis the analysis to report
   * @param alerts alert lines to list, plain text, in order (may be empty)
   * @param outDir the output directory
   * @return the files written
   * @throws GexChartException if a file cannot be written
   */
  public static ReportFiles write(GexAnalysis analysis, List<String> alerts, Path outDir) {
    return DEFAULTS.writeTo(analysis, alerts, outDir);
  }

  /**
   * Writes the report: the PNGs and {@code index.html} into {@code outDir} (created if missing; files of
   * the same name are replaced). Every heatmap page is written ({@code gex-heatmap.png}, {@code
   * gex-heatmap-2.png}, ...); the dealer-exposure chart only when the analysis has dealer exposures by
   * strike, the open-interest chart only when it has open interest by strike.
   *
   * @param analysis the analysis to report
   * @param alerts alert lines to list, plain text, in order (may be empty)
   * @param outDir the output directory
   * @return the files written
   * @throws GexChartException if a file cannot be written
   */
  public ReportFiles writeTo(GexAnalysis analysis, List<String> alerts, Path outDir) {
    Objects.requireNonNull(analysis, "analysis");
    List<String> lines = List.copyOf(alerts);
    Objects.requireNonNull(outDir, "outDir");
    if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
      throw new GexChartException(
          "could not create report directory " + outDir + ": a file of that name exists");
    }
    try {
      Files.createDirectories(outDir);
    } catch (IOException e) {
      throw new GexChartException(
          "could not create report directory " + outDir + ": " + reason(e), e);
    }
    Map<ChartKind, List<Path>> images = new EnumMap<>(ChartKind.class);
    for (ChartKind kind : ChartKind.values()) {
      List<BufferedImage> pages = charts.renderPages(kind, analysis);
      List<Path> files = new ArrayList<>();
      for (int i = 0; i < pages.size(); i++) {
        Path file = outDir.resolve(kind.fileName(i + 1));
        GexCharts.writePng(pages.get(i), file);
        files.add(file);
      }
      if (!files.isEmpty()) {
        images.put(kind, List.copyOf(files));
      }
    }
    Path index = outDir.resolve(INDEX_FILE);
    try {
      Files.writeString(index, html(analysis, lines, images), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new GexChartException("could not write " + index + ": " + e.getMessage(), e);
    }
    return new ReportFiles(index, images);
  }

  /**
   * The headline figures of an analysis as labelled, formatted rows, in the order the report shows them:
   * symbol, spot, valuation time, conventions ({@link io.gex.settings.GexSettings#describe()}), the position
   * model and its tape when positions are not plain open interest ({@link PositionProvenance#summary()}), total GEX ($bn per
   * 1% move, with the call and put parts), gamma state ({@link GexAnalysis#gammaState()}), zero gamma
   * (with its distance from spot and the number of crossings), strike zero gamma, call wall, put wall,
   * absolute gamma strike, max pain and pin risk (of the nearest expiry, from {@link
   * io.gex.analysis.PinRiskAnalysis#headline()}), dealers (position and hedging pressure), hedge flow for a
   * 1% move, delta exposure with the vanna and charm totals, zero delta, and the contracts used and
   * skipped by reason. A level the analysis does not have reads {@code none}; max pain and pin risk
   * without pin-risk data read {@code n/a}.
   *
   * @param analysis the analysis
   * @return the rows
   */
  public static List<HeadlineRow> headline(GexAnalysis analysis) {
    Objects.requireNonNull(analysis, "analysis");
    List<HeadlineRow> rows = new ArrayList<>();
    rows.add(new HeadlineRow("Symbol", analysis.symbol()));
    rows.add(new HeadlineRow("Spot", Formats.level(analysis.spot())));
    rows.add(new HeadlineRow("Valuation time", Formats.valuationTime(analysis)));
    rows.add(new HeadlineRow("Conventions", analysis.settings().describe()));
    if (!analysis.provenance().positions().equals(PositionProvenance.OPEN_INTEREST)) {
      // Dealer positions from another model than open interest (or with a tape): which, from what.
      rows.add(new HeadlineRow("Positions", analysis.provenance().positions().summary()));
    }
    rows.add(
        new HeadlineRow(
            "Total GEX",
            Formats.billions(analysis.totalGex())
                + " "
                + Formats.GEX_UNIT
                + " (calls "
                + Formats.billions(analysis.exposures().callGex())
                + ", puts "
                + Formats.billions(analysis.exposures().putGex())
                + ")"));
    rows.add(new HeadlineRow("Gamma state", analysis.gammaState()));
    String zeroGamma = "none in the profile range";
    if (analysis.zeroGamma().isPresent()) {
      int crossings = analysis.zeroGammaCrossings().size();
      zeroGamma =
          Formats.level(analysis.zeroGamma().getAsDouble())
              + " ("
              + Formats.percent(analysis.flipDistancePercent().orElse(0))
              + " from spot; "
              + crossings
              + (crossings == 1 ? " crossing" : " crossings")
              + " in the profile)";
    }
    rows.add(new HeadlineRow("Zero gamma", zeroGamma));
    rows.add(
        new HeadlineRow(
            "Strike zero gamma",
            Formats.level(
                analysis.exposures().strikeZeroGamma(),
                "none (cumulative net GEX by strike does not change sign)")));
    rows.add(new HeadlineRow("Call wall", Formats.level(analysis.callWall(), "none")));
    rows.add(new HeadlineRow("Put wall", Formats.level(analysis.putWall(), "none")));
    rows.add(
        new HeadlineRow("Absolute gamma strike", Formats.level(analysis.exposures().absGammaStrike(), "none")));
    Optional<ExpiryPinRisk> pin = analysis.pinRisk().headline();
    rows.add(
        new HeadlineRow(
            "Max pain",
            pin.map(
                    p ->
                        Formats.level(p.maxPain())
                            + " (expiry "
                            + p.expiry()
                            + ", "
                            + p.daysToExpiry()
                            + " DTE)")
                .orElse("n/a (no pin-risk data)")));
    rows.add(
        new HeadlineRow(
            "Pin risk",
            pin.map(
                    p ->
                        String.format(
                            Locale.ROOT,
                            "score %.1f of 100 at strike %s; expected move to expiry \u00b1%s",
                            p.score(),
                            Formats.level(p.pinStrike()),
                            Formats.level(Math.round(p.expectedMove() * 100) / 100.0)))
                .orElse("n/a")));
    DealerPositioning d = analysis.dealer();
    rows.add(new HeadlineRow("Hedge flow", analysis.hedgeFlow()));
    rows.add(
        new HeadlineRow(
            "Delta exposure",
            Formats.billions(d.deltaExposure())
                + " $bn (vanna "
                + Formats.billions(d.vannaExposure())
                + " $bn per vol point, charm "
                + Formats.billions(d.charmExposure())
                + " $bn per day)"));
    rows.add(new HeadlineRow("Zero delta", Formats.level(d.zeroDelta(), "none")));
    rows.add(new HeadlineRow("Contracts", analysis.contractsSummary()));
    rows.add(new HeadlineRow("IV repairs", analysis.ivRepairsSummary()));
    return List.copyOf(rows);
  }

  /** The headline table as an HTML fragment (what the golden test compares). */
  static String headlineTable(GexAnalysis analysis) {
    StringBuilder sb = new StringBuilder();
    sb.append("<table class=\"headline\">\n  <tbody>\n");
    for (HeadlineRow row : headline(analysis)) {
      sb.append("    <tr><th scope=\"row\">")
          .append(escape(row.label()))
          .append("</th><td>")
          .append(escape(row.value()))
          .append("</td></tr>\n");
    }
    sb.append("  </tbody>\n</table>\n");
    return sb.toString();
  }

  /** The whole page, linking the given images relatively by file name. */
  String html(GexAnalysis analysis, List<String> alerts, Map<ChartKind, List<Path>> images) {
    String symbol = escape(analysis.symbol());
    StringBuilder sb = new StringBuilder(16384);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(symbol)
        .append(" gamma exposure report, ")
        .append(escape(Formats.valuationTime(analysis)))
        .append("</title>\n<style>\n")
        .append(CSS)
        .append("</style>\n</head>\n<body>\n<main>\n")
        .append("<h1>")
        .append(symbol)
        .append(" gamma exposure</h1>\n<p class=\"sub\">Spot ")
        .append(escape(Formats.level(analysis.spot())))
        .append(" &middot; valued ")
        .append(escape(Formats.valuationTime(analysis)))
        .append(" &middot; exposures in ")
        .append(escape(Formats.GEX_UNIT))
        .append(" &middot; ")
        .append(escape(analysis.settings().describe()))
        .append("</p>\n<p class=\"state ")
        .append(analysis.totalGex() > 0 ? "pos" : analysis.totalGex() < 0 ? "neg" : "zero")
        .append("\">Gamma state: ")
        .append(escape(analysis.gammaState()))
        .append("</p>\n\n<h2 id=\"headline\">Headline</h2>\n")
        .append(headlineTable(analysis))
        .append("\n<h2 id=\"alerts\">Alerts</h2>\n");
    if (alerts.isEmpty()) {
      sb.append("<p class=\"none\">No alerts.</p>\n");
    } else {
      sb.append("<ul class=\"alerts\">\n");
      for (String line : alerts) {
        sb.append("  <li>").append(escape(line)).append("</li>\n");
      }
      sb.append("</ul>\n");
    }
    // The strikes of the GEX-by-strike chart's window, as gex analyze lists them.
    int[] top =
        analysis
            .exposures()
            .byStrike()
            .largestNet(ReportTables.TOP_STRIKES, analysis.spot(), charts.strikeWindow());
    sb.append("\n<h2 id=\"top-strikes-title\">Top ")
        .append(top.length)
        .append(" strikes by |net GEX| within &plusmn;")
        .append(Formats.plainPercent(charts.strikeWindow()))
        .append(" of spot ($bn per 1% move)</h2>\n")
        .append(ReportTables.topStrikesTable(analysis, top));
    for (ChartKind kind : ChartKind.values()) {
      sb.append("\n<h2>").append(escape(kind.title())).append("</h2>\n");
      List<Path> pages = images.getOrDefault(kind, List.of());
      if (pages.isEmpty()) {
        sb.append("<p class=\"none\">Not available for this analysis.</p>\n");
        continue;
      }
      for (int i = 0; i < pages.size(); i++) {
        Path fileName = pages.get(i).getFileName();
        sb.append("<figure>\n  <img src=\"")
            .append(escape(fileName == null ? kind.fileName(i + 1) : fileName.toString()))
            .append("\" width=\"")
            .append(charts.width())
            .append("\" height=\"")
            .append(charts.height())
            .append("\" alt=\"")
            .append(symbol)
            .append(' ')
            .append(escape(kind.title()))
            .append(pages.size() > 1 ? ", page " + (i + 1) + " of " + pages.size() : "")
            .append("\">\n</figure>\n");
      }
    }
    sb.append("\n<h2 id=\"expiries-title\">Expiries (")
        .append(analysis.exposures().byExpiry().size())
        .append("; GEX in $bn per 1% move, expected move to settlement in index points)</h2>\n")
        .append(ReportTables.expiryTable(analysis))
        .append("\n<h2 id=\"skipped-title\">Skipped contracts</h2>\n")
        .append(ReportTables.skippedTable(analysis));
    sb.append("\n<footer>")
        .append(String.format(Locale.ROOT, "%,d", analysis.coverage().contractsUsed()))
        .append(" contracts priced; ")
        .append(escape(analysis.settings().describe()))
        .append("; analysed ")
        .append(escape(UTC_TIME.format(analysis.provenance().analyzedAt())))
        .append(" by gex.</footer>\n</main>\n</body>\n</html>\n");
    return sb.toString();
  }

  /** Escapes the five HTML-significant characters. */
  static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&#39;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  private static final String CSS =
      "body{font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;color:#222;"
          + "background:#fafafa;margin:0}\n"
          + "main{max-width:1240px;margin:0 auto;padding:24px}\n"
          + "h1{margin:0 0 4px;font-size:26px}\n"
          + "h2{margin:28px 0 10px;font-size:19px;border-bottom:1px solid #ddd;padding-bottom:4px}\n"
          + ".sub{color:#555;margin:0}\n"
          + ".state{font-size:17px;font-weight:600;margin:10px 0 0;padding:8px 12px;"
          + "border-left:5px solid #999;background:#fff}\n"
          + ".state.pos{border-color:#2e7d32}.state.neg{border-color:#c62828}\n"
          + "table{border-collapse:collapse;background:#fff}\n"
          + "table.headline{min-width:520px}\n"
          + "th,td{border:1px solid #ddd;padding:5px 10px;text-align:left}\n"
          + "th{background:#f0f0f0;font-weight:600;white-space:nowrap}\n"
          + "table.grid td{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
          + "table.grid td:first-child{text-align:left}\n"
          + "#skipped td{text-align:left;white-space:normal}\n"
          + "td.pos{color:#2e7d32}td.neg{color:#c62828}\n"
          + "ul.alerts li{margin:4px 0;color:#8a1c1c}\n"
          + ".none{color:#777;font-style:italic}\n"
          + "figure{margin:0 0 12px;background:#fff;border:1px solid #ddd}\n"
          + "img{display:block;max-width:100%;height:auto}\n"
          + "footer{margin-top:28px;color:#777;font-size:13px}\n";
}
