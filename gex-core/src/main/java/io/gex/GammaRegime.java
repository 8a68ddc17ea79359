package io.gex;

/** The sign of total dealer gamma at spot. */
public enum GammaRegime {
  /** Dealers are net long gamma: their hedging dampens moves. */
  POSITIVE,
  /** Dealers are net short gamma: their hedging amplifies moves. */
  NEGATIVE,
  /** Total gamma is exactly zero (for instance, no open interest). */
  NEUTRAL;

  /** The regime of a total exposure. */
  public static GammaRegime of(double totalGex) {
    return totalGex > 0 ? POSITIVE : totalGex < 0 ? NEGATIVE : NEUTRAL;
  }
}
