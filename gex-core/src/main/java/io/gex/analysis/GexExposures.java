package io.gex.analysis;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Gamma exposure at spot: totals, by strike, by expiry, the strike x expiry heatmap, the walls and the
 * strike-interpolated zero-gamma level. Dollars per 1% move, signed by the convention.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param totalGex call + put
 * @param callGex sum over calls
 * @param putGex sum over puts
 * @param byStrike exposures by strike
 * @param byExpiry exposures by expiry, ascending
 * @param heatmap net exposure by expiry and strike
 * @param callWall the strike at or above spot with the largest call exposure
 * @param putWall the strike at or below spot with the largest absolute put exposure
 * @param absGammaStrike the strike with the largest |call| + |put| exposure
 * @param strikeZeroGamma the zero of cumulative net exposure over ascending strikes, linearly
 *     interpolated; the crossing nearest spot when there are several
 */
public record GexExposures(
    double totalGex,
    double callGex,
    double putGex,
    GexByStrike byStrike,
    List<ExpiryGex> byExpiry,
    GexHeatmap heatmap,
    OptionalDouble callWall,
    OptionalDouble putWall,
    OptionalDouble absGammaStrike,
    OptionalDouble strikeZeroGamma) {

  /** Validates and copies. */
  public GexExposures {
    Objects.requireNonNull(byStrike, "byStrike");
    byExpiry = List.copyOf(byExpiry);
    Objects.requireNonNull(heatmap, "heatmap");
    Objects.requireNonNull(callWall, "callWall");
    Objects.requireNonNull(putWall, "putWall");
    Objects.requireNonNull(absGammaStrike, "absGammaStrike");
    Objects.requireNonNull(strikeZeroGamma, "strikeZeroGamma");
  }
}
