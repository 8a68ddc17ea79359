package io.gex.analysis;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Gamma exposure of one expiry date, summed over strikes (AM and PM contracts of the same date together).
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param expiry the expiry date
 * @param daysToExpiry calendar days from the valuation date
 * @param callGex call exposure, dollars per 1% move
 * @param putGex put exposure, dollars per 1% move
 * @param netGex call + put
 * @param openInterest open interest of the priced contracts of this expiry
 * @param contracts number of priced contracts of this expiry
 */
public record ExpiryGex(
    LocalDate expiry,
    long daysToExpiry,
    double callGex,
    double putGex,
    double netGex,
    long openInterest,
    int contracts) {

  /** Validates. */
  public ExpiryGex {
    Objects.requireNonNull(expiry, "expiry");
  }
}
