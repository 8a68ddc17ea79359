package io.gex.analysis;

import io.gex.internal.BlackScholesKernel;

/**
 * What the greeks of one contract at one spot share, computed once per contract: {@code d1}, {@code d2},
 * the density and, when a measure needs it, {@code N(±d1)}. A scratch object: one per calculation, loaded
 * with each contract in turn; not thread-safe.
 */
final class ContractGreeks {

  final double spot;
  final double r;
  final double q;
  final double perDay;
  private final double notional;
  private final double multiplier;
  private final ResolvedChain chain;

  boolean call;
  double tau;
  double vol;
  double sd;
  double d1;
  double d2;
  double dfq;

  /** exp(-d1²/2). */
  double gaussian;

  /** φ(d1). */
  double pdf;

  /** N(d1) for a call, N(-d1) for a put; NaN unless loaded with it. */
  double cdf;

  /** The chain's prepared gamma coefficient of the contract. */
  double gexCoef;

  /** sign × OI × multiplier. */
  double position;

  /** sign × OI × multiplier × spot. */
  double w;

  private double gamma;
  private double vega;

  /** The contract loaded last, or -1; whether with its greeks. */
  private int loaded = -1;

  private boolean loadedGreeks;

  ContractGreeks(ResolvedChain chain, double spot) {
    this.chain = chain;
    this.spot = spot;
    this.r = chain.settings.rate();
    this.q = chain.settings.dividendYield();
    this.perDay = 1.0 / chain.settings.daysPerYear();
    this.multiplier = chain.settings.multiplier();
    this.notional = multiplier * spot;
  }

  /**
   * Loads contract i at this object's spot, whose log is lnS (always the same): only {@code d1}, the Gaussian and the prepared gamma
   * coefficient unless {@code greeks} (what GAMMA needs), and N(±d1) only when {@code withCdf}.
   */
  void load(int i, double lnS, boolean greeks, boolean withCdf) {
    // The other member of the pair loaded last (same strike and expiry; the same volatility under the otm
    // and mid rules) has the same d1, density, standard deviation and gamma: only its right, position and
    // N(±d1) are its own. Each N(±d1) is computed from erfc, as for a contract alone, so that sharing
    // changes no figure by a bit.
    boolean shared = loadedGreeks == greeks && chain.sharesD1(i, loaded);
    loaded = i;
    loadedGreeks = greeks;
    call = chain.call[i];
    gexCoef = chain.gexCoef[i];
    if (!shared) {
      d1 = chain.d1(i, lnS);
      gaussian = Math.exp(-0.5 * d1 * d1);
    }
    if (!greeks) {
      return;
    }
    if (!shared) {
      tau = chain.tau[i];
      vol = chain.vol[i];
      sd = vol * Math.sqrt(tau);
      d2 = d1 - sd;
      pdf = BlackScholesKernel.INV_SQRT_2PI * gaussian;
      dfq = BlackScholesKernel.discount(q, tau);
      gamma = Double.NaN;
      vega = Double.NaN;
    }
    double signedOi = chain.position[i];
    position = signedOi * multiplier;
    w = signedOi * notional;
    cdf = withCdf ? BlackScholesKernel.cdf(call ? d1 : -d1) : Double.NaN;
  }

  /** Gamma per unit of spot, computed on first use for the contract. */
  double gamma() {
    if (Double.isNaN(gamma)) {
      gamma = BlackScholesKernel.gamma(spot, sd, dfq, pdf);
    }
    return gamma;
  }

  /** Vega per unit of volatility, computed on first use for the contract. */
  double vega() {
    if (Double.isNaN(vega)) {
      vega = BlackScholesKernel.vega(spot, Math.sqrt(tau), dfq, pdf);
    }
    return vega;
  }
}
