package io.gex.settings;

/**
 * Which side of each option the dealers are assumed to hold, and so the sign of each contract's exposure.
 */
public enum SignConvention {
  /**
   * The usual GEX convention: dealers are long the calls customers sold them and short the puts customers
   * bought, so call exposure counts positive and put exposure negative.
   */
  DEALER_LONG_CALLS_SHORT_PUTS(1, -1),
  /** The opposite assumption: call exposure counts negative and put exposure positive. */
  DEALER_SHORT_CALLS_LONG_PUTS(-1, 1);

  private final int callSign;
  private final int putSign;

  SignConvention(int callSign, int putSign) {
    this.callSign = callSign;
    this.putSign = putSign;
  }

  /** +1 or -1: the sign applied to call exposures. */
  public int callSign() {
    return callSign;
  }

  /** +1 or -1: the sign applied to put exposures. */
  public int putSign() {
    return putSign;
  }

  /** The sign applied to a contract's exposure. */
  public int sign(boolean call) {
    return call ? callSign : putSign;
  }
}
