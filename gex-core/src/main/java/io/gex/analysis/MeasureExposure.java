package io.gex.analysis;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One measure's dealer exposure at spot: calls, puts and their sum, by strike, by expiry and in total, in
 * the measure's {@linkplain Measure#unit() unit}, signed like GEX (see {@link Measure}). Columns are aligned
 * with ascending strikes and ascending expiries.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param measure the measure
 * @param call total over calls
 * @param put total over puts
 * @param strikes ascending distinct strikes
 * @param callByStrike call exposure at each strike
 * @param putByStrike put exposure at each strike
 * @param expiries ascending expiry dates
 * @param callByExpiry call exposure of each expiry
 * @param putByExpiry put exposure of each expiry
 */
public record MeasureExposure(
    Measure measure,
    double call,
    double put,
    DoubleArray strikes,
    DoubleArray callByStrike,
    DoubleArray putByStrike,
    List<LocalDate> expiries,
    DoubleArray callByExpiry,
    DoubleArray putByExpiry) {

  /**
   * Validates and copies.
   *
   * @throws NullPointerException if a reference is null
   * @throws IllegalArgumentException if a figure is not finite or the columns' lengths disagree
   */
  public MeasureExposure {
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(strikes, "strikes");
    Objects.requireNonNull(callByStrike, "callByStrike");
    Objects.requireNonNull(putByStrike, "putByStrike");
    expiries = List.copyOf(expiries);
    Objects.requireNonNull(callByExpiry, "callByExpiry");
    Objects.requireNonNull(putByExpiry, "putByExpiry");
    if (callByStrike.size() != strikes.size() || putByStrike.size() != strikes.size()) {
      throw new IllegalArgumentException(
          measure + " by strike must have the length of strikes, " + strikes.size());
    }
    if (callByExpiry.size() != expiries.size() || putByExpiry.size() != expiries.size()) {
      throw new IllegalArgumentException(
          measure + " by expiry must have the length of expiries, " + expiries.size());
    }
    finite(measure + " call", call);
    finite(measure + " put", put);
    allFinite(measure + " callByStrike", callByStrike);
    allFinite(measure + " putByStrike", putByStrike);
    allFinite(measure + " callByExpiry", callByExpiry);
    allFinite(measure + " putByExpiry", putByExpiry);
  }

  private static void finite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite, was " + value);
    }
  }

  private static void allFinite(String name, DoubleArray values) {
    for (int i = 0; i < values.size(); i++) {
      if (!Double.isFinite(values.get(i))) {
        throw new IllegalArgumentException(name + "[" + i + "] must be finite, was " + values.get(i));
      }
    }
  }

  /** Calls + puts. */
  public double total() {
    return call + put;
  }

  /** Calls + puts at each strike. */
  public DoubleArray netByStrike() {
    return sum(callByStrike, putByStrike);
  }

  /** Calls + puts of each expiry. */
  public DoubleArray netByExpiry() {
    return sum(callByExpiry, putByExpiry);
  }

  private static DoubleArray sum(DoubleArray a, DoubleArray b) {
    double[] net = new double[a.size()];
    for (int i = 0; i < net.length; i++) {
      net[i] = a.get(i) + b.get(i);
    }
    return DoubleArray.wrap(net);
  }
}
