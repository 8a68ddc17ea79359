package io.gex.chain;

import java.util.Locale;
import java.util.Set;

/**
 * When on its expiry date an option settles: {@link #AM} at the open (SPX, NDX, RUT, VIX monthlies), or
 * {@link #PM} at the close (SPXW, NDXP, RUTW weeklies and equity options).
 */
public enum SettlementStyle {
  /** Settles on the opening prints of the expiry date (the engine's default time is 09:30 New York). */
  AM,
  /** Settles at the close of the expiry date (the engine's default time is 16:00 New York). */
  PM;

  /** The roots whose listed options are AM-settled by default: the index monthlies. */
  public static final Set<String> DEFAULT_AM_ROOTS = Set.of("SPX", "NDX", "RUT", "VIX", "DJX", "OEX", "XEO");

  /**
   * The settlement style of an option root under the default rules: {@link #AM} for {@link
   * #DEFAULT_AM_ROOTS}, {@link #PM} for everything else (weeklies such as SPXW, NDXP, RUTW and equities).
   */
  public static SettlementStyle forRoot(String root) {
    return DEFAULT_AM_ROOTS.contains(root.trim().toUpperCase(Locale.ROOT)) ? AM : PM;
  }
}
