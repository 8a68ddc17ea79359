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

  /**
   * The indices of the strikes within {@code window} of {@code spot} with the largest |net GEX|, at most
   * {@code count} of them, largest first, ties by ascending strike: the "top strikes" table of gex's text
   * summary and HTML report.
   *
   * @param count how many at most ({@code >= 0})
   * @param spot the spot the window is around ({@code > 0})
   * @param window the half-width of the window, a fraction of spot ({@code >= 0}; a strike at its edge is in)
   * @throws IllegalArgumentException if count is negative, spot not positive or window negative or NaN
   */
  public int[] largestNet(int count, double spot, double window) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, was " + count);
    }
    if (!(spot > 0) || !Double.isFinite(spot)) {
      throw new IllegalArgumentException("spot must be positive and finite, was " + spot);
    }
    if (!(window >= 0)) {
      throw new IllegalArgumentException("window must be >= 0, was " + window);
    }
    java.util.List<Integer> order = new java.util.ArrayList<>();
    for (int i = 0; i < size(); i++) {
      if (Math.abs(strikes.get(i) / spot - 1) <= window + 1e-12) {
        order.add(i);
      }
    }
    order.sort(
        java.util.Comparator.comparingDouble((Integer i) -> -Math.abs(netGex.get(i)))
            .thenComparingDouble(i -> strikes.get(i)));
    return order.stream().limit(count).mapToInt(Integer::intValue).toArray();
  }

  /** The index of a strike, or a negative number if it is not listed (as {@code Arrays.binarySearch}). */
  public int indexOf(double strike) {
    return java.util.Arrays.binarySearch(strikes.toArray(), strike);
  }
}
