package io.gex.analysis;

import java.util.Objects;

/**
 * Gamma exposure at each distinct strike, summed over expiries: call, put and net, in dollars per 1% move,
 * signed by the analysis's convention. Columns are aligned: index {@code i} of each is strike {@code i},
 * strikes ascending.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param strikes ascending distinct strikes
 * @param callGex call exposure at each strike
 * @param putGex put exposure at each strike
 * @param netGex call + put at each strike
 */
public record GexByStrike(
    DoubleArray strikes, DoubleArray callGex, DoubleArray putGex, DoubleArray netGex) {

  /** Validates that the columns have one length. */
  public GexByStrike {
    Objects.requireNonNull(strikes, "strikes");
    Objects.requireNonNull(callGex, "callGex");
    Objects.requireNonNull(putGex, "putGex");
    Objects.requireNonNull(netGex, "netGex");
    int n = strikes.size();
    if (callGex.size() != n || putGex.size() != n || netGex.size() != n) {
      throw new IllegalArgumentException(
          "columns must have one length; strikes "
              + n
              + ", callGex "
              + callGex.size()
              + ", putGex "
              + putGex.size()
              + ", netGex "
              + netGex.size());
    }
  }

  /** The number of strikes. */
  public int size() {
    return strikes.size();
  }

  /** The index of a strike, or a negative number if it is not listed (as {@code Arrays.binarySearch}). */
  public int indexOf(double strike) {
    return java.util.Arrays.binarySearch(strikes.toArray(), strike);
  }
}
