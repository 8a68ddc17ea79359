package io.gex.analysis;

import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The zero-gamma level of one expiry: the zero crossing nearest spot of the gamma profile of that expiry's
 * contracts alone (same grid, search and guarantees as the all-expiries profile, {@link
 * GammaProfileCalculator}), or empty when that profile does not cross zero in the profile range.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param expiry the expiry date (AM and PM contracts of the date together)
 * @param zeroGamma the crossing nearest spot, index points
 */
public record ExpiryZeroGamma(LocalDate expiry, OptionalDouble zeroGamma) {

  /**
   * Validates.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the level is not finite and {@code > 0}
   */
  public ExpiryZeroGamma {
    Objects.requireNonNull(expiry, "expiry");
    Objects.requireNonNull(zeroGamma, "zeroGamma");
    if (zeroGamma.isPresent()
        && !(zeroGamma.getAsDouble() > 0 && Double.isFinite(zeroGamma.getAsDouble()))) {
      throw new IllegalArgumentException(
          "zeroGamma of " + expiry + " must be finite and > 0, was " + zeroGamma.getAsDouble());
    }
  }
}
