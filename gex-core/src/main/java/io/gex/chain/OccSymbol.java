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
    // Built by hand: String.format costs over a microsecond, and diagnostics name thousands of symbols.
    StringBuilder b = new StringBuilder(root.length() + 15).append(root);
    pad(b, expiry.getYear() % 100, 2);
    pad(b, expiry.getMonthValue(), 2);
    pad(b, expiry.getDayOfMonth(), 2);
    b.append(right.code());
    pad(b, Math.round(strike * 1000), 8);
    return b.toString();
  }

  private static void pad(StringBuilder b, long value, int width) {
    String digits = Long.toString(value);
    for (int i = digits.length(); i < width; i++) {
      b.append('0');
    }
    b.append(digits);
  }
}
