package io.gex.settings;

import java.util.Objects;

/**
 * Which expiries an analysis includes, as traders slice a chain. Days to expiry are calendar days from the
 * valuation date (in the settlement time zone) to the expiry date; 0DTE means the expiry date is the
 * valuation date. The next monthly is the earliest expiry in the chain, still unsettled, that falls on a
 * month's third Friday (holiday-shifted monthlies are not recognised).
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param kind the kind of selection
 * @param minDays with {@link Kind#DAYS_TO_EXPIRY}: the fewest days to expiry included, else 0
 * @param maxDays with {@link Kind#DAYS_TO_EXPIRY}: the most days to expiry included, else {@link
 *     Integer#MAX_VALUE}
 */
public record ExpirySelection(Kind kind, int minDays, int maxDays) {

  /** The kinds of selection. */
  public enum Kind {
    /** Every expiry. */
    ALL,
    /** Only expiries on the valuation date. */
    ZERO_DTE_ONLY,
    /** Every expiry but those on the valuation date. */
    EXCLUDE_ZERO_DTE,
    /** Every expiry up to and including the next monthly (third-Friday) expiry. */
    THROUGH_NEXT_MONTHLY,
    /** Expiries whose days to expiry lie in [minDays, maxDays]. */
    DAYS_TO_EXPIRY
  }

  private static final java.util.regex.Pattern RANGE =
      java.util.regex.Pattern.compile("(\\d{1,5})-(\\d{1,5})");

  /** Validates the range. */
  public ExpirySelection {
    Objects.requireNonNull(kind, "kind");
    if (minDays < 0) {
      throw new IllegalArgumentException("minDays must be >= 0, was " + minDays);
    }
    if (maxDays < minDays) {
      throw new IllegalArgumentException(
          "maxDays must be >= minDays (" + minDays + "), was " + maxDays);
    }
  }

  /** Every expiry (the default). */
  public static ExpirySelection all() {
    return new ExpirySelection(Kind.ALL, 0, Integer.MAX_VALUE);
  }

  /** Only 0DTE expiries. */
  public static ExpirySelection zeroDteOnly() {
    return new ExpirySelection(Kind.ZERO_DTE_ONLY, 0, Integer.MAX_VALUE);
  }

  /** Every expiry but 0DTE. */
  public static ExpirySelection excludeZeroDte() {
    return new ExpirySelection(Kind.EXCLUDE_ZERO_DTE, 0, Integer.MAX_VALUE);
  }

  /** Expiries up to and including the next monthly. */
  public static ExpirySelection throughNextMonthly() {
    return new ExpirySelection(Kind.THROUGH_NEXT_MONTHLY, 0, Integer.MAX_VALUE);
  }

  /** Expiries with days to expiry in [minDays, maxDays]. */
  public static ExpirySelection daysToExpiry(int minDays, int maxDays) {
    return new ExpirySelection(Kind.DAYS_TO_EXPIRY, minDays, maxDays);
  }

  /**
   * Reads a selection as the command line and the service write it: {@code all}, {@code 0dte}, {@code
   * ex-0dte}, {@code to-monthly} or a days-to-expiry range {@code MIN-MAX} such as {@code 0-7} (case and
   * surrounding blanks ignored).
   *
   * @throws NullPointerException if text is null
   * @throws IllegalArgumentException naming the text if it is none of these, or a range runs backwards
   */
  public static ExpirySelection parse(String text) {
    Objects.requireNonNull(text, "text");
    String v = text.strip().toLowerCase(java.util.Locale.ROOT);
    switch (v) {
      case "all":
        return all();
      case "0dte":
        return zeroDteOnly();
      case "ex-0dte":
        return excludeZeroDte();
      case "to-monthly":
        return throughNextMonthly();
      default:
        break;
    }
    java.util.regex.Matcher m = RANGE.matcher(v);
    if (m.matches()) {
      int min = Integer.parseInt(m.group(1));
      int max = Integer.parseInt(m.group(2));
      if (max < min) {
        throw new IllegalArgumentException(
            "the days-to-expiry range must run from low to high, was '" + text + "'");
      }
      return daysToExpiry(min, max);
    }
    throw new IllegalArgumentException(
        "must be all, 0dte, ex-0dte, to-monthly or a days-to-expiry range MIN-MAX such as 0-7, was '"
            + text
            + "'");
  }
}
