package io.gex.examples.cli;

import io.gex.GexAnalysis;
import io.gex.analysis.DealerExposuresByStrike;
import io.gex.analysis.GexByStrike;
import io.gex.analysis.OpenInterestByStrike;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The table by strike of {@code gex analyze --format csv}: one header line, then one line per strike,
 * ascending, of every strike the analysis has (all of them, not only the text's window), lines ending in
 * {@code \n}.
 *
 * <pre>
 * strike,callGex,putGex,netGex,callOpenInterest,putOpenInterest,deltaExposure,vannaExposure,charmExposure
 * </pre>
 *
 * <p>Units as in the JSON document: GEX in dollars of underlying per 1% move (signed by the convention),
 * open interest in contracts over the expiries analysed, dealer delta in dollars, vanna in dollars of delta
 * per vol point, charm in dollars of delta per calendar day. A cell the analysis has no figure for is empty.
 * Numbers are plain decimals (never exponents); every cell is a number, so nothing needs quoting. The
 * per-expiry figures, profiles and headline levels are in {@code --format json}.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class AnalysisCsv {

  /** The header line, without the line end. */
  public static final String HEADER =
      "strike,callGex,putGex,netGex,callOpenInterest,putOpenInterest,deltaExposure,vannaExposure,"
          + "charmExposure";

  private static final int COLUMNS = 8;

  private AnalysisCsv() {}

  /**
   * The table of an analysis.
   *
   * @param analysis the analysis
   * @return the CSV text, header first
   */
  public static String format(GexAnalysis analysis) {
    Objects.requireNonNull(analysis, "analysis");
    // Columns come from three tables of the analysis; each has its own strikes, so rows are joined by strike.
    TreeMap<Double, Double[]> rows = new TreeMap<>();
    GexByStrike g = analysis.exposures().byStrike();
    for (int i = 0; i < g.size(); i++) {
      Double[] row = row(rows, g.strikes().get(i));
      row[0] = g.callGex().get(i);
      row[1] = g.putGex().get(i);
      row[2] = g.netGex().get(i);
    }
    OpenInterestByStrike oi = analysis.pinRisk().openInterestByStrike();
    for (int i = 0; i < oi.size(); i++) {
      Double[] row = row(rows, oi.strikes().get(i));
      row[3] = oi.callOpenInterest().get(i);
      row[4] = oi.putOpenInterest().get(i);
    }
    DealerExposuresByStrike d = analysis.dealer().byStrike();
    for (int i = 0; i < d.strikes().size(); i++) {
      Double[] row = row(rows, d.strikes().get(i));
      row[5] = d.delta().get(i);
      row[6] = d.vanna().get(i);
      row[7] = d.charm().get(i);
    }
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    rows.forEach(
        (strike, row) -> {
          out.append(number(strike));
          for (Double v : row) { // a cell is empty where that table has no such strike
            out.append(',');
            if (v != null) {
              out.append(number(v));
            }
          }
          out.append('\n');
        });
    return out.toString();
  }

  private static Double[] row(TreeMap<Double, Double[]> rows, double strike) {
    return rows.computeIfAbsent(strike, k -> new Double[COLUMNS]);
  }

  private static String number(double v) {
    BigDecimal d = BigDecimal.valueOf(v).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }
}
