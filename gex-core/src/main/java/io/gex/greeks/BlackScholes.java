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
 * <p>Degenerate inputs do not produce NaN: at or after expiry ({@code tau <= 0}) or with zero volatility,
 * gamma, vanna and charm are 0 and delta is the discounted intrinsic indicator (1 for a call with spot above
 * the forward-adjusted strike, else 0; mirrored for puts), and the price is the discounted intrinsic value.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class BlackScholes {

  private static final double INV_SQRT_2PI = 0.3989422804014327;
  private static final double INV_SQRT_2 = 0.7071067811865476;

  private BlackScholes() {}

  /** The standard normal density φ(x). */
  public static double normalPdf(double x) {
    return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
  }

  /** The standard normal distribution function N(x), accurate in both tails (via erfc). */
  public static double normalCdf(double x) {
    return 0.5 * Erfc.value(-x * INV_SQRT_2);
  }

  /** d1; callers must ensure {@code tau > 0} and {@code vol > 0}. */
  public static double d1(double spot, double strike, double tau, double vol, double r, double q) {
    double sd = vol * Math.sqrt(tau);
    return (Math.log(spot / strike) + (r - q + 0.5 * vol * vol) * tau) / sd;
  }

  private static boolean degenerate(double tau, double vol) {
    return !(tau > 0) || !(vol > 0);
  }

  /** Gamma: the change of delta per unit change of spot. */
  public static double gamma(double spot, double strike, double tau, double vol, double r, double q) {
    if (degenerate(tau, vol)) {
      return 0;
    }
    double sd = vol * Math.sqrt(tau);
    double d1 = (Math.log(spot / strike) + (r - q + 0.5 * vol * vol) * tau) / sd;
    return Math.exp(-q * tau) * normalPdf(d1) / (spot * sd);
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
    double sd = vol * Math.sqrt(tau);
    double d1 = (Math.log(spot / strike) + (r - q + 0.5 * vol * vol) * tau) / sd;
    double d2 = d1 - sd;
    return -Math.exp(-q * tau) * normalPdf(d1) * d2 / vol;
  }

  /** Charm: the change of delta as one year of calendar time passes (divide by 365 for a day). */
  public static double charm(
      boolean call, double spot, double strike, double tau, double vol, double r, double q) {
    if (degenerate(tau, vol)) {
      return 0;
    }
    double sqrtTau = Math.sqrt(tau);
    double sd = vol * sqrtTau;
    double d1 = (Math.log(spot / strike) + (r - q + 0.5 * vol * vol) * tau) / sd;
    double d2 = d1 - sd;
    double df = Math.exp(-q * tau);
    double common = df * normalPdf(d1) * (2 * (r - q) * tau - d2 * sd) / (2 * tau * sd);
    return call ? q * df * normalCdf(d1) - common : -q * df * normalCdf(-d1) - common;
  }

  /** Vega: the change of price per unit of volatility. */
  public static double vega(double spot, double strike, double tau, double vol, double r, double q) {
    if (degenerate(tau, vol)) {
      return 0;
    }
    double d1 = d1(spot, strike, tau, vol, r, q);
    return spot * Math.exp(-q * tau) * normalPdf(d1) * Math.sqrt(tau);
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
    double d2 = d1 - vol * Math.sqrt(tau);
    return call
        ? spot * dq * normalCdf(d1) - strike * dr * normalCdf(d2)
        : strike * dr * normalCdf(-d2) - spot * dq * normalCdf(-d1);
  }
}
