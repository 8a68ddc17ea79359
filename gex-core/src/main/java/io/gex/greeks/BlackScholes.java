package io.gex.greeks;

import org.apache.commons.numbers.gamma.Erfc;

/**
 * Black-Scholes-Merton price and greeks of a European option on an underlying with continuous dividend
 * yield {@code q}, under a continuous risk-free rate {@code r}.
 *
 * <p>Arguments: {@code spot} and {@code strike} in price units, {@code tau} the time to expiry in years,
 * {@code vol} the implied volatility as a decimal (0.2 for 20%), {@code r} and {@code q} continuous annual
 * rates as decimals. With {@code d1 = (ln(S/K) + (r - q + vol²/2)·tau) / (vol·√tau)} and {@code d2 = d1 -
 * vol·√tau}:
 *
 * <ul>
 *   <li>gamma {@code = e^(-q·tau) φ(d1) / (S·vol·√tau)}, the same for calls and puts;
 *   <li>delta {@code = e^(-q·tau) N(d1)} for a call, {@code -e^(-q·tau) N(-d1)} for a put;
 *   <li>vanna {@code = ∂delta/∂vol = -e^(-q·tau) φ(d1) d2 / vol}, per unit of volatility (1.00 = 100
 *       vol points), the same for calls and puts;
 *   <li>charm {@code = ∂delta/∂t}, the change of delta as calendar time passes, per year (divide by 365 for
 *       a day): {@code ±q·e^(-q·tau) N(±d1) - e^(-q·tau) φ(d1) (2(r-q)·tau - d2·vol·√tau) / (2·tau·vol·√tau)}.
 * </ul>
 *
 * <p>Degenerate inputs do not produce NaN: at or after expiry ({@code tau <= 0}) or with zero volatility
 * (any {@code vol·√tau} below {@value #MIN_STD_DEV}, such as a subnormal volatility), gamma, vanna and charm
 * are 0 and delta is the discounted intrinsic indicator (1 for a call with spot above the forward-adjusted
 * strike, else 0; mirrored for puts), and the price is the discounted intrinsic value. A volatility so large
 * that {@code vol²} overflows still gives finite greeks (d1 is computed as {@code (ln S - ln K + (r -
 * q)·tau) / (vol·√tau) + vol·√tau / 2}, and a greek whose density φ(d1) underflows to 0 is 0).
 *
 * <p>Domain: spot and strike finite and {@code > 0} (the chain bounds them to [1e-6, 1e9]), {@code r} and
 * {@code q} finite with {@code |q|·tau} below about 700 (so that {@code e^(-q·tau)} is finite), vol finite
 * and {@code >= 0}. Within it every result is finite.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class BlackScholes {

  private static final double INV_SQRT_2PI = 0.3989422804014327;
  private static final double INV_SQRT_2 = 0.7071067811865476;

  /** Below this {@code vol·√tau} the volatility counts as zero: {@value}. */
  public static final double MIN_STD_DEV = 1e-15;

  private BlackScholes() {}

  /** The standard normal density φ(x). */
  public static double normalPdf(double x) {
    return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
  }

  /** The standard normal distribution function N(x), accurate in both tails (via erfc). */
  public static double normalCdf(double x) {
    return 0.5 * Erfc.value(-x * INV_SQRT_2);
  }

  /**
   * d1 {@code = (ln S - ln K + (r - q)·tau) / (vol·√tau) + vol·√tau / 2}, the same as the textbook form but
   * with no {@code vol²} to overflow; callers must ensure {@code tau > 0} and {@code vol > 0}.
   */
  public static double d1(double spot, double strike, double tau, double vol, double r, double q) {
    double sd = vol * Math.sqrt(tau);
    return (Math.log(spot) - Math.log(strike) + (r - q) * tau) / sd + 0.5 * sd;
  }

  /** d2 {@code = d1 - vol·√tau}, computed directly so that it is never {@code ∞ - ∞}. */
  private static double d2(double spot, double strike, double tau, double vol, double r, double q) {
    double sd = vol * Math.sqrt(tau);
    return (Math.log(spot) - Math.log(strike) + (r - q) * tau) / sd - 0.5 * sd;
  }

  private static boolean degenerate(double tau, double vol) {
    return !(tau > 0) || !(vol > 0) || !(vol * Math.sqrt(tau) >= MIN_STD_DEV);
  }

  /** Gamma: the change of delta per unit change of spot. */
  public static double gamma(double spot, double strike, double tau, double vol, double r, double q) {
    if (degenerate(tau, vol)) {
      return 0;
    }
    double sd = vol * Math.sqrt(tau);
    double pdf = normalPdf(d1(spot, strike, tau, vol, r, q));
    return pdf == 0 ? 0 : Math.exp(-q * tau) * pdf / (spot * sd);
  }

  /** Delta: the change of option value per unit change of spot. */
  public static double delta(
      boolean call, double spot, double strike, double tau, double vol, double r, double q) {
    if (degenerate(tau, vol)) {
      double t = Math.max(tau, 0);
      double forwardInTheMoney = spot * Math.exp((r - q) * t) - strike;
      double df = Math.exp(-q * t);
      if (call) {
        return forwardInTheMoney > 0 ? df : 0;
      }
      return forwardInTheMoney < 0 ? -df : 0;
    }
    double d1 = d1(spot, strike, tau, vol, r, q);
    double df = Math.exp(-q * tau);
    return call ? df * normalCdf(d1) : -df * normalCdf(-d1);
  }

  /** Vanna: the change of delta per unit of volatility (divide by 100 for one vol point). */
  public static double vanna(double spot, double strike, double tau, double vol, double r, double q) {
    if (degenerate(tau, vol)) {
      return 0;
    }
    double pdf = normalPdf(d1(spot, strike, tau, vol, r, q));
    if (pdf == 0) {
      return 0;
    }
    return -Math.exp(-q * tau) * pdf * d2(spot, strike, tau, vol, r, q) / vol;
  }

  /** Charm: the change of delta as one year of calendar time passes (divide by 365 for a day). */
  public static double charm(
      boolean call, double spot, double strike, double tau, double vol, double r, double q) {
    if (degenerate(tau, vol)) {
      return 0;
    }
    double sd = vol * Math.sqrt(tau);
    double d1 = d1(spot, strike, tau, vol, r, q);
    double df = Math.exp(-q * tau);
    double pdf = normalPdf(d1);
    double common =
        pdf == 0
            ? 0
            : df * pdf * (2 * (r - q) * tau - d2(spot, strike, tau, vol, r, q) * sd) / (2 * tau * sd);
    return call ? q * df * normalCdf(d1) - common : -q * df * normalCdf(-d1) - common;
  }

  /** Vega: the change of price per unit of volatility. */
  public static double vega(double spot, double strike, double tau, double vol, double r, double q) {
    if (degenerate(tau, vol)) {
      return 0;
    }
    double pdf = normalPdf(d1(spot, strike, tau, vol, r, q));
    return pdf == 0 ? 0 : spot * Math.exp(-q * tau) * pdf * Math.sqrt(tau);
  }

  /** The option's price. */
  public static double price(
      boolean call, double spot, double strike, double tau, double vol, double r, double q) {
    double t = Math.max(tau, 0);
    double dq = Math.exp(-q * t);
    double dr = Math.exp(-r * t);
    if (degenerate(tau, vol)) {
      double intrinsic = call ? spot * dq - strike * dr : strike * dr - spot * dq;
      return Math.max(intrinsic, 0);
    }
    double d1 = d1(spot, strike, tau, vol, r, q);
    double d2 = d2(spot, strike, tau, vol, r, q);
    return call
        ? spot * dq * normalCdf(d1) - strike * dr * normalCdf(d2)
        : strike * dr * normalCdf(-d2) - spot * dq * normalCdf(-d1);
  }
}
