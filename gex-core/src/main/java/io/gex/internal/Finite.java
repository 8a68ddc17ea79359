package io.gex.internal;

import java.util.OptionalDouble;
import java.util.function.IntToDoubleFunction;

/**
 * The checks behind the promise of the result records that no figure is NaN or infinite: each throws an
 * {@link IllegalArgumentException} naming the figure and its value, such as {@code byStrike.callGex[3] must
 * be finite, was NaN}.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class Finite {

  private Finite() {}

  /**
   * Checks one figure.
   *
   * @return the value
   * @throws IllegalArgumentException if value is NaN or infinite
   */
  public static double check(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite, was " + value);
    }
    return value;
  }

  /**
   * Checks a level that may be absent.
   *
   * @throws IllegalArgumentException if the value is present and NaN or infinite
   */
  public static void check(String name, OptionalDouble value) {
    if (value.isPresent()) {
      check(name, value.getAsDouble());
    }
  }

  /**
   * Checks every element of a series of {@code size} values read by {@code values} (such as {@code
   * array.size(), array::get}; this package does not depend on the analysis types), naming the first bad
   * one with its index ({@code name[i]}).
   *
   * @throws IllegalArgumentException if an element is NaN or infinite
   */
  public static void check(String name, int size, IntToDoubleFunction values) {
    for (int i = 0; i < size; i++) {
      double v = values.applyAsDouble(i);
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException(name + "[" + i + "] must be finite, was " + v);
      }
    }
  }
}
