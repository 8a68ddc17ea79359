package io.gex.source;

import io.gex.ChainSourceException;
import io.gex.chain.ContractDiagnostic;
import io.gex.chain.OptionContract;
import io.gex.spi.SourceRequest;
import java.util.List;

/** What every file source does alike: the hints for values the caller may give, and the all-rows-failed check. */
final class Requests {

  /** How many row diagnostics a message quotes when no row could be read: {@value}. */
  static final int QUOTED_DIAGNOSTICS = 3;

  /** How to give the spot price, for messages. */
  static final String SPOT_HINT =
      "give it with the request: the '"
          + SourceRequest.SPOT
          + "' option (SourceRequest.withSpot; --spot on the command line)";

  /** How to give the underlying symbol, for messages. */
  static final String UNDERLYING_HINT =
      "give it with the request: the '"
          + SourceRequest.UNDERLYING
          + "' option (SourceRequest.withUnderlying; --underlying on the command line)";

  private Requests() {}

  /**
   * Fails when the input had rows but none became a contract, quoting the first {@value #QUOTED_DIAGNOSTICS}
   * diagnostics on one line. Input without rows passes: an empty chain is the caller's to judge.
   *
   * @param origin the file or URL, for the message
   * @param rows what a row is called in this input ("row", "element of data.options")
   * @throws ChainSourceException if there were rows and no contract was read
   */
  static void requireContracts(
      String origin, String rows, List<OptionContract> contracts, List<ContractDiagnostic> diagnostics) {
    if (!contracts.isEmpty() || diagnostics.isEmpty()) {
      return;
    }
    StringBuilder b = new StringBuilder(origin)
        .append(": no ").append(rows).append(" could be read (")
        .append(diagnostics.size()).append(diagnostics.size() == 1 ? " rejected" : " all rejected")
        .append("); the first: ");
    for (int i = 0; i < Math.min(QUOTED_DIAGNOSTICS, diagnostics.size()); i++) {
      ContractDiagnostic d = diagnostics.get(i);
      if (i > 0) {
        b.append("; ");
      }
      b.append(d.location()).append(" field '").append(d.field()).append("' value '")
          .append(Fields.clip(d.value()).replaceAll("\\s+", " ")).append("': ")
          .append(d.detail().replaceAll("\\s+", " "));
    }
    throw new ChainSourceException(b.toString());
  }
}
