package io.gex.analysis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Pin risk of every expiry and the chain's highest open-interest strikes. The headline is the nearest
 * unexpired expiry (expiries already settled never reach the analysis).
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param expiries pin risk per expiry, ascending by expiry date
 * @param topStrikes the chain's highest open-interest strikes over all expiries, largest first; each share
 *     is of the whole chain's open interest
 * @param openInterestByStrike call and put open interest at every strike, over all expiries analysed
 */
public record PinRiskAnalysis(
    List<ExpiryPinRisk> expiries,
    List<OpenInterestStrike> topStrikes,
    OpenInterestByStrike openInterestByStrike) {

  /** An analysis with no expiry. */
  public static final PinRiskAnalysis EMPTY =
      new PinRiskAnalysis(List.of(), List.of(), OpenInterestByStrike.EMPTY);

  /** An analysis without open interest by strike (kept for callers of the first version). */
  public PinRiskAnalysis(List<ExpiryPinRisk> expiries, List<OpenInterestStrike> topStrikes) {
    this(expiries, topStrikes, OpenInterestByStrike.EMPTY);
  }

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if a list or an element is null
   * @throws IllegalArgumentException if the expiries are not strictly ascending
   */
  public PinRiskAnalysis {
    expiries = List.copyOf(expiries);
    topStrikes = List.copyOf(topStrikes);
    Objects.requireNonNull(openInterestByStrike, "openInterestByStrike");
    for (int i = 1; i < expiries.size(); i++) {
      if (!expiries.get(i).expiry().isAfter(expiries.get(i - 1).expiry())) {
        throw new IllegalArgumentException(
            "expiries must be strictly ascending, were "
                + expiries.get(i - 1).expiry()
                + " then "
                + expiries.get(i).expiry());
      }
    }
  }

  /** The nearest expiry's pin risk, the headline figure; empty when there is no expiry. */
  public Optional<ExpiryPinRisk> headline() {
    return expiries.isEmpty() ? Optional.empty() : Optional.of(expiries.get(0));
  }
}
