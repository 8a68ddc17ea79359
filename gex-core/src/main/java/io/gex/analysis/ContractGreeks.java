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
   * Loads contract i at the spot whose log is lnS: only {@code d1}, the Gaussian and the prepared gamma
   * coefficient unless {@code greeks} (what GAMMA needs), and N(±d1) only when {@code withCdf}.
   */
  void load(int i, double lnS, boolean greeks, boolean withCdf) {
    call = chain.call[i];
    d1 = chain.d1(i, lnS);
    gaussian = Math.exp(-0.5 * d1 * d1);
    gexCoef = chain.gexCoef[i];
    if (!greeks) {
      return;
    }
    tau = chain.tau[i];
    vol = chain.vol[i];
    sd = vol * Math.sqrt(tau);
    d2 = d1 - sd;
    pdf = BlackScholesKernel.INV_SQRT_2PI * gaussian;
    dfq = q == 0 ? 1 : Math.exp(-q * tau);
    double signedOi = chain.position[i];
    position = signedOi * multiplier;
    w = signedOi * notional;
    cdf = withCdf ? BlackScholesKernel.cdf(call ? d1 : -d1) : Double.NaN;
    gamma = Double.NaN;
    vega = Double.NaN;
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
