package io.gex.positions;

import io.gex.chain.OccSymbol;
import io.gex.chain.OptionContract;
import java.time.Instant;
import java.util.Objects;

/**
 * One option trade as a tape reports it: when it printed, the contract, the price and size, and the
 * national best bid and offer in force when it printed (0 when the tape does not know a side).
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param time when the trade printed
 * @param option the contract traded
 * @param price the trade price, in [{@value OptionContract#MIN_PRICE}, {@value OptionContract#MAX_PRICE}]
 * @param size contracts traded, in [1, {@value OptionContract#MAX_OPEN_INTEREST}]
 * @param bid the best bid at the trade, or 0 when unknown
 * @param ask the best ask at the trade, or 0 when unknown
 */
public record Trade(Instant time, OccSymbol option, double price, long size, double bid, double ask) {

  /**
   * Validates.
   *
   * @throws NullPointerException if time or option is null
   * @throws IllegalArgumentException naming the field and the value if a number is out of range
   */
  public Trade {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(option, "option");
    if (!(price >= OptionContract.MIN_PRICE && price <= OptionContract.MAX_PRICE)) {
      throw new IllegalArgumentException(
          "price must be in [" + OptionContract.MIN_PRICE + ", " + OptionContract.MAX_PRICE + "], was "
              + price + " for " + option);
    }
    if (size < 1 || size > OptionContract.MAX_OPEN_INTEREST) {
      throw new IllegalArgumentException(
          "size must be in [1, " + OptionContract.MAX_OPEN_INTEREST + "], was " + size + " for " + option);
    }
    checkQuote("bid", bid, option);
    checkQuote("ask", ask, option);
  }

  private static void checkQuote(String name, double value, OccSymbol option) {
    if (value != 0 && !(value >= OptionContract.MIN_PRICE && value <= OptionContract.MAX_PRICE)) {
      throw new IllegalArgumentException(
          name + " must be 0 (unknown) or in [" + OptionContract.MIN_PRICE + ", " + OptionContract.MAX_PRICE
              + "], was " + value + " for " + option);
    }
  }

  /** Whether the trade carries a usable two-sided quote (both sides known, bid not above ask). */
  public boolean hasQuote() {
    return bid > 0 && ask > 0 && bid <= ask;
  }
}
