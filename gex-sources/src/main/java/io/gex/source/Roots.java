package io.gex.source;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which underlying an option root belongs to, and the reverse for the generator. Index options trade
 * under a monthly root (SPX, NDX, RUT: AM-settled) and a weekly one (SPXW, NDXP, RUTW: PM-settled).
 */
final class Roots {

  private static final Map<String, String> WEEKLY_TO_UNDERLYING =
      Map.of("SPXW", "SPX", "SPXPM", "SPX", "NDXP", "NDX", "RUTW", "RUT", "VIXW", "VIX");

  private static final Map<String, String> UNDERLYING_TO_WEEKLY =
      Map.of("SPX", "SPXW", "NDX", "NDXP", "RUT", "RUTW", "VIX", "VIXW");

  private static final Set<String> THIRD_FRIDAY_MONTHLIES = Set.of("SPX", "NDX", "RUT");

  private Roots() {}

  /** The underlying of a root: SPXW → SPX, NDXP → NDX, RUTW → RUT, VIXW → VIX, otherwise the root. */
  static String underlyingOf(String root) {
    String r = root.trim().toUpperCase(Locale.ROOT);
    return WEEKLY_TO_UNDERLYING.getOrDefault(r, r);
  }

  /**
   * The root of an index option from its underlying and expiry, for data that does not say: SPX, NDX and
   * RUT expiries other than the month's third Friday are weeklies (SPXW, NDXP, RUTW); otherwise the
   * underlying itself.
   */
  static String rootFor(String underlying, LocalDate expiry) {
    String u = underlying.trim().toUpperCase(Locale.ROOT);
    boolean thirdFriday =
        expiry.getDayOfWeek() == DayOfWeek.FRIDAY && expiry.getDayOfMonth() >= 15 && expiry.getDayOfMonth() <= 21;
    return THIRD_FRIDAY_MONTHLIES.contains(u) && !thirdFriday ? weeklyRoot(u) : u;
  }

  /** The weekly (PM-settled) root of an index, or the underlying itself. */
  static String weeklyRoot(String underlying) {
    return UNDERLYING_TO_WEEKLY.getOrDefault(underlying, underlying);
  }

  /**
   * The symbol of an index from its name as CBOE prints it ({@code Standard & Poors 500 Index}, {@code
   * NASDAQ 100}, {@code Livevol Forward Russell 2000 Index}).
   */
  static Optional<String> fromIndexName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.contains("s&p 500") || n.contains("standard & poors 500") || n.contains("s&p500")) {
      return Optional.of("SPX");
    }
    if (n.contains("nasdaq 100") || n.contains("nasdaq-100")) {
      return Optional.of("NDX");
    }
    if (n.contains("russell 2000")) {
      return Optional.of("RUT");
    }
    if (n.contains("volatility index")) {
      return Optional.of("VIX");
    }
    return Optional.empty();
  }

  /** A symbol as CBOE's feed writes it ({@code ^RUT}, {@code _SPX}) without the index marker. */
  static String stripIndexMarker(String symbol) {
    String s = symbol.trim().toUpperCase(Locale.ROOT);
    while (!s.isEmpty() && (s.charAt(0) == '^' || s.charAt(0) == '_' || s.charAt(0) == '$')) {
      s = s.substring(1);
    }
    return s;
  }
}
