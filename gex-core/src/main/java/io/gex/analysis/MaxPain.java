package io.gex.analysis;

/**
 * Max pain of one expiry in O(m) over its m ascending listed strikes, from the open interest of every
 * contract of the expiry (priced or not: it needs no volatility; see {@link PinRiskAnalyzer}) (O(n log n) with the sort that puts
 * the strikes in order; the engine's resolved chain already holds them sorted).
 *
 * <p>Settling at a listed strike {@code s} pays holders {@code P(s) = Σ_calls OI·max(s - K, 0) + Σ_puts
 * OI·max(K - s, 0)} (times the multiplier). At {@code s = K_i} only calls below and puts above are in the
 * money, so with running sums over ascending strikes {@code P(K_i) = K_i·C_<i - (CK)_<i + (PK)_>i -
 * K_i·P_>i}, where {@code C_<i} and {@code (CK)_<i} are the call open interest and open interest × strike
 * below {@code K_i}, and {@code P_>i}, {@code (PK)_>i} the same for puts above.
 *
 * <p>Ties (payouts within 1e-12 × Σ OI·K of the minimum, which absorbs rounding of the running sums) go to
 * the strike nearest spot, then to the lower strike. With no open interest at all every payout is zero and
 * the strike nearest spot is returned.
 *
 * <p>Overflow: payouts are doubles (never int or long), computed on strikes scaled by a power of two, which
 * is exact; any open interest up to {@code Long.MAX_VALUE} and any finite strike gives a strike, never an
 * invalid index. A payout too large for a double (strikes near 1e300) saturates at {@code
 * Double.MAX_VALUE}.
 *
 * <p>This class is stateless and thread-safe.
 */
final class MaxPain {

  /** Relative tolerance under which two payouts count as equal. */
  static final double TIE_TOLERANCE = 1e-12;

  private MaxPain() {}

  /**
   * Fills {@code payout[0..m)} with the payout, in open interest × index points (multiply by the multiplier
   * for dollars), of settling at each strike, and returns the index of the max-pain strike.
   *
   * @param strikes ascending distinct strikes, at least {@code m} of them
   * @param callOi call open interest at each strike
   * @param putOi put open interest at each strike
   * @param m the number of strikes to use, {@code >= 1}
   * @param spot the spot, for ties
   * @param payout receives the payout at each strike, length {@code >= m}
   * @return the index of the max-pain strike in [0, m)
   */
  static int index(
      double[] strikes, double[] callOi, double[] putOi, int m, double spot, double[] payout) {
    // Work in strikes scaled by a power of two that brings the largest into [1, 2): the scaling is exact,
    // so every sum below rounds exactly as it would unscaled, yet no product or sum can overflow (open
    // interest is at most Long.MAX_VALUE per contract, so the sums stay below 1e29).
    int exponent = Math.getExponent(strikes[m - 1]);
    // Backward: the puts above each strike. Forward: the calls below it.
    double putAbove = 0;
    double putStrikeAbove = 0;
    double scale = 0;
    for (int i = m - 1; i >= 0; i--) {
      double k = Math.scalb(strikes[i], -exponent);
      payout[i] = putStrikeAbove - k * putAbove;
      putAbove += putOi[i];
      putStrikeAbove += putOi[i] * k;
      scale += (putOi[i] + callOi[i]) * k;
    }
    double callBelow = 0;
    double callStrikeBelow = 0;
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < m; i++) {
      double k = Math.scalb(strikes[i], -exponent);
      // Exact arithmetic gives a payout >= 0; rounding of the running sums must not make it negative.
      double p = Math.max(payout[i] + (k * callBelow - callStrikeBelow), 0);
      payout[i] = p;
      min = Math.min(min, p);
      callBelow += callOi[i];
      callStrikeBelow += callOi[i] * k;
    }
    // The running sums are exact for integer strikes and open interest; otherwise their rounding is
    // relative to the sum of open interest × strike.
    double limit = min + TIE_TOLERANCE * scale;
    int best = 0;
    boolean found = false;
    for (int i = 0; i < m; i++) {
      if (payout[i] <= limit
          && (!found || Math.abs(strikes[i] - spot) < Math.abs(strikes[best] - spot))) {
        best = i;
        found = true;
      }
    }
    // Back to index points; a payout beyond the double range (strikes near 1e300) saturates.
    for (int i = 0; i < m; i++) {
      payout[i] = Math.min(Math.scalb(payout[i], exponent), Double.MAX_VALUE);
    }
    return best;
  }

  /**
   * The payout of settling at {@code s}, by direct summation over every strike: O(m), the brute-force
   * reference for tests.
   */
  static double payoutAt(double s, double[] strikes, double[] callOi, double[] putOi, int m) {
    double sum = 0;
    for (int j = 0; j < m; j++) {
      sum += callOi[j] * Math.max(s - strikes[j], 0) + putOi[j] * Math.max(strikes[j] - s, 0);
    }
    return sum;
  }
}
