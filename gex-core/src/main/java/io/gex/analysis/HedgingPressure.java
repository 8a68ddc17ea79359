package io.gex.analysis;

/**
 * Which way dealers' delta hedging pushes the underlying, following from their net gamma position.
 *
 * <p>A dealer long gamma gains delta as the underlying rises, so to stay hedged sells into strength and buys
 * into weakness, which dampens moves; a dealer short gamma does the reverse and amplifies them.
 */
public enum HedgingPressure {
  /** Long gamma: dealers buy into weakness and sell into strength; hedging dampens moves. */
  BUY_WEAKNESS_SELL_STRENGTH(false),
  /** Short gamma: dealers sell into weakness and buy into strength; hedging amplifies moves. */
  SELL_WEAKNESS_BUY_STRENGTH(true),
  /** Within the neutral band: hedging flows are small next to the gross gamma and have no clear side. */
  BALANCED(false);

  private final boolean destabilising;

  HedgingPressure(boolean destabilising) {
    this.destabilising = destabilising;
  }

  /** Whether this pressure amplifies moves of the underlying. */
  public boolean destabilising() {
    return destabilising;
  }

  /**
   * The pressure of a position class.
   *
   * @throws NullPointerException if position is null
   */
  public static HedgingPressure of(DealerPosition position) {
    return switch (position) {
      case LONG_GAMMA -> BUY_WEAKNESS_SELL_STRENGTH;
      case SHORT_GAMMA -> SELL_WEAKNESS_BUY_STRENGTH;
      case NEUTRAL -> BALANCED;
    };
  }
}
