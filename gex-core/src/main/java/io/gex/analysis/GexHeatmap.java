package io.gex.analysis;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Net gamma exposure by expiry (rows) and strike (columns), dollars per 1% move; cells with no contract
 * hold 0.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param expiries row labels, ascending
 * @param strikes column labels, ascending
 * @param netGex row-major cells: {@code netGex.get(row * strikes.size() + column)}
 */
public record GexHeatmap(List<LocalDate> expiries, DoubleArray strikes, DoubleArray netGex) {

  /** Validates the shape. */
  public GexHeatmap {
    expiries = List.copyOf(expiries);
    Objects.requireNonNull(strikes, "strikes");
    Objects.requireNonNull(netGex, "netGex");
    if (netGex.size() != expiries.size() * strikes.size()) {
      throw new IllegalArgumentException(
          "netGex must have expiries x strikes = "
              + expiries.size() * strikes.size()
              + " cells, had "
              + netGex.size());
    }
  }

  /** The net exposure of one expiry (row) at one strike (column). */
  public double value(int expiryIndex, int strikeIndex) {
    return netGex.get(expiryIndex * strikes.size() + strikeIndex);
  }
}
