package io.gex;

import io.gex.chain.ContractDiagnostic;
import java.util.List;
import java.util.Map;

/**
 * Thrown when a chain has no contract that can be priced: every contract was settled, had no implied
 * volatility, or was excluded by the expiry selection. The diagnostics say why, contract by contract.
 */
public final class NoUsableContractsException extends GexException {
  private static final long serialVersionUID = 1L;

  private final transient List<ContractDiagnostic> diagnostics;

  public NoUsableContractsException(
      String underlying, int contracts, Map<ContractDiagnostic.Reason, Integer> counts,
      List<ContractDiagnostic> diagnostics) {
    super(
        "no usable contract in the "
            + underlying
            + " chain: "
            + contracts
            + " contracts, skipped by reason "
            + counts);
    this.diagnostics = List.copyOf(diagnostics);
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
