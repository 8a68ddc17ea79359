package io.gex.chain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OCC option symbol such as {@code SPXW231215C04500000}: root, expiry (YYMMDD), right, and strike times
 * 1000 in eight digits. The padded form with spaces after the root ({@code "SPX   231215C04500000"}) and a
 * leading dot are accepted too.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param root the option root, such as {@code SPXW}
 * @param expiry the expiry date
 * @param right call or put
 * @param strike the strike price in index points
 */
public record OccSymbol(String root, LocalDate expiry, OptionRight right, double strike) {

  private static final Pattern OCC =
      Pattern.compile("\\.?([A-Z0-9]{1,6}) *(\\d{2})(\\d{2})(\\d{2})([CP])(\\d{8})");

  /**
   * Roots and expiry dates already met, so that the symbols of a chain share one object per root and per
   * date. A chain of 20,000 contracts has a handful of roots and some fifty dates; sharing them saves the
   * memory of 40,000 small objects and, more, the cache misses of reading them: resolving a chain compares
   * each contract's root and expiry with its neighbour's, and equal references compare without a load.
   * Bounded, so that hostile input cannot grow them without end: past the bound a symbol keeps its own.
   */
  private static final java.util.concurrent.ConcurrentHashMap<String, String> ROOTS =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final java.util.concurrent.ConcurrentHashMap<LocalDate, LocalDate> DATES =
      new java.util.concurrent.ConcurrentHashMap<>();

  private static final int SHARED_MAX = 8192;

  private static <T> T shared(java.util.concurrent.ConcurrentHashMap<T, T> known, T value) {
    T seen = known.get(value);
    if (seen != null) {
      return seen;
    }
    if (known.size() >= SHARED_MAX) {
      return value;
    }
    seen = known.putIfAbsent(value, value);
    return seen != null ? seen : value;
  }

  /** Validates the parts. */
  public OccSymbol {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(expiry, "expiry");
    Objects.requireNonNull(right, "right");
    if (root.isBlank()) {
      throw new IllegalArgumentException("root must not be blank");
    }
    if (!(strike > 0) || Double.isInfinite(strike)) {
      throw new IllegalArgumentException("strike must be > 0, was " + strike);
    }
    root = shared(ROOTS, root);
    expiry = shared(DATES, expiry);
  }

  /**
   * Whether this symbol and another are the call and put of one root, expiry and strike (a call/put pair,
   * in either order).
   */
  public boolean pairsWith(OccSymbol other) {
    return right != other.right
        && strike == other.strike
        && expiry.equals(other.expiry)
        && root.equals(other.root);
  }

  /**
   * Parses an OCC symbol (case-insensitive, surrounding blanks ignored). Years are taken as 20YY.
   *
   * @throws IllegalArgumentException naming the symbol if it is not an OCC symbol or its date is invalid
   */
  public static OccSymbol parse(String symbol) {
    Objects.requireNonNull(symbol, "symbol");
    Matcher m = OCC.matcher(symbol.trim().toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not an OCC option symbol (ROOT + YYMMDD + C/P + 8-digit strike): '" + symbol + "'");
    }
    LocalDate expiry;
    try {
      expiry =
          LocalDate.of(
              2000 + Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)),
              Integer.parseInt(m.group(4)));
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("invalid expiry date in OCC symbol '" + symbol + "'", e);
    }
    long strikeMillis = Long.parseLong(m.group(6));
    if (strikeMillis == 0) {
      throw new IllegalArgumentException("strike must be > 0 in OCC symbol '" + symbol + "'");
    }
    return new OccSymbol(
        m.group(1), expiry, OptionRight.parse(m.group(5)), strikeMillis / 1000.0);
  }

  /** The compact OCC form, such as {@code SPXW231215C04500000}. */
  @Override
  public String toString() {
    // Written into one array: String.format costs over a microsecond, and diagnostics name thousands of
    // symbols on every analysis.
    int n = root.length();
    long millis = Math.round(strike * 1000);
    int strikeDigits = 8;
    for (long rest = millis / 100_000_000L; rest > 0; rest /= 10) {
      strikeDigits++; // strikes of 100,000 and above take more than the standard eight digits
    }
    char[] out = new char[n + 7 + strikeDigits];
    root.getChars(0, n, out, 0);
    digits(out, n, expiry.getYear() % 100, 2);
    digits(out, n + 2, expiry.getMonthValue(), 2);
    digits(out, n + 4, expiry.getDayOfMonth(), 2);
    out[n + 6] = right.code();
    digits(out, n + 7, millis, strikeDigits);
    return new String(out);
  }

  /** Writes {@code value} as {@code width} decimal digits, zero-padded, at {@code at}. */
  private static void digits(char[] out, int at, long value, int width) {
    long v = value;
    for (int i = at + width - 1; i >= at; i--) {
      out[i] = (char) ('0' + v % 10);
      v /= 10;
    }
  }
}
