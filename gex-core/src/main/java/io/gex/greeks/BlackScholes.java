package io.gex.greeks;

import io.gex.internal.BlackScholesKernel;

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
 *       a day): {@code ±q·e^(-q·tau) N(±d1) - e^(-q·tau) φ(d1) (2(r-q)·tau - d2·vol·√tau) / (2·tau·vol·√tau)};
 *   <li>vega {@code = S·e^(-q·tau) φ(d1) √tau}, per unit of volatility;
 *   <li>vomma (volga) {@code = ∂vega/∂vol = vega·d1·d2 / vol}, per unit of volatility squared;
 *   <li>speed {@code = ∂gamma/∂S = -gamma (d1 / (vol·√tau) + 1) / S};
 *   <li>zomma {@code = ∂gamma/∂vol = gamma (d1·d2 - 1) / vol}, per unit of volatility;
 *   <li>color {@code = ∂gamma/∂t = -∂gamma/∂tau = gamma (2q·tau + 1 + d1 (2(r-q)·tau - d2·vol·√tau) /
 *       (vol·√tau)) / (2·tau)}, per year of calendar time passing (divide by 365 for a day); at the money
 *       it is positive, gamma rising into expiry.
 * </ul>
 *
 * <p>Speed, zomma, color and vomma are the same for calls and puts.
 *
 * <p>Degenerate inputs do not produce NaN: at or after expiry ({@code tau <= 0}) or with zero volatility
 * (any {@code vol·√tau} below {@value #MIN_STD_DEV}, such as a subnormal volatility), gamma, vega,
 * vanna, charm, vomma, speed, zomma and color are 0 and delta is the discounted intrinsic indicator (1
 * for a call with spot above the forward-adjusted strike, else 0; mirrored for puts), and the price is the discounted intrinsic value. A volatility so large
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

  /** Below this {@code vol·√tau} the volatility counts as zero: {@value}. */
  public static final double MIN_STD_DEV = BlackScholesKernel.MIN_STD_DEV;

  private BlackScholes() {}

  /** The standard normal density φ(x). */
  public static double normalPdf(double x) {
    return BlackScholesKernel.pdf(x);
  }

  /** The standard normal distribution function N(x), accurate in both tails (via erfc). */
  public static double normalCdf(double x) {
    return BlackScholesKernel.cdf(x);
  }

  /**
   * d1 {@code = (ln S - ln K + (r - q)·tau) / (vol·√tau) + vol·√tau / 2}, the same as the textbook form but
   * with no {@code vol²} to overflow; callers must ensure {@code tau > 0} and {@code vol > 0}.
   */
  public static double d1(double spot, double strike, double tau, double vol, double r, double q) {
    return BlackScholesKernel.d1(spot, strike, tau, vol * Math.sqrt(tau), r, q);
  }

  /** Gamma: the change of delta per unit change of spot. */
  public static double gamma(double spot, double strike, double tau, double vol, double r, double q) {
    if (BlackScholesKernel.degenerate(tau, vol)) {
      return 0;
    }
    double sd = vol * Math.sqrt(tau);
    double pdf = BlackScholesKernel.pdf(BlackScholesKernel.d1(spot, strike, tau, sd, r, q));
    return BlackScholesKernel.gamma(spot, sd, Math.exp(-q * tau), pdf);
  }

  /** Delta: the change of option value per unit change of spot. */
  public static double delta(
      boolean call, double spot, double strike, double tau, double vol, double r, double q) {
    if (BlackScholesKernel.degenerate(tau, vol)) {
      double t = Math.max(tau, 0);
      double forwardInTheMoney = spot * Math.exp((r - q) * t) - strike;
      double df = Math.exp(-q * t);
      if (call) {
        return forwardInTheMoney > 0 ? df : 0;
      }
      return forwardInTheMoney < 0 ? -df : 0;
    }
    double d1 = BlackScholesKernel.d1(spot, strike, tau, vol * Math.sqrt(tau), r, q);
    return BlackScholesKernel.delta(
        call, Math.exp(-q * tau), BlackScholesKernel.cdf(call ? d1 : -d1));
  }

  /** Vanna: the change of delta per unit of volatility (divide by 100 for one vol point). */
  public static double vanna(double spot, double strike, double tau, double vol, double r, double q) {
    if (BlackScholesKernel.degenerate(tau, vol)) {
      return 0;
    }
    double sd = vol * Math.sqrt(tau);
    double pdf = BlackScholesKernel.pdf(BlackScholesKernel.d1(spot, strike, tau, sd, r, q));
    return BlackScholesKernel.vanna(
        vol, BlackScholesKernel.d2(spot, strike, tau, sd, r, q), Math.exp(-q * tau), pdf);
  }

  /** Charm: the change of delta as one year of calendar time passes (divide by 365 for a day). */
  public static double charm(
      boolean call, double spot, double strike, double tau, double vol, double r, double q) {
    if (BlackScholesKernel.degenerate(tau, vol)) {
      return 0;
    }
    double sd = vol * Math.sqrt(tau);
    double d1 = BlackScholesKernel.d1(spot, strike, tau, sd, r, q);
    return BlackScholesKernel.charm(
        call,
        r,
        q,
        tau,
        sd,
        BlackScholesKernel.d2(spot, strike, tau, sd, r, q),
        Math.exp(-q * tau),
        BlackScholesKernel.pdf(d1),
        BlackScholesKernel.cdf(call ? d1 : -d1));
  }

  /** Vega: the change of price per unit of volatility. */
  public static double vega(double spot, double strike, double tau, double vol, double r, double q) {
    if (BlackScholesKernel.degenerate(tau, vol)) {
      return 0;
    }
    double sqrtTau = Math.sqrt(tau);
    double pdf = BlackScholesKernel.pdf(BlackScholesKernel.d1(spot, strike, tau, vol * sqrtTau, r, q));
    return BlackScholesKernel.vega(spot, sqrtTau, Math.exp(-q * tau), pdf);
  }

  /** Vomma (volga): the change of vega per unit of volatility. */
  public static double vomma(double spot, double strike, double tau, double vol, double r, double q) {
    if (BlackScholesKernel.degenerate(tau, vol)) {
      return 0;
    }
    double sqrtTau = Math.sqrt(tau);
    double sd = vol * sqrtTau;
    double d1 = BlackScholesKernel.d1(spot, strike, tau, sd, r, q);
    double vega = BlackScholesKernel.vega(spot, sqrtTau, Math.exp(-q * tau), BlackScholesKernel.pdf(d1));
    return BlackScholesKernel.vomma(vega, vol, d1, BlackScholesKernel.d2(spot, strike, tau, sd, r, q));
  }

  /** Speed: the change of gamma per unit change of spot. */
  public static double speed(double spot, double strike, double tau, double vol, double r, double q) {
    if (BlackScholesKernel.degenerate(tau, vol)) {
      return 0;
    }
    double sd = vol * Math.sqrt(tau);
    double d1 = BlackScholesKernel.d1(spot, strike, tau, sd, r, q);
    double gamma = BlackScholesKernel.gamma(spot, sd, Math.exp(-q * tau), BlackScholesKernel.pdf(d1));
    return BlackScholesKernel.speed(gamma, spot, sd, d1);
  }

  /** Zomma: the change of gamma per unit of volatility (divide by 100 for one vol point). */
  public static double zomma(double spot, double strike, double tau, double vol, double r, double q) {
    if (BlackScholesKernel.degenerate(tau, vol)) {
      return 0;
    }
    double sd = vol * Math.sqrt(tau);
    double d1 = BlackScholesKernel.d1(spot, strike, tau, sd, r, q);
    double gamma = BlackScholesKernel.gamma(spot, sd, Math.exp(-q * tau), BlackScholesKernel.pdf(d1));
    return BlackScholesKernel.zomma(gamma, vol, d1, BlackScholesKernel.d2(spot, strike, tau, sd, r, q));
  }

  /** Color: the change of gamma as one year of calendar time passes (divide by 365 for a day). */
  public static double color(double spot, double strike, double tau, double vol, double r, double q) {
    if (BlackScholesKernel.degenerate(tau, vol)) {
      return 0;
    }
    double sd = vol * Math.sqrt(tau);
    double d1 = BlackScholesKernel.d1(spot, strike, tau, sd, r, q);
    double gamma = BlackScholesKernel.gamma(spot, sd, Math.exp(-q * tau), BlackScholesKernel.pdf(d1));
    return BlackScholesKernel.color(
        gamma, r, q, tau, sd, d1, BlackScholesKernel.d2(spot, strike, tau, sd, r, q));
  }

  /** The option's price. */
  public static double price(
      boolean call, double spot, double strike, double tau, double vol, double r, double q) {
    double t = Math.max(tau, 0);
    double dq = Math.exp(-q * t);
    double dr = Math.exp(-r * t);
    if (BlackScholesKernel.degenerate(tau, vol)) {
      return BlackScholesKernel.intrinsic(call, spot, strike, dq, dr);
    }
    double sd = vol * Math.sqrt(tau);
    return BlackScholesKernel.price(
        call,
        spot,
        strike,
        BlackScholesKernel.d1(spot, strike, tau, sd, r, q),
        BlackScholesKernel.d2(spot, strike, tau, sd, r, q),
        dq,
        dr);
  }
}
