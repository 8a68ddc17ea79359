package io.gex.analysis;

/**
 * A strike ranked by open interest.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param strike the strike, index points, finite and {@code > 0}
 * @param openInterest calls + puts open interest at the strike, contracts, {@code >= 0}
 * @param share the strike's share of the open interest it was ranked within (an expiry, or the chain), in
 *     [0, 1]
 */
public record OpenInterestStrike(double strike, long openInterest, double share) {

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if the strike is not finite and positive, the open interest is
   *     negative, or the share is outside [0, 1]
   */
  public OpenInterestStrike {
    if (!(strike > 0) || Double.isInfinite(strike)) {
      throw new IllegalArgumentException("strike must be finite and > 0, was " + strike);
    }
    if (openInterest < 0) {
      throw new IllegalArgumentException("openInterest must be >= 0, was " + openInterest);
    }
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("share must be in [0, 1], was " + share);
    }
  }
}
