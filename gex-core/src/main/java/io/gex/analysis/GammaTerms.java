package io.gex.analysis;

import io.gex.settings.GexSettings;

/**
 * The gamma kernel of a chain with the contracts that share a Gaussian merged: a call and a put of one
 * expiry and strike priced with the same volatility and time to settlement (under {@link
 * io.gex.settings.IvSource#OTM} both take the out-of-the-money member's volatility, so nearly every pair) have the
 * same {@code d1} at every spot, and their exposures are one Gaussian with the sum of their coefficients.
 * Merging them halves the work of the profile and of its crossing search; the sums differ from the
 * per-contract ones only by rounding.
 *
 * <p>Term {@code t} contributes {@code gexCoef[t] exp(-d1²/2)} to the profile divided by spot, with {@code
 * d1 = (ln S - lnStrike[t] + drift[t]) invSd[t]}. Immutable once built; not shared across threads.
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

  /** d1 of term {@code t} at a spot whose log is {@code lnSpot}. */
  double d1(int t, double lnSpot) {
    return (lnSpot - lnStrike[t] + drift[t]) * invSd[t];
  }

  /**
   * Merges the contracts of a chain that share expiry, strike, time to settlement and volatility. Terms
   * keep the order of their first contract.
   */
  static GammaTerms of(ResolvedChain chain) {
    int n = chain.n;
    int[] first = new int[n];
    int[] termOf = new int[n];
    double[] coef = new double[n];
    // Open addressing on (expiry index, strike index): the partner of a contract is usually not its
    // neighbour (sources list all the calls of an expiry, then all the puts).
    int capacity = Integer.highestOneBit(Math.max(4, 2 * n)) << 1;
    int mask = capacity - 1;
    long[] keys = new long[capacity];
    int[] slots = new int[capacity];
    java.util.Arrays.fill(slots, -1);
    int strikes = chain.strikes.length;
    int m = 0;
    for (int i = 0; i < n; i++) {
      long key = (long) chain.expiryIndex[i] * strikes + chain.strikeIndex[i];
      int h = (int) (mix(key) & mask);
      int found = -1;
      while (slots[h] >= 0) {
        if (keys[h] == key) {
          int t = slots[h];
          int f = first[t];
          if (chain.tau[f] == chain.tau[i] && chain.vol[f] == chain.vol[i]) {
            found = t;
            break;
          }
        }
        h = (h + 1) & mask;
      }
      if (found >= 0) {
        coef[found] += chain.gexCoef[i];
        termOf[i] = found;
        continue;
      }
      if (slots[h] < 0) {
        keys[h] = key;
        slots[h] = m;
      }
      first[m] = i;
      termOf[i] = m;
      coef[m] = chain.gexCoef[i];
      m++;
    }
    return new GammaTerms(chain, m, first, java.util.Arrays.copyOf(coef, m), termOf);
  }

  private static long mix(long key) {
    long z = key * 0x9E3779B97F4A7C15L;
    return z ^ (z >>> 29);
  }
}
