package io.gex.analysis;

import java.util.Arrays;
import java.util.stream.DoubleStream;

/**
 * An immutable array of {@code double} values: a numeric series without boxing.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class DoubleArray {

  private static final DoubleArray EMPTY = new DoubleArray(new double[0]);

  private final double[] values;

  private DoubleArray(double[] values) {
    this.values = values;
  }

  /** A copy of the given values. */
  public static DoubleArray copyOf(double[] values) {
    return values.length == 0 ? EMPTY : new DoubleArray(values.clone());
  }

  /** The given values. */
  public static DoubleArray of(double... values) {
    return copyOf(values);
  }

  /** The empty array. */
  public static DoubleArray empty() {
    return EMPTY;
  }

  /** Wraps an array the caller promises never to touch again (no copy). */
  static DoubleArray wrap(double[] values) {
    return values.length == 0 ? EMPTY : new DoubleArray(values);
  }

  /** The number of values. */
  public int size() {
    return values.length;
  }

  /** Whether there are no values. */
  public boolean isEmpty() {
    return values.length == 0;
  }

  /**
   * The value at an index.
   *
   * @throws IndexOutOfBoundsException if the index is outside [0, size)
   */
  public double get(int index) {
    return values[index];
  }

  /** A copy of the values. */
  public double[] toArray() {
    return values.clone();
  }

  /** The values as a stream. */
  public DoubleStream stream() {
    return Arrays.stream(values);
  }

  /** The sum of the values. */
  public double sum() {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DoubleArray && Arrays.equals(values, ((DoubleArray) o).values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return Arrays.toString(values);
  }
}
