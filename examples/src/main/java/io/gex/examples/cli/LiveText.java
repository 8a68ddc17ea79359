package io.gex.examples.cli;

import io.gex.GexAnalysis;
import io.gex.alerts.GexAlert;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The lines of {@code gex live --format text}, for watching a replay in a terminal: a header, then per
 * analysis one line of aligned columns (time in UTC, symbol, spot, total GEX in $bn per 1% move, zero gamma,
 * call and put walls, regime) and one indented line per alert raised on it. Levels in index points with two
 * decimals and thousands separators, as {@code analyze} prints them; a level the analysis does not have reads
 * {@code none}. Locale-independent.
 *
 * <p>This class is stateless and thread-safe.
 */
final class LiveText {

  private static final String COLUMNS = "%-23s  %-6s  %10s  %9s  %10s  %10s  %10s  %s";

  /** The column names, the first line printed. */
  static final String HEADER =
      String.format(
          Locale.ROOT,
          COLUMNS,
          "time (UTC)",
          "symbol",
          "spot",
          "GEX $bn",
          "zero gamma",
          "call wall",
          "put wall",
          "regime");

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private LiveText() {}

  /**
   * The line of one analysis, then a line per alert raised on it, each ending in {@code \n}.
   *
   * @param analysis the analysis
   * @param alerts the alerts raised on it, in order (may be empty)
   * @return the text
   */
  static String lines(GexAnalysis analysis, List<GexAlert> alerts) {
    StringBuilder out = new StringBuilder();
    out.append(
            String.format(
                Locale.ROOT,
                COLUMNS,
                time(analysis),
                analysis.symbol(),
                AnalysisText.level(analysis.spot()),
                AnalysisText.bn(analysis.totalGex()),
                AnalysisText.level(analysis.zeroGamma()),
                AnalysisText.level(analysis.callWall()),
                AnalysisText.level(analysis.putWall()),
                analysis.regime().name()))
        .append('\n');
    for (GexAlert a : alerts) {
      out.append(String.format(Locale.ROOT, "  alert %-8s %s", a.severity(), a.message())).append('\n');
    }
    return out.toString();
  }

  /** To the second; the milliseconds only when there are some (events within a second keep apart). */
  private static String time(GexAnalysis analysis) {
    var t = analysis.valuationTime();
    int millis = t.getNano() / 1_000_000;
    return SECONDS.format(t) + (millis == 0 ? "" : String.format(Locale.ROOT, ".%03d", millis));
  }
}
