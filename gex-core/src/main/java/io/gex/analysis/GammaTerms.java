package io.gex.analysis;

import io.gex.settings.GexSettings;

/**
 * The gamma kernel of a chain with the contracts that share a Gaussian merged: a call and a put of one
 * expiry and strike priced with the same volatility and time to settlement (under {@link
 * io.gex.settings.IvSource#OTM} both take the out-of-the-money member's volatility, so nearly every pair)
 * have the same {@code d1} at every spot, and their exposures are one Gaussian with the sum of their coefficients.
 * Merging them halves the work of the profile and of its crossing search; the sums differ from the
 * per-contract ones only by rounding.
 *
 * <p>Term {@code t} contributes {@code gexCoef[t] exp(-d1²/2)} to the profile divided by spot, with {@code
 * d1 = (ln S - lnStrike[t] + drift[t]) invSd[t]}. Immutable, so shared by the threads reading one chain.
 */
final class GammaTerms {

  final double spot;
  final GexSettings settings;
  final int n;
  final double[] gexCoef;
  final double[] lnStrike;
  final double[] drift;
  final double[] invSd;
  final int[] expiryIndex;

  /** Per contract of the chain: the index of its term. */
  final int[] termOf;

  private GammaTerms(ResolvedChain chain, int n, int[] first, double[] coef, int[] termOf) {
    this.termOf = termOf;
    this.spot = chain.spot;
    this.settings = chain.settings;
    this.n = n;
    this.gexCoef = coef;
    this.lnStrike = new double[n];
    this.drift = new double[n];
    this.invSd = new double[n];
    this.expiryIndex = new int[n];
    for (int t = 0; t < n; t++) {
      int i = first[t];
      lnStrike[t] = chain.lnStrike[i];
      drift[t] = chain.drift[i];
      invSd[t] = chain.invSd[i];
      expiryIndex[t] = chain.expiryIndex[i];
    }
  }

  private GammaTerms(GammaTerms other, double spot) {
    this.spot = spot;
    this.settings = other.settings;
    this.n = other.n;
    this.gexCoef = other.gexCoef;
    this.lnStrike = other.lnStrike;
    this.drift = other.drift;
    this.invSd = other.invSd;
    this.expiryIndex = other.expiryIndex;
    this.termOf = other.termOf;
  }

  /** The same terms at another spot (the terms themselves do not depend on spot): every array shared. */
  GammaTerms atSpot(double otherSpot) {
    return otherSpot == spot ? this : new GammaTerms(this, otherSpot);
  }

  /** d1 of term {@code t} at a spot whose log is {@code lnSpot}. */
  double d1(int t, double lnSpot) {
    return (lnSpot - lnStrike[t] + drift[t]) * invSd[t];
  }

  /**
   * Merges each priced call/put pair (found when the chain was resolved) whose members share time to
   * settlement and volatility. Terms keep the order of their first contract.
   */
  static GammaTerms of(ResolvedChain chain) {
    int n = chain.n;
    int[] first = new int[n];
    int[] termOf = new int[n];
    double[] coef = new double[n];
    int[] partner = chain.partner;
    int m = 0;
    for (int i = 0; i < n; i++) {
      int j = partner[i];
      if (j < i && chain.sharesD1(i, j)) {
        int t = termOf[j];
        coef[t] += chain.gexCoef[i];
        termOf[i] = t;
        continue;
      }
      first[m] = i;
      termOf[i] = m;
      coef[m] = chain.gexCoef[i];
      m++;
    }
    return new GammaTerms(chain, m, first, java.util.Arrays.copyOf(coef, m), termOf);
  }
}
