package io.gex.analysis;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Pin risk of one expiry: its max-pain strike, its highest open-interest strikes, the expected move to
 * settlement, and a pin-risk score in [0, 100] with its components.
 *
 * <p>The score is {@code 100 × concentrationWeight × proximity × timeFactor}; see {@link PinRiskAnalyzer}
 * for how each component is derived.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param expiry the expiry date
 * @param daysToExpiry calendar days from the valuation date, {@code >= 0}
 * @param maxPain the listed strike minimising the intrinsic value paid to holders at settlement, from all
 *     the expiry's open interest, priced or not
 * @param maxPainPayout the intrinsic value paid to holders if the expiry settles at {@link #maxPain()},
 *     dollars (open interest × multiplier × intrinsic value), {@code >= 0}
 * @param pinStrike the strike nearest spot (the candidate pin)
 * @param score pin-risk score in [0, 100]
 * @param concentration component: share of the expiry's open interest at the pin strike, in [0, 1]
 * @param concentrationWeight component: the concentration mapped through the analyzer's saturating
 *     weight, in [0, 1]
 * @param proximity component: closeness of spot to the pin strike in expected moves, in [0, 1]
 * @param timeFactor component: nearness of settlement, in [0, 1]
 * @param expectedMove spot × at-the-money IV × sqrt(time to expiry), index points, {@code >= 0}; 0 when no
 *     contract of the expiry could be priced
 * @param atmVolatility the at-the-money implied volatility used, decimal; 0 when no contract of the expiry
 *     could be priced
 * @param timeToExpiry the time to settlement used for the expected move, years
 * @param topStrikes the expiry's highest open-interest strikes, largest first
 */
public record ExpiryPinRisk(
    LocalDate expiry,
    long daysToExpiry,
    double maxPain,
    double maxPainPayout,
    double pinStrike,
    double score,
    double concentration,
    double concentrationWeight,
    double proximity,
    double timeFactor,
    double expectedMove,
    double atmVolatility,
    double timeToExpiry,
    List<OpenInterestStrike> topStrikes) {

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if expiry or topStrikes is null
   * @throws IllegalArgumentException if a figure is out of its documented range or not finite
   */
  public ExpiryPinRisk {
    Objects.requireNonNull(expiry, "expiry");
    topStrikes = List.copyOf(topStrikes);
    if (daysToExpiry < 0) {
      throw new IllegalArgumentException("daysToExpiry must be >= 0, was " + daysToExpiry);
    }
    positive("maxPain", maxPain);
    nonNegative("maxPainPayout", maxPainPayout);
    positive("pinStrike", pinStrike);
    if (!(score >= 0 && score <= 100)) {
      throw new IllegalArgumentException("score must be in [0, 100], was " + score);
    }
    unit("concentration", concentration);
    unit("concentrationWeight", concentrationWeight);
    unit("proximity", proximity);
    unit("timeFactor", timeFactor);
    nonNegative("expectedMove", expectedMove);
    nonNegative("atmVolatility", atmVolatility);
    nonNegative("timeToExpiry", timeToExpiry);
  }

  private static void positive(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be finite and > 0, was " + value);
    }
  }

  private static void nonNegative(String name, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, was " + value);
    }
  }

  private static void unit(String name, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be in [0, 1], was " + value);
    }
  }
}
