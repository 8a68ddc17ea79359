package io.gex.internal;

import org.apache.commons.numbers.gamma.Erfc;

/**
 * The one place of the Black-Scholes-Merton formulas and their constants, on primitives, for {@link
 * io.gex.greeks.BlackScholes} and every analyser of gex-core.
 *
 * <p>The greeks take what a caller pricing many greeks of one contract computes once: {@code sd = vol·√tau},
 * {@code d1}, {@code d2 = d1 - sd}, {@code dfq = e^(-q·tau)}, the density {@code pdf = φ(d1)} and, for delta
 * and charm, {@code cdf}, which is {@code N(d1)} for a call and {@code N(-d1)} for a put. Each formula is
 * written so that a density that underflowed to 0 gives 0, never {@code 0 × ∞}. Greeks are per unit of
 * spot, of volatility (1.00 = 100 vol points) and of time in years; callers scale them.
 *
 * <p>Not API: may change without notice. Stateless and thread-safe.
 */
public final class BlackScholesKernel {

  /** 1/√(2π). */
  public static final double INV_SQRT_2PI = 0.3989422804014327;

  /** 1/√2. */
  public static final double INV_SQRT_2 = 0.7071067811865476;

  /** Below this {@code vol·√tau} the volatility counts as zero. */
  public static final double MIN_STD_DEV = 1e-15;

  private BlackScholesKernel() {}

  /** The standard normal density φ(x). */
  public static double pdf(double x) {
    return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
  }

  /** The standard normal distribution function N(x), accurate in both tails (via erfc). */
  public static double cdf(double x) {
    return 0.5 * Erfc.value(-x * INV_SQRT_2);
  }

  /** Whether {@code tau} and {@code vol} leave no diffusion: at or after expiry, or zero volatility. */
  public static boolean degenerate(double tau, double vol) {
    return !(tau > 0) || !(vol > 0) || !(vol * Math.sqrt(tau) >= MIN_STD_DEV);
  }

  /** d1 {@code = (ln S - ln K + (r - q)·tau) / sd + sd / 2}, with no {@code vol²} to overflow. */
  public static double d1(double spot, double strike, double tau, double sd, double r, double q) {
    return d1(forwardLogMoneyness(spot, strike, tau, r, q), sd);
  }

  /** d2 {@code = d1 - sd}, computed directly so that it is never {@code ∞ - ∞}. */
  public static double d2(double spot, double strike, double tau, double sd, double r, double q) {
    return d2(forwardLogMoneyness(spot, strike, tau, r, q), sd);
  }

  /**
   * {@code ln S - ln K + (r - q)·tau}, the numerator of d1 and d2 but for {@code sd}: what does not depend
   * on the volatility, for a caller that prices one option at many volatilities.
   */
  public static double forwardLogMoneyness(double spot, double strike, double tau, double r, double q) {
    return Math.log(spot) - Math.log(strike) + (r - q) * tau;
  }

  /** d1 from {@link #forwardLogMoneyness} and {@code sd}: the same value as {@link #d1(double, double, double, double, double, double)}. */
  public static double d1(double forwardLogMoneyness, double sd) {
    return forwardLogMoneyness / sd + 0.5 * sd;
  }

  /** d2 from {@link #forwardLogMoneyness} and {@code sd}: the same value as {@link #d2(double, double, double, double, double, double)}. */
  public static double d2(double forwardLogMoneyness, double sd) {
    return forwardLogMoneyness / sd - 0.5 * sd;
  }

  /**
   * The discount factor {@code exp(-rate·tau)}, exactly 1 without an exponential when the rate is 0 (as a
   * dividend yield usually is): {@code exp(-0)} is 1, so the value is the same either way.
   */
  public static double discount(double rate, double tau) {
    return rate == 0 ? 1 : Math.exp(-rate * tau);
  }

  /** The value of exercising now, {@code max(S dfq - K dfr, 0)} for a call and the reverse for a put. */
  public static double intrinsic(boolean call, double spot, double strike, double dfq, double dfr) {
    return Math.max(call ? spot * dfq - strike * dfr : strike * dfr - spot * dfq, 0);
  }

  /** Price {@code S dfq N(d1) - K dfr N(d2)} for a call, {@code K dfr N(-d2) - S dfq N(-d1)} for a put. */
  public static double price(
      boolean call, double spot, double strike, double d1, double d2, double dfq, double dfr) {
    return call
        ? spot * dfq * cdf(d1) - strike * dfr * cdf(d2)
        : strike * dfr * cdf(-d2) - spot * dfq * cdf(-d1);
  }

  /** Delta {@code dfq N(d1)} for a call, {@code -dfq N(-d1)} for a put ({@code cdf} as the class says). */
  public static double delta(boolean call, double dfq, double cdf) {
    return call ? dfq * cdf : -dfq * cdf;
  }

  /** Gamma {@code dfq φ(d1) / (S sd)}: the change of delta per unit of spot. */
  public static double gamma(double spot, double sd, double dfq, double pdf) {
    return pdf == 0 ? 0 : dfq * pdf / (spot * sd);
  }

  /** Vega {@code S dfq φ(d1) √tau}: the change of price per unit of volatility. */
  public static double vega(double spot, double sqrtTau, double dfq, double pdf) {
    return pdf == 0 ? 0 : spot * dfq * pdf * sqrtTau;
  }

  /** Vanna {@code -dfq φ(d1) d2 / vol}: the change of delta per unit of volatility. */
  public static double vanna(double vol, double d2, double dfq, double pdf) {
    return pdf == 0 ? 0 : -dfq * pdf * d2 / vol;
  }

  /**
   * Charm {@code ±q dfq N(±d1) - dfq φ(d1) (2(r-q)tau - d2 sd) / (2 tau sd)}: the change of delta as one
   * year of calendar time passes.
   */
  public static double charm(
      boolean call,
      double r,
      double q,
      double tau,
      double sd,
      double d2,
      double dfq,
      double pdf,
      double cdf) {
    double common = pdf == 0 ? 0 : dfq * pdf * (2 * (r - q) * tau - d2 * sd) / (2 * tau * sd);
    return call ? q * dfq * cdf - common : -q * dfq * cdf - common;
  }

  /** Vomma (volga) {@code vega d1 d2 / vol}: the change of vega per unit of volatility. */
  public static double vomma(double vega, double vol, double d1, double d2) {
    return vega == 0 ? 0 : vega * d1 * d2 / vol;
  }

  /** Speed {@code -gamma (d1 / sd + 1) / S}: the change of gamma per unit of spot. */
  public static double speed(double gamma, double spot, double sd, double d1) {
    return gamma == 0 ? 0 : -gamma * (d1 / sd + 1) / spot;
  }

  /** Zomma {@code gamma (d1 d2 - 1) / vol}: the change of gamma per unit of volatility. */
  public static double zomma(double gamma, double vol, double d1, double d2) {
    return gamma == 0 ? 0 : gamma * (d1 * d2 - 1) / vol;
  }

  /**
   * Color {@code gamma (2q tau + 1 + d1 (2(r-q)tau - d2 sd) / sd) / (2 tau)}: the change of gamma as one
   * year of calendar time passes ({@code -∂gamma/∂tau}; the textbook expression with a leading minus sign is
   * {@code ∂gamma/∂tau}).
   */
  public static double color(
      double gamma, double r, double q, double tau, double sd, double d1, double d2) {
    return gamma == 0
        ? 0
        : gamma * (2 * q * tau + 1 + d1 * (2 * (r - q) * tau - d2 * sd) / sd) / (2 * tau);
  }
}
