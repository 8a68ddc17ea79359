package io.gex.positions;

import io.gex.chain.OptionContract;

/**
 * Decides each contract's dealer position: how many contracts the dealers hold (+ long, − short). Every
 * exposure of an analysis (GEX, the greeks, dealer delta, vanna and charm, the profiles) weighs each
 * contract by this position; open interest itself still feeds max pain, open interest by strike and pin
 * risk.
 *
 * <p>Built in ({@link PositionModels}): {@code oi} (the default: the sign convention applied to open
 * interest), {@code volume} (the day's volume in its place) and {@code flow} (start-of-day open interest
 * under the convention minus customers' net purchases since the open). Other models are plugins, found by
 * {@link java.util.ServiceLoader} ({@link io.gex.spi.PositionModelLookup}) or registered on {@link
 * io.gex.GexEngine.Builder#positionModel(PositionModel)}.
 *
 * <p>Implementations must be immutable and thread-safe. A model that throws or answers a number that is not
 * finite is not trusted for that contract: the analysis takes {@code sign × open interest} instead and
 * counts the failure in {@link PositionProvenance#modelFailures()}.
 */
public interface PositionModel {

  /** The model's id, such as {@code oi} (lower case, used on the command line and in the JSON). */
  String id();

  /**
   * The dealers' position in one contract.
   *
   * @param sign +1 or -1: the side the {@linkplain io.gex.settings.SignConvention sign convention} gives the
   *     dealers in this contract
   * @param contract the contract with its market data (open interest, volume, quotes)
   * @param customerNet customers' net purchases of the contract since the open, in contracts (0 when no
   *     tape was given or the contract did not trade)
   * @return the dealers' position in contracts, finite
   */
  double dealerPosition(double sign, OptionContract contract, double customerNet);

  /**
   * Whether the model reads customer flow (then {@link PositionProvenance#flowGexShare()} measures how much
   * of the analysis comes from it: the part {@code -customerNet} of each position). Default false.
   */
  default boolean usesFlow() {
    return false;
  }
}
