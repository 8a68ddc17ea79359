package io.gex.analysis;

import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * The zero-gamma level ({@link GammaProfileCalculator#zeroGamma}) of a chain followed tick by tick, for a
 * live chain whose spot moves while its volatilities and open interest stay.
 *
 * <p>The crossings of the gamma profile (the spots where the dealers' gamma changes sign) depend on the
 * contracts, their volatilities and open interest, not on where spot is: only which crossing is nearest
 * does. A search proves every crossing within a window of spots. While the next chain has the same gamma
 * kernel (a resolve that reused its columns: {@link ResolvedChain#resolve(String, double,
 * java.time.Instant, java.util.List, java.util.List, io.gex.settings.GexSettings,
 * ResolvedChain.Instruments) resolve} with instruments) and its spot lies where the proven window still
 * decides the nearest crossing within the profile range, the answer is taken from the crossings already
 * proven, with no evaluation of the profile; otherwise the window search runs again. Either way the answer
 * is the crossing {@link GammaProfileCalculator#zeroGamma} finds, to the root solver's tolerance (a crossing
 * located from another spot's grid lies within about 1e-10 of spot of it).
 *
 * <p>The tracker remembers the last two searches, of two kernels: when spot hovers about a strike, as it
 * does where open interest is large, under {@link io.gex.settings.IvSource#OTM} the pair at that strike takes
 * one member's volatility below it and the other's above, so the kernel alternates between two states, each
 * searched once.
 *
 * <p>Not thread-safe: one tracker per chain, used by one thread at a time (a live chain's lock).
 */
public final class ZeroGammaTracker {

  /** The last search, and the one before it (of another kernel, or of another window of this one). */
  private GammaProfileCalculator.@Nullable FlipSearch last;

  private GammaProfileCalculator.@Nullable FlipSearch before;
  private long searches;
  private long reused;

  /** A tracker with nothing proven yet. */
  public ZeroGammaTracker() {}

  /** The zero-gamma level of this chain: as {@link GammaProfileCalculator#zeroGamma} finds it. */
  public OptionalDouble zeroGamma(ResolvedChain chain) {
    GammaTerms terms = chain.terms();
    GammaProfileCalculator.FlipSearch recent = last;
    if (recent != null && sameKernel(recent.terms, terms)) {
      OptionalDouble answer = fromProven(recent, chain);
      if (answer != null) {
        reused++;
        return answer;
      }
    }
    GammaProfileCalculator.FlipSearch older = before;
    if (older != null && sameKernel(older.terms, terms)) {
      OptionalDouble answer = fromProven(older, chain);
      if (answer != null) {
        reused++;
        before = recent;
        last = older;
        return answer;
      }
    }
    GammaProfileCalculator.FlipSearch search = GammaProfileCalculator.flipSearch(chain);
    searches++;
    before = recent;
    last = search;
    return search.nearest;
  }

  /** How many times the profile was searched. */
  public long searches() {
    return searches;
  }

  /** How many answers came from crossings already proven, without a search. */
  public long reused() {
    return reused;
  }

  private static boolean sameKernel(GammaTerms a, GammaTerms b) {
    return a.gexCoef == b.gexCoef
        && a.drift == b.drift
        && a.invSd == b.invSd
        && a.lnStrike == b.lnStrike
        && a.settings.equals(b.settings);
  }

  /**
   * The nearest crossing within this chain's profile range if the proven window decides it: every spot
   * closer than it lies in the window or outside the range. Null when the window does not decide.
   */
  private static @Nullable OptionalDouble fromProven(
      GammaProfileCalculator.FlipSearch known, ResolvedChain chain) {
    double spot = chain.spot;
    double rangeLow = spot * chain.settings.profileLow();
    double rangeHigh = spot * chain.settings.profileHigh();
    double best = Double.NaN;
    for (double c : known.crossings) {
      if (c >= rangeLow && c <= rangeHigh && !(Math.abs(c - spot) >= Math.abs(best - spot))) {
        best = c;
      }
    }
    if (Double.isNaN(best)) {
      // No crossing known in the range: the answer is "none" only if the window covers the whole range.
      return known.low <= rangeLow && known.high >= rangeHigh ? OptionalDouble.empty() : null;
    }
    double distance = Math.abs(best - spot);
    boolean lowDecided = known.low <= Math.max(spot - distance, rangeLow);
    boolean highDecided = known.high >= Math.min(spot + distance, rangeHigh);
    return lowDecided && highDecided ? OptionalDouble.of(best) : null;
  }
}
