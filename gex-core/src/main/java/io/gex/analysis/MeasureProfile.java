package io.gex.analysis;

import java.util.Objects;

/**
 * One measure's total exposure re-priced at hypothetical spots (sticky strike: same volatilities and times
 * to expiry), on the grid of the gamma profile. Each value is the measure's total at that spot in the
 * measure's {@linkplain Measure#unit() unit}, with the spot of the scaling the hypothetical one (delta
 * exposure at spot {@code S'} is {@code Σ p × delta(S') × S'}).
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param measure the measure
 * @param spots the hypothetical spots, ascending
 * @param values the total at each spot
 */
public record MeasureProfile(Measure measure, DoubleArray spots, DoubleArray values) {

  /**
   * Validates.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the lengths differ or a value is not finite
   */
  public MeasureProfile {
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(spots, "spots");
    Objects.requireNonNull(values, "values");
    if (spots.size() != values.size()) {
      throw new IllegalArgumentException(
          "spots and values must have one length, were " + spots.size() + " and " + values.size());
    }
    for (int j = 0; j < values.size(); j++) {
      if (!Double.isFinite(values.get(j)) || !Double.isFinite(spots.get(j))) {
        throw new IllegalArgumentException(
            measure + " profile must be finite, was " + values.get(j) + " at " + spots.get(j));
      }
    }
  }
}
