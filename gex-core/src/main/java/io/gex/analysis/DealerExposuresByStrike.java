package io.gex.analysis;

import java.util.Objects;

/**
 * Dealer delta, vanna and charm exposure at each strike, in dollars, signed like GEX. Columns are aligned
 * with ascending strikes.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param strikes ascending distinct strikes
 * @param delta delta exposure: delta × OI × multiplier × spot, dollars
 * @param vanna vanna exposure: dollar delta change per 1 vol point
 * @param charm charm exposure: dollar delta change per calendar day
 */
public record DealerExposuresByStrike(
    DoubleArray strikes, DoubleArray delta, DoubleArray vanna, DoubleArray charm) {

  /** Validates that the columns have one length. */
  public DealerExposuresByStrike {
    Objects.requireNonNull(strikes, "strikes");
    Objects.requireNonNull(delta, "delta");
    Objects.requireNonNull(vanna, "vanna");
    Objects.requireNonNull(charm, "charm");
    int n = strikes.size();
    if (delta.size() != n || vanna.size() != n || charm.size() != n) {
      throw new IllegalArgumentException("columns must have the length of strikes, " + n);
    }
  }
}
