package io.gex.greeks;

import io.gex.internal.BlackScholesKernel;
import java.util.OptionalDouble;
import org.apache.commons.numbers.rootfinder.BrentSolver;

/**
 * Solves the Black-Scholes implied volatility that reproduces an option price.
 *
 * <p>The price is first turned into the price of the out-of-the-money option of the same strike by put-call
 * parity (an in-the-money price is mostly intrinsic value, which says nothing about volatility and makes the
 * root badly conditioned). Then Newton's method on the volatility, with the analytic vega, starts at the
 * inflection point of the price in volatility, {@code sqrt(2 |ln(F/K)| / tau)} (Manaster and Koehler, 1982;
 * from there Newton converges monotonically), kept inside the bracket by bisection steps; it usually takes
 * three to five price evaluations. Should it not converge in {@value #NEWTON_ITERATIONS} steps, Commons
 * Numbers' Brent solver finishes on the remaining bracket. The result is accurate to about 1e-10 in
 * volatility.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class ImpliedVolatility {

  /** The lowest volatility searched by {@link #solve(boolean, double, double, double, double, double, double)}. */
  public static final double MIN_VOL = 1e-4;

  /** The highest volatility searched (1000%). */
  public static final double MAX_VOL = 10.0;

  static final int NEWTON_ITERATIONS = 30;

  private static final double VOL_TOLERANCE = 1e-10;

  private static final BrentSolver SOLVER = new BrentSolver(1e-12, 1e-10, 1e-14);

  private ImpliedVolatility() {}

  /**
   * The volatility in [{@value #MIN_VOL}, {@value #MAX_VOL}] at which the Black-Scholes price equals {@code
   * price}, or empty when there is none (a price at or below intrinsic value or above the no-arbitrage bound,
   * an expired option, or a non-positive or non-finite argument).
   */
  public static OptionalDouble solve(
      boolean call, double price, double spot, double strike, double tau, double r, double q) {
    return solve(call, price, spot, strike, tau, r, q, MIN_VOL, MAX_VOL);
  }

  /**
   * The volatility in [{@code minVol}, {@code maxVol}] at which the Black-Scholes price equals {@code price},
   * or empty when no volatility in that bracket does, or an argument is not positive and finite.
   *
   * @param call whether the option is a call
   * @param price the option price, in the underlying's price units
   * @param spot the spot
   * @param strike the strike
   * @param tau time to expiry in years
   * @param r continuous risk-free rate, decimal
   * @param q continuous dividend yield, decimal
   * @param minVol the lowest volatility accepted, {@code > 0}
   * @param maxVol the highest volatility accepted, {@code > minVol}
   */
  public static OptionalDouble solve(
      boolean call,
      double price,
      double spot,
      double strike,
      double tau,
      double r,
      double q,
      double minVol,
      double maxVol) {
    if (!(price > 0) || !(tau > 0) || !(spot > 0) || !(strike > 0) || Double.isInfinite(price)
        || Double.isInfinite(tau) || Double.isInfinite(spot) || Double.isInfinite(strike)
        || !(minVol > 0) || !(maxVol > minVol) || Double.isInfinite(maxVol)) {
      return OptionalDouble.empty();
    }
    Pricing pricing = new Pricing(spot, strike, tau, r, q);
    // Put-call parity: solve on the out-of-the-money option of the strike.
    double forwardSpot = spot * pricing.dfq;
    double discountedStrike = strike * pricing.dfr;
    boolean solveCall = call;
    double target = price;
    if (call && forwardSpot > discountedStrike) {
      solveCall = false;
      target = price - (forwardSpot - discountedStrike);
    } else if (!call && discountedStrike > forwardSpot) {
      solveCall = true;
      target = price - (discountedStrike - forwardSpot);
    }
    if (!(target > 0)) {
      return OptionalDouble.empty(); // at or below intrinsic value
    }
    boolean c = solveCall;
    double p = target;
    double lo = minVol;
    double hi = maxVol;
    if (pricing.price(c, lo) - p > 0 || pricing.price(c, hi) - p < 0) {
      return OptionalDouble.empty();
    }
    double lnMoneyness = Math.log(forwardSpot / discountedStrike);
    double v = Math.sqrt(2 * Math.abs(lnMoneyness) / tau);
    if (!(v > lo && v < hi)) {
      // At the money the inflection point is 0: start from Brenner and Subrahmanyam's approximation.
      v = Math.sqrt(2 * Math.PI / tau) * p / spot;
      if (!(v > lo && v < hi)) {
        v = 0.5 * (lo + hi);
      }
    }
    for (int i = 0; i < NEWTON_ITERATIONS; i++) {
      double f = pricing.price(c, v) - p;
      if (f == 0) {
        return OptionalDouble.of(v);
      }
      if (f > 0) {
        hi = v;
      } else {
        lo = v;
      }
      double vega = pricing.vega();
      double next = v - f / vega;
      if (!(next > lo && next < hi)) {
        next = 0.5 * (lo + hi); // Newton left the bracket (or vega vanished): bisect
      }
      if (Math.abs(next - v) <= VOL_TOLERANCE * Math.max(1, v)) {
        return OptionalDouble.of(next);
      }
      v = next;
    }
    double vol = SOLVER.findRoot(v2 -> pricing.price(c, v2) - p, lo, hi);
    return Double.isFinite(vol) ? OptionalDouble.of(vol) : OptionalDouble.empty();
  }

  /**
   * {@link BlackScholes#price} and {@link BlackScholes#vega} of one strike and expiry at any volatility,
   * with what does not depend on the volatility computed once: the logarithms of spot and strike, the
   * discount factors and the square root of the time. Each figure comes from the same {@link
   * BlackScholesKernel} functions as those methods', so it is the same to the last bit. A solve prices the option several times (the bracket's two ends, then
   * each Newton step), and those methods would take six logarithms and three exponentials each time next
   * to the two values of the normal distribution.
   */
  private static final class Pricing {
    private final double spot;
    private final double strike;
    private final double tau;
    private final double sqrtTau;
    private final double moneyness; // BlackScholesKernel.forwardLogMoneyness
    final double dfq;
    final double dfr;

    /** d1 at the volatility last priced, or NaN where the price degenerated there. */
    private double lastD1 = Double.NaN;

    /** For {@code tau > 0} (the solver's), as {@link BlackScholes#price} takes its discount factors. */
    Pricing(double spot, double strike, double tau, double r, double q) {
      this.spot = spot;
      this.strike = strike;
      this.tau = tau;
      this.sqrtTau = Math.sqrt(tau);
      this.moneyness = BlackScholesKernel.forwardLogMoneyness(spot, strike, tau, r, q);
      this.dfq = Math.exp(-q * tau);
      this.dfr = Math.exp(-r * tau);
    }

    /** The price of the call or the put at volatility {@code vol}. */
    double price(boolean call, double vol) {
      if (BlackScholesKernel.degenerate(tau, vol)) {
        lastD1 = Double.NaN;
        return BlackScholesKernel.intrinsic(call, spot, strike, dfq, dfr);
      }
      double sd = vol * sqrtTau;
      double d1 = BlackScholesKernel.d1(moneyness, sd);
      double d2 = BlackScholesKernel.d2(moneyness, sd);
      lastD1 = d1;
      return BlackScholesKernel.price(call, spot, strike, d1, d2, dfq, dfr);
    }

    /** The vega at the volatility last priced (0 where the price degenerated). */
    double vega() {
      double d1 = lastD1;
      return Double.isNaN(d1) ? 0 : BlackScholesKernel.vega(spot, sqrtTau, dfq, BlackScholesKernel.pdf(d1));
    }
  }
}
