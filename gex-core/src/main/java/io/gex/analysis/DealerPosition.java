package io.gex.analysis;

/**
 * The dealers' net gamma position class. {@link DealerPositioningAnalyzer} calls a position neutral when
 * |total GEX| is at most a band (5% by default) of the gross GEX, the sum of every contract's |GEX|.
 */
public enum DealerPosition {
  /** Net long gamma beyond the neutral band: hedging buys weakness and sells strength. */
  LONG_GAMMA,
  /** Net short gamma beyond the neutral band: hedging sells weakness and buys strength. */
  SHORT_GAMMA,
  /** Within the neutral band. */
  NEUTRAL;

  /** The hedging pressure this position implies. */
  public HedgingPressure hedgingPressure() {
    return HedgingPressure.of(this);
  }
}
