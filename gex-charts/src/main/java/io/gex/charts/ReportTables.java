package io.gex.charts;

import static io.gex.charts.GexReport.escape;

import io.gex.GexAnalysis;
import io.gex.analysis.ExpiryGex;
import io.gex.analysis.ExpiryPinRisk;
import io.gex.analysis.GexByStrike;
import io.gex.chain.ContractDiagnostic;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The tables of the HTML report beyond the headline: top strikes, expiries and skipped contracts. */
final class ReportTables {

  /** How many strikes the table of largest |net GEX| shows (as the text output). */
  static final int TOP_STRIKES = 10;

  private ReportTables() {}

  /** The rows of the strikes {@code top} (indices into the analysis's exposures by strike). */
  static String topStrikesTable(GexAnalysis analysis, int[] top) {
    GexByStrike b = analysis.exposures().byStrike();
    StringBuilder sb = new StringBuilder();
    sb.append("<table class=\"grid\" id=\"top-strikes\">\n  <thead><tr><th>Strike</th><th>Call GEX</th>")
        .append("<th>Put GEX</th><th>Net GEX</th></tr></thead>\n  <tbody>\n");
    for (int i : top) {
      sb.append("    <tr><td>")
          .append(escape(Formats.level(b.strikes().get(i))))
          .append("</td>")
          .append(cell(b.callGex().get(i)))
          .append(cell(b.putGex().get(i)))
          .append(cell(b.netGex().get(i)))
          .append("</tr>\n");
    }
    return sb.append("  </tbody>\n</table>\n").toString();
  }

  /**
   * One row per expiry: date, days to expiry, call, put and net GEX ($bn), open interest, and from the
   * pin-risk analysis max pain, the expected move to settlement and the pin score ({@code n/a} without).
   */
  static String expiryTable(GexAnalysis analysis) {
    Map<LocalDate, ExpiryPinRisk> pins = new HashMap<>();
    for (ExpiryPinRisk p : analysis.pinRisk().expiries()) {
      pins.put(p.expiry(), p);
    }
    StringBuilder sb = new StringBuilder();
    sb.append("<table class=\"grid\" id=\"expiries\">\n  <thead><tr><th>Expiry</th><th>DTE</th>")
        .append("<th>Call GEX</th><th>Put GEX</th><th>Net GEX</th><th>Open interest</th>")
        .append("<th>Max pain</th><th>Expected move</th><th>Pin score</th></tr></thead>\n  <tbody>\n");
    for (ExpiryGex e : analysis.exposures().byExpiry()) {
      ExpiryPinRisk p = pins.get(e.expiry());
      sb.append("    <tr><td>")
          .append(e.expiry())
          .append("</td><td>")
          .append(e.daysToExpiry())
          .append("</td>")
          .append(cell(e.callGex()))
          .append(cell(e.putGex()))
          .append(cell(e.netGex()))
          .append("<td>")
          .append(String.format(Locale.ROOT, "%,d", e.openInterest()))
          .append("</td><td>")
          .append(p == null ? "n/a" : escape(Formats.level(p.maxPain())))
          .append("</td><td>")
          .append(
              p == null
                  ? "n/a"
                  : String.format(
                      Locale.ROOT,
                      "&plusmn;%,.2f (%.2f%%)",
                      p.expectedMove(),
                      p.expectedMove() / analysis.spot() * 100))
          .append("</td><td>")
          .append(p == null ? "n/a" : String.format(Locale.ROOT, "%.1f", p.score()))
          .append("</td></tr>\n");
    }
    return sb.append("  </tbody>\n</table>\n").toString();
  }

  /** Skipped contracts by reason, with the count and one example of each. */
  static String skippedTable(GexAnalysis analysis) {
    if (analysis.coverage().diagnostics().isEmpty()) {
      return "<p class=\"none\">No contract was skipped.</p>\n";
    }
    Map<ContractDiagnostic.Reason, ContractDiagnostic> example = new LinkedHashMap<>();
    for (ContractDiagnostic d : analysis.coverage().diagnostics()) {
      example.putIfAbsent(d.reason(), d);
    }
    StringBuilder sb = new StringBuilder();
    sb.append("<table class=\"grid\" id=\"skipped\">\n  <thead><tr><th>Reason</th><th>Contracts</th>")
        .append("<th>Example</th></tr></thead>\n  <tbody>\n");
    analysis
        .skippedByReason()
        .forEach(
            (reason, n) -> {
              ContractDiagnostic d = example.get(reason);
              sb.append("    <tr><td>")
                  .append(escape(reason.name()))
                  .append("</td><td>")
                  .append(String.format(Locale.ROOT, "%,d", n))
                  .append("</td><td>")
                  .append(d == null ? "" : escape(d.toString()))
                  .append("</td></tr>\n");
            });
    return sb.append("  </tbody>\n</table>\n").toString();
  }

  /** A right-aligned $bn cell coloured by sign (class pos / neg). */
  private static String cell(double dollars) {
    String text = Formats.billions(dollars);
    String cls = text.startsWith("+") ? "pos" : text.startsWith("-") ? "neg" : "zero";
    return "<td class=\"" + cls + "\">" + escape(text) + "</td>";
  }
}
