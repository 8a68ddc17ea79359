package io.gex.analysis;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Total gamma exposure re-priced at hypothetical spots (same volatilities and times to expiry), with every
 * zero crossing in the range: the crossings come from a search on the exact profile, not from the grid of
 * {@code spots}, so a crossing between two grid points is listed too ({@link GammaProfileCalculator} says
 * exactly what is guaranteed). The zero-gamma level is the crossing nearest to the actual spot, or absent
 * when the profile does not cross zero in the range.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param scope which expiries the profile includes
 * @param excludedExpiry the expiry left out by {@link Scope#EXCLUDING_NEXT_EXPIRY} or {@link
 *     Scope#EXCLUDING_NEXT_MONTHLY}, when there was one
 * @param spots the hypothetical spots, ascending
 * @param totalGex total GEX at each spot, dollars per 1% move
 * @param crossings every zero crossing in the range, ascending
 * @param zeroGamma the crossing nearest to spot
 */
public record GammaProfile(
    Scope scope,
    Optional<LocalDate> excludedExpiry,
    DoubleArray spots,
    DoubleArray totalGex,
    DoubleArray crossings,
    OptionalDouble zeroGamma) {

  /** Which expiries a profile includes. */
  public enum Scope {
    /** Every expiry of the analysis. */
    ALL_EXPIRIES,
    /** Every expiry but the nearest one. */
    EXCLUDING_NEXT_EXPIRY,
    /** Every expiry but the next monthly (third Friday). */
    EXCLUDING_NEXT_MONTHLY
  }

  /** Validates. */
  public GammaProfile {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(excludedExpiry, "excludedExpiry");
    Objects.requireNonNull(spots, "spots");
    Objects.requireNonNull(totalGex, "totalGex");
    Objects.requireNonNull(crossings, "crossings");
    Objects.requireNonNull(zeroGamma, "zeroGamma");
    if (spots.size() != totalGex.size()) {
      throw new IllegalArgumentException(
          "spots and totalGex must have one length, were " + spots.size() + " and " + totalGex.size());
    }
  }
}
