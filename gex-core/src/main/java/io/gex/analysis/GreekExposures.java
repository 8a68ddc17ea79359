package io.gex.analysis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The figures of an analysis beyond gamma, delta, vanna and charm at spot: the exposures of the higher-order
 * measures ({@link Measure#VOMMA}, {@link Measure#SPEED}, {@link Measure#ZOMMA}, {@link Measure#COLOR}) by
 * strike, by expiry and in total; and, when the settings ask for them, the zero-gamma level of each expiry
 * ({@link io.gex.settings.GexSettings#expiryZeroGamma()}) and the delta, vanna and charm profiles against
 * hypothetical spot ({@link io.gex.settings.GexSettings#dealerProfiles()}).
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param exposures the measures' exposures, one per measure, in the order of {@link Measure}
 * @param zeroGammaByExpiry the zero-gamma level of each expiry, ascending; empty unless asked for
 * @param profiles measures re-priced on the gamma profile's grid, one per measure, in the order of {@link
 *     Measure}; empty unless asked for
 */
public record GreekExposures(
    List<MeasureExposure> exposures,
    List<ExpiryZeroGamma> zeroGammaByExpiry,
    List<MeasureProfile> profiles) {

  private static final GreekExposures NONE = new GreekExposures(List.of(), List.of(), List.of());

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if a list or an element is null
   * @throws IllegalArgumentException if a measure repeats or the measures are out of order
   */
  public GreekExposures {
    exposures = List.copyOf(exposures);
    zeroGammaByExpiry = List.copyOf(zeroGammaByExpiry);
    profiles = List.copyOf(profiles);
    for (int i = 1; i < exposures.size(); i++) {
      if (exposures.get(i).measure().compareTo(exposures.get(i - 1).measure()) <= 0) {
        throw new IllegalArgumentException(
            "exposures must be in the order of Measure, one each, were " + measures(exposures));
      }
    }
    for (int i = 1; i < profiles.size(); i++) {
      if (profiles.get(i).measure().compareTo(profiles.get(i - 1).measure()) <= 0) {
        throw new IllegalArgumentException("profiles must be in the order of Measure, one each");
      }
    }
  }

  /** No figures: what analyses made without them carry. */
  public static GreekExposures none() {
    return NONE;
  }

  /** The exposure of a measure, if the analysis holds it. */
  public Optional<MeasureExposure> exposure(Measure measure) {
    Objects.requireNonNull(measure, "measure");
    for (MeasureExposure e : exposures) {
      if (e.measure() == measure) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** The profile of a measure against hypothetical spot, if it was computed. */
  public Optional<MeasureProfile> profile(Measure measure) {
    Objects.requireNonNull(measure, "measure");
    for (MeasureProfile p : profiles) {
      if (p.measure() == measure) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  private static String measures(List<MeasureExposure> exposures) {
    return exposures.stream().map(e -> e.measure().name()).toList().toString();
  }
}
