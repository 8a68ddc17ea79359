package io.gex.greeks;

import java.util.OptionalDouble;
import org.apache.commons.numbers.rootfinder.BrentSolver;

/**
 * Solves the Black-Scholes implied volatility that reproduces an option price, with Commons Numbers'
 * Brent solver on the bracket [{@value #MIN_VOL}, {@value #MAX_VOL}].
 *
 * <p>This class is stateless and thread-safe.
 */
public final class ImpliedVolatility {

  /** The lowest volatility searched. */
  public static final double MIN_VOL = 1e-4;

  /** The highest volatility searched (1000%). */
  public static final double MAX_VOL = 10.0;

  private static final BrentSolver SOLVER = new BrentSolver(1e-12, 1e-10, 1e-12);

  private ImpliedVolatility() {}

  /**
   * The volatility at which the Black-Scholes price equals {@code price}, or empty when no volatility in
   * the searched bracket does (a price below intrinsic value or above the no-arbitrage bound, or an expired
   * option).
   */
  public static OptionalDouble solve(
      boolean call, double price, double spot, double strike, double tau, double r, double q) {
    if (!(price > 0) || !(tau > 0) || !(spot > 0) || !(strike > 0) || Double.isInfinite(price)) {
      return OptionalDouble.empty();
    }
    double lo = BlackScholes.price(call, spot, strike, tau, MIN_VOL, r, q) - price;
    double hi = BlackScholes.price(call, spot, strike, tau, MAX_VOL, r, q) - price;
    if (lo > 0 || hi < 0) {
      return OptionalDouble.empty();
    }
    double vol =
        SOLVER.findRoot(
            v -> BlackScholes.price(call, spot, strike, tau, v, r, q) - price, MIN_VOL, MAX_VOL);
    return Double.isFinite(vol) ? OptionalDouble.of(vol) : OptionalDouble.empty();
  }
}
