package io.gex.store;

import io.gex.GexAnalysis;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One symbol's trading day in figures: open, high, low and close of total gamma exposure (dollars per 1%
 * move) and of the zero-gamma level (index points), and the last call and put walls, over the snapshots
 * stored for that day. Open is the snapshot with the earliest valuation instant, close the latest. The
 * zero-gamma figures are taken over the snapshots that have a zero-gamma level and are empty if none has;
 * the walls are those of the latest snapshot.
 *
 * <p>The trading day of a snapshot is its valuation instant's date in {@link #TRADING_ZONE}.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param symbol the underlying symbol
 * @param tradingDate the trading day
 * @param openTotalGex total exposure of the first snapshot
 * @param highTotalGex highest total exposure
 * @param lowTotalGex lowest total exposure
 * @param closeTotalGex total exposure of the last snapshot
 * @param openZeroGamma zero gamma of the first snapshot that has one
 * @param highZeroGamma highest zero gamma
 * @param lowZeroGamma lowest zero gamma
 * @param closeZeroGamma zero gamma of the last snapshot that has one
 * @param lastCallWall call wall of the last snapshot
 * @param lastPutWall put wall of the last snapshot
 * @param snapshots how many snapshots the day holds, {@code > 0}
 * @param firstValuationTime valuation instant of the first snapshot
 * @param lastValuationTime valuation instant of the last snapshot
 */
public record DailyHistory(
    String symbol,
    LocalDate tradingDate,
    double openTotalGex,
    double highTotalGex,
    double lowTotalGex,
    double closeTotalGex,
    OptionalDouble openZeroGamma,
    OptionalDouble highZeroGamma,
    OptionalDouble lowZeroGamma,
    OptionalDouble closeZeroGamma,
    OptionalDouble lastCallWall,
    OptionalDouble lastPutWall,
    int snapshots,
    Instant firstValuationTime,
    Instant lastValuationTime) {

  /** The zone whose calendar dates are trading days: America/New_York. */
  public static final ZoneId TRADING_ZONE = ZoneId.of("America/New_York");

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if a figure is not finite, low exceeds high or open/close, the
   *     zero-gamma figures are partly present, the count is not positive, or the last valuation instant is
   *     before the first
   */
  public DailyHistory {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(tradingDate, "tradingDate");
    Objects.requireNonNull(openZeroGamma, "openZeroGamma");
    Objects.requireNonNull(highZeroGamma, "highZeroGamma");
    Objects.requireNonNull(lowZeroGamma, "lowZeroGamma");
    Objects.requireNonNull(closeZeroGamma, "closeZeroGamma");
    Objects.requireNonNull(lastCallWall, "lastCallWall");
    Objects.requireNonNull(lastPutWall, "lastPutWall");
    Objects.requireNonNull(firstValuationTime, "firstValuationTime");
    Objects.requireNonNull(lastValuationTime, "lastValuationTime");
    checkOhlc("totalGex", openTotalGex, highTotalGex, lowTotalGex, closeTotalGex);
    boolean any = openZeroGamma.isPresent();
    if (highZeroGamma.isPresent() != any
        || lowZeroGamma.isPresent() != any
        || closeZeroGamma.isPresent() != any) {
      throw new IllegalArgumentException(
          "zero-gamma open/high/low/close must be all present or all empty, were "
              + openZeroGamma
              + ", "
              + highZeroGamma
              + ", "
              + lowZeroGamma
              + ", "
              + closeZeroGamma);
    }
    if (any) {
      checkOhlc(
          "zeroGamma",
          openZeroGamma.getAsDouble(),
          highZeroGamma.getAsDouble(),
          lowZeroGamma.getAsDouble(),
          closeZeroGamma.getAsDouble());
    }
    if (snapshots <= 0) {
      throw new IllegalArgumentException("snapshots must be > 0, was " + snapshots);
    }
    if (lastValuationTime.isBefore(firstValuationTime)) {
      throw new IllegalArgumentException(
          "lastValuationTime must not be before firstValuationTime ("
              + firstValuationTime
              + "), was "
              + lastValuationTime);
    }
  }

  private static void checkOhlc(String name, double open, double high, double low, double close) {
    if (!Double.isFinite(open)
        || !Double.isFinite(high)
        || !Double.isFinite(low)
        || !Double.isFinite(close)) {
      throw new IllegalArgumentException(
          name + " open/high/low/close must be finite, were " + open + ", " + high + ", " + low + ", " + close);
    }
    if (low > high || open > high || close > high || open < low || close < low) {
      throw new IllegalArgumentException(
          name
              + " must satisfy low <= open, close <= high, were open "
              + open
              + ", high "
              + high
              + ", low "
              + low
              + ", close "
              + close);
    }
  }

  /** The trading day of an instant: its date in {@link #TRADING_ZONE}. */
  public static LocalDate tradingDate(Instant instant) {
    return LocalDate.ofInstant(Objects.requireNonNull(instant, "instant"), TRADING_ZONE);
  }

  /**
   * The history of one symbol's day from the analyses of its snapshots, in any order. This is the
   * definition every store follows.
   *
   * @param analyses the day's analyses, all of one symbol and one trading day, at least one
   * @throws IllegalArgumentException if the list is empty or mixes symbols or trading days
   */
  public static DailyHistory of(List<GexAnalysis> analyses) {
    Objects.requireNonNull(analyses, "analyses");
    if (analyses.isEmpty()) {
      throw new IllegalArgumentException("analyses must not be empty");
    }
    List<GexAnalysis> sorted = new ArrayList<>(analyses);
    sorted.sort(Comparator.comparing(GexAnalysis::valuationTime));
    GexAnalysis first = sorted.get(0);
    GexAnalysis last = sorted.get(sorted.size() - 1);
    String symbol = first.symbol();
    LocalDate date = tradingDate(first.valuationTime());
    double high = Double.NEGATIVE_INFINITY;
    double low = Double.POSITIVE_INFINITY;
    OptionalDouble zOpen = OptionalDouble.empty();
    OptionalDouble zClose = OptionalDouble.empty();
    double zHigh = Double.NEGATIVE_INFINITY;
    double zLow = Double.POSITIVE_INFINITY;
    for (GexAnalysis a : sorted) {
      if (!a.symbol().equals(symbol)) {
        throw new IllegalArgumentException("analyses must all be of " + symbol + ", found " + a.symbol());
      }
      if (!tradingDate(a.valuationTime()).equals(date)) {
        throw new IllegalArgumentException(
            "analyses must all be of trading day " + date + ", found " + a.valuationTime());
      }
      high = Math.max(high, a.totalGex());
      low = Math.min(low, a.totalGex());
      if (a.zeroGamma().isPresent()) {
        double z = a.zeroGamma().getAsDouble();
        if (zOpen.isEmpty()) {
          zOpen = a.zeroGamma();
        }
        zClose = a.zeroGamma();
        zHigh = Math.max(zHigh, z);
        zLow = Math.min(zLow, z);
      }
    }
    boolean hasZero = zOpen.isPresent();
    return new DailyHistory(
        symbol,
        date,
        first.totalGex(),
        high,
        low,
        last.totalGex(),
        zOpen,
        hasZero ? OptionalDouble.of(zHigh) : OptionalDouble.empty(),
        hasZero ? OptionalDouble.of(zLow) : OptionalDouble.empty(),
        zClose,
        last.callWall(),
        last.putWall(),
        sorted.size(),
        first.valuationTime(),
        last.valuationTime());
  }
}
