package io.gex.live;

import io.gex.GammaRegime;
import io.gex.analysis.GexByStrike;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The levels a trader watches tick by tick, from {@link LiveChain#levels()}: total GEX, GEX by strike, the
 * walls, the regime and the zero-gamma level (flip). Each figure equals the one of the full {@link
 * LiveChain#analysis()} of the same state; computing these alone skips the three whole profiles, the pin
 * risk and the dealer figures, and searches the profile only near spot for the flip.
 *
 * <p>Immutable and thread-safe.
 *
 * @param underlying the underlying symbol
 * @param spot the spot of the state
 * @param valuationTime the valuation time of the state
 * @param version the number of events applied to the chain when the state was taken
 * @param totalGex total GEX at spot, dollars per 1% move
 * @param callGex GEX of the calls
 * @param putGex GEX of the puts
 * @param byStrike GEX by strike
 * @param callWall the call wall, if any
 * @param putWall the put wall, if any
 * @param regime the sign of total GEX
 * @param zeroGamma the zero-gamma level (flip), if the profile crosses zero in its range
 * @param contractsUsed the number of contracts priced
 */
public record LiveLevels(
    String underlying,
    double spot,
    Instant valuationTime,
    long version,
    double totalGex,
    double callGex,
    double putGex,
    GexByStrike byStrike,
    OptionalDouble callWall,
    OptionalDouble putWall,
    GammaRegime regime,
    OptionalDouble zeroGamma,
    int contractsUsed) {

  /** Checks that every reference is present. */
  public LiveLevels {
    Objects.requireNonNull(underlying, "underlying");
    Objects.requireNonNull(valuationTime, "valuationTime");
    Objects.requireNonNull(byStrike, "byStrike");
    Objects.requireNonNull(callWall, "callWall");
    Objects.requireNonNull(putWall, "putWall");
    Objects.requireNonNull(regime, "regime");
    Objects.requireNonNull(zeroGamma, "zeroGamma");
  }
}
