package io.gex;

import java.util.Locale;

/**
 * Where each contract's implied volatility comes from. A setting of the engine ({@link
 * GexEngine.Builder#ivSource(IvSource)}) recorded in every analysis's {@link GexSettings#ivSource()}.
 *
 * <p>In {@link #OTM} and {@link #MID} an implied volatility outside the plausibility bounds of the engine
 * counts as missing; a missing one is repaired by the next rule of the mode, or the contract is skipped.
 * Every substitution and skip is a diagnostic, counted by reason.
 */
public enum IvSource {
  /**
   * The file's implied volatility for each contract exactly as given; a contract without one is skipped.
   * Use it to compare with tools that work that way.
   */
  VENDOR,
  /**
   * The default. Within one root, expiry and strike, both the call and the put take the implied volatility
   * of the out-of-the-money member (the call at strikes at or above spot, the put below) when it has a
   * usable one, otherwise the other member's. This is how volatility surfaces are built: in-the-money
   * quotes are wide and stale.
   */
  OTM,
  /** Solved from each contract's mid price where it has a two-sided quote. */
  MID;

  /** The lower-case name used on the command line and in JSON ({@code vendor}, {@code otm}, {@code mid}). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The source named by {@link #id()}, case-insensitively.
   *
   * @throws IllegalArgumentException naming the value and the accepted ones if it is none of them
   */
  public static IvSource fromId(String id) {
    for (IvSource s : values()) {
      if (s.id().equalsIgnoreCase(id.trim())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "ivSource must be one of vendor, otm, mid, was '" + id + "'");
  }
}
