package io.gex;

import io.gex.chain.ContractDiagnostic;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Thrown when a chain has no contract that can be priced: every contract was settled, had no implied
 * volatility, or was excluded by the expiry selection. The diagnostics say why, contract by contract.
 */
public final class NoUsableContractsException extends GexException {
  private static final long serialVersionUID = 1L;

  private final transient List<ContractDiagnostic> diagnostics;

  /**
   * @param underlying the chain's underlying symbol
   * @param contracts the number of contracts in the chain
   * @param counts the diagnostics counted by reason: those of the chain's contracts and those of the rows
   *     its source left out when it read the chain (malformed and duplicate rows), which the message tells
   *     apart
   * @param diagnostics every diagnostic
   */
  public NoUsableContractsException(
      String underlying, int contracts, Map<ContractDiagnostic.Reason, Integer> counts,
      List<ContractDiagnostic> diagnostics) {
    super(message(underlying, contracts, counts));
    this.diagnostics = List.copyOf(diagnostics);
  }

  /**
   * Such as {@code no usable contract in the SPX chain: 48 contracts, skipped (SETTLED 48); 1 row left out
   * when read (MALFORMED 1)}: a row left out when the chain was read (unreadable, or a second row for a
   * contract) is not one of its contracts, so it is counted apart.
   */
  private static String message(
      String underlying, int contracts, Map<ContractDiagnostic.Reason, Integer> counts) {
    StringJoiner skipped = new StringJoiner(", ", " (", ")").setEmptyValue("");
    StringJoiner leftOut = new StringJoiner(", ", " (", ")").setEmptyValue("");
    int rows = 0;
    for (Map.Entry<ContractDiagnostic.Reason, Integer> e : new TreeMap<>(counts).entrySet()) {
      ContractDiagnostic.Reason reason = e.getKey();
      if (reason == ContractDiagnostic.Reason.MALFORMED
          || reason == ContractDiagnostic.Reason.DUPLICATE) {
        leftOut.add(reason + " " + e.getValue());
        rows += e.getValue();
      } else {
        skipped.add(reason + " " + e.getValue());
      }
    }
    StringBuilder b =
        new StringBuilder("no usable contract in the ")
            .append(underlying)
            .append(" chain: ")
            .append(contracts)
            .append(contracts == 1 ? " contract" : " contracts");
    if (contracts > 0) {
      b.append(", skipped").append(skipped);
    }
    if (rows > 0) {
      b.append("; ")
          .append(rows)
          .append(rows == 1 ? " row" : " rows")
          .append(" left out when read")
          .append(leftOut);
    }
    return b.toString();
  }

  /**
   * The exception for a resolved chain with no priced contract, counting its diagnostics by reason.
   *
   * @throws NullPointerException if resolved is null
   */
  public static NoUsableContractsException of(io.gex.analysis.ResolvedChain resolved) {
    return new NoUsableContractsException(
        resolved.underlying(),
        resolved.chainSize(),
        GexAnalysis.countByReason(resolved.diagnostics()),
        resolved.diagnostics());
  }

  /** Why each contract was skipped. */
  public List<ContractDiagnostic> diagnostics() {
    return diagnostics;
  }
}
