package io.gex.analysis;

import java.util.Objects;

/**
 * Open interest at each distinct strike, summed over the expiries analysed: calls and puts, in contracts.
 * Columns are aligned: index {@code i} of each is strike {@code i}, strikes ascending.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param strikes ascending distinct strikes
 * @param callOpenInterest call open interest at each strike, finite and {@code >= 0}
 * @param putOpenInterest put open interest at each strike, finite and {@code >= 0}
 */
public record OpenInterestByStrike(
    DoubleArray strikes, DoubleArray callOpenInterest, DoubleArray putOpenInterest) {

  /** No strike. */
  public static final OpenInterestByStrike EMPTY =
      new OpenInterestByStrike(DoubleArray.empty(), DoubleArray.empty(), DoubleArray.empty());

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if the columns differ in length, strikes are not strictly ascending
   *     and positive, or an open interest is negative or not finite
   */
  public OpenInterestByStrike {
    Objects.requireNonNull(strikes, "strikes");
    Objects.requireNonNull(callOpenInterest, "callOpenInterest");
    Objects.requireNonNull(putOpenInterest, "putOpenInterest");
    int n = strikes.size();
    if (callOpenInterest.size() != n || putOpenInterest.size() != n) {
      throw new IllegalArgumentException(
          "columns must have one length; strikes " + n + ", callOpenInterest "
              + callOpenInterest.size() + ", putOpenInterest " + putOpenInterest.size());
    }
    for (int i = 0; i < n; i++) {
      double k = strikes.get(i);
      if (!(k > 0) || Double.isInfinite(k) || (i > 0 && !(k > strikes.get(i - 1)))) {
        throw new IllegalArgumentException(
            "strikes must be finite, > 0 and strictly ascending, was " + k + " at index " + i);
      }
      check("callOpenInterest", callOpenInterest.get(i), k);
      check("putOpenInterest", putOpenInterest.get(i), k);
    }
  }

  private static void check(String name, double value, double strike) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          name + " must be finite and >= 0, was " + value + " at strike " + strike);
    }
  }

  /** The number of strikes. */
  public int size() {
    return strikes.size();
  }
}
