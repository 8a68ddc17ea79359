package io.gex.analysis;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The market makers' (dealers') positioning implied by the chain under the sign convention: exposures in
 * dollars, position class, hedging pressure and the zero-delta level.
 *
 * <p>Signs follow the GEX convention of the analysis: each contract counts with the sign its gamma exposure
 * gets (by default dealers long calls and short puts), so a positive figure is a dealer long exposure. See
 * {@link DealerPositioningAnalyzer} for the formulas.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param deltaExposure total delta exposure: sign × delta × OI × multiplier × spot, dollars
 * @param vannaExposure total dollar delta change per 1 vol point (volatility up 0.01)
 * @param charmExposure total dollar delta change per calendar day passing
 * @param byStrike exposures by strike
 * @param byExpiry exposures by expiry, ascending
 * @param grossGex the sum of every contract's |GEX| at spot, dollars per 1% move, the scale of the neutral
 *     band
 * @param position long gamma, short gamma, or neutral within the band
 * @param hedgingPressure which way dealer hedging pushes the underlying, {@code position.hedgingPressure()}
 * @param hedgeFlowPerPercent dollars of underlying dealers must trade for a 1% move up (positive: sell; in
 *     a long-gamma book dealers sell into strength), equal to total GEX; for a 1% move down the same amount
 *     is traded the other way (positive: buy)
 * @param destabilising whether dealer hedging amplifies moves (short gamma beyond the band)
 * @param zeroDelta the spot where the open interest's net delta (calls at their positive delta, puts at
 *     their negative: the usual DEX, as if dealers were short every option) crosses zero, when it does in
 *     the profile range; the dealers' own delta under a uniform sign convention never changes sign
 */
public record DealerPositioning(
    double deltaExposure,
    double vannaExposure,
    double charmExposure,
    DealerExposuresByStrike byStrike,
    List<ExpiryDealerExposure> byExpiry,
    double grossGex,
    DealerPosition position,
    HedgingPressure hedgingPressure,
    double hedgeFlowPerPercent,
    boolean destabilising,
    OptionalDouble zeroDelta) {

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if a reference is null
   * @throws IllegalArgumentException if a figure is not finite, grossGex is negative, or hedgingPressure
   *     or destabilising disagree with position
   */
  public DealerPositioning {
    Objects.requireNonNull(byStrike, "byStrike");
    byExpiry = List.copyOf(byExpiry);
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(hedgingPressure, "hedgingPressure");
    Objects.requireNonNull(zeroDelta, "zeroDelta");
    finite("deltaExposure", deltaExposure);
    finite("vannaExposure", vannaExposure);
    finite("charmExposure", charmExposure);
    finite("hedgeFlowPerPercent", hedgeFlowPerPercent);
    if (!(grossGex >= 0) || Double.isInfinite(grossGex)) {
      throw new IllegalArgumentException("grossGex must be finite and >= 0, was " + grossGex);
    }
    if (hedgingPressure != position.hedgingPressure()) {
      throw new IllegalArgumentException(
          "hedgingPressure must be " + position.hedgingPressure() + " for " + position + ", was "
              + hedgingPressure);
    }
    if (destabilising != hedgingPressure.destabilising()) {
      throw new IllegalArgumentException(
          "destabilising must be " + hedgingPressure.destabilising() + " for " + position + ", was "
              + destabilising);
    }
  }

  private static void finite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite, was " + value);
    }
  }
}
