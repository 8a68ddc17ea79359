package io.gex.analysis;

import io.gex.internal.Finite;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * Gamma exposure at spot: totals, by strike, by expiry, the strike x expiry heatmap, the walls and the
 * strike-interpolated zero-gamma level. Dollars per 1% move, signed by the convention. No figure is NaN or
 * infinite (the constructor checks it); a level that does not exist is an empty {@link OptionalDouble}.
 *
 * <p>This class is immutable and thread-safe.
 *
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
    double callGex,
    double putGex,
    GexByStrike byStrike,
    List<ExpiryGex> byExpiry,
    GexHeatmap heatmap,
    OptionalDouble callWall,
    OptionalDouble putWall,
    OptionalDouble absGammaStrike,
    OptionalDouble strikeZeroGamma) {

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if a reference is null
   * @throws IllegalArgumentException naming the figure (such as {@code byStrike.callGex[3]}) if a number is
   *     NaN or infinite
   */
  public GexExposures {
    Objects.requireNonNull(byStrike, "byStrike");
    byExpiry = List.copyOf(byExpiry);
    Objects.requireNonNull(heatmap, "heatmap");
    Objects.requireNonNull(callWall, "callWall");
    Objects.requireNonNull(putWall, "putWall");
    Objects.requireNonNull(absGammaStrike, "absGammaStrike");
    Objects.requireNonNull(strikeZeroGamma, "strikeZeroGamma");
    Finite.check("callGex", callGex);
    Finite.check("putGex", putGex);
    // The sum of two finite numbers can still overflow.
    Finite.check("totalGex", callGex + putGex);
    check("byStrike.strikes", byStrike.strikes());
    check("byStrike.callGex", byStrike.callGex());
    check("byStrike.putGex", byStrike.putGex());
    check("byStrike.netGex", byStrike.netGex());
    for (int i = 0; i < byExpiry.size(); i++) {
      ExpiryGex e = byExpiry.get(i);
      Finite.check("byExpiry[" + i + "].callGex", e.callGex());
      Finite.check("byExpiry[" + i + "].putGex", e.putGex());
      Finite.check("byExpiry[" + i + "].netGex", e.netGex());
    }
    check("heatmap.strikes", heatmap.strikes());
    check("heatmap.netGex", heatmap.netGex());
    Finite.check("callWall", callWall);
    Finite.check("putWall", putWall);
    Finite.check("absGammaStrike", absGammaStrike);
    Finite.check("strikeZeroGamma", strikeZeroGamma);
  }

  private static void check(String name, DoubleArray values) {
    Finite.check(name, values.size(), values::get);
  }

  /**
   * Call + put exposure at spot: derived, never stored, so it cannot disagree with its parts. This is the
   * double the engine has always reported ({@code callGex + putGex}, summed in that order).
   */
  public double totalGex() {
    return callGex + putGex;
  }
}
