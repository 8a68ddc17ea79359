package io.gex.analysis;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Dealer delta, vanna and charm exposure of one expiry, in dollars, signed like GEX.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param expiry the expiry date
 * @param delta delta exposure, dollars
 * @param vanna dollar delta change per 1 vol point
 * @param charm dollar delta change per calendar day
 */
public record ExpiryDealerExposure(LocalDate expiry, double delta, double vanna, double charm) {

  /**
   * Validates.
   *
   * @throws NullPointerException if expiry is null
   * @throws IllegalArgumentException if a figure is not finite
   */
  public ExpiryDealerExposure {
    Objects.requireNonNull(expiry, "expiry");
    if (!Double.isFinite(delta) || !Double.isFinite(vanna) || !Double.isFinite(charm)) {
      throw new IllegalArgumentException(
          "delta, vanna and charm must be finite, were " + delta + ", " + vanna + " and " + charm);
    }
  }
}
