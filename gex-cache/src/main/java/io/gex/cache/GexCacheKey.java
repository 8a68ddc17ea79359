package io.gex.cache;

import io.gex.chain.ContractDiagnostic;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.settings.GexSettings;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Identifies a cached analysis: the underlying symbol, the valuation instant, a fingerprint of the chain
 * and a fingerprint of the engine's settings. Build keys with {@link #identified} when the chain's supplier
 * names each state of it (a source and a version: no contract is read), or with {@link #of(OptionChain,
 * GexSettings)}, which fingerprints every contract, so that a different input or convention never shares an
 * entry.
 *
 * <p>Fingerprints are 128-bit hashes written as 32 lowercase hex digits:
 *
 * <ul>
 *   <li>{@linkplain #chainFingerprint(OptionChain) Chain}: every field of every contract (root, expiry,
 *       right, strike, settlement, open interest, implied volatility, bid, ask, last, volume, vendor delta
 *       and gamma, absent optionals distinguished from any value), independent of the contracts' order
 *       (each contract is hashed alone and the hashes are added), plus the underlying, the spot, the
 *       valuation instant, the number of contracts and the source diagnostics in order. About a
 *       millisecond for 20,000 contracts.
 *   <li>{@linkplain #settingsFingerprint(GexSettings) Settings}: every component of {@link GexSettings}
 *       (through its record string form, in which each double is written exactly).
 * </ul>
 *
 * <p>The hash is not cryptographic: it guards against accidental collisions (about 2<sup>-64</sup> among
 * 2<sup>32</sup> distinct chains), not against an adversary who crafts chains to collide. The algorithm
 * version is part of the hash, so a future change of it can only cause misses, never wrong hits.
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param symbol the underlying symbol, not blank
 * @param valuationTime the chain's valuation instant
 * @param chainFingerprint 32 lowercase hex digits identifying the chain's content
 * @param settingsFingerprint 32 lowercase hex digits identifying the engine's settings
 */
public record GexCacheKey(
    String symbol, Instant valuationTime, String chainFingerprint, String settingsFingerprint) {

  /** Version of the fingerprint algorithm, hashed into every fingerprint. */
  static final long FINGERPRINT_VERSION = 1;

  private static final Pattern HEX_128 = Pattern.compile("[0-9a-f]{32}");

  /**
   * Validates.
   *
   * @throws IllegalArgumentException if the symbol is blank or a fingerprint is not 32 lowercase hex digits
   */
  public GexCacheKey {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(valuationTime, "valuationTime");
    Objects.requireNonNull(chainFingerprint, "chainFingerprint");
    Objects.requireNonNull(settingsFingerprint, "settingsFingerprint");
    if (symbol.isBlank()) {
      throw new IllegalArgumentException("symbol must not be blank, was '" + symbol + "'");
    }
    if (!HEX_128.matcher(chainFingerprint).matches()) {
      throw new IllegalArgumentException(
          "chainFingerprint must be 32 lowercase hex digits, was '" + chainFingerprint + "'");
    }
    if (!HEX_128.matcher(settingsFingerprint).matches()) {
      throw new IllegalArgumentException(
          "settingsFingerprint must be 32 lowercase hex digits, was '" + settingsFingerprint + "'");
    }
  }

  /**
   * The key of the analysis of a chain under some settings.
   *
   * @throws NullPointerException if an argument is null
   */
  public static GexCacheKey of(OptionChain chain, GexSettings settings) {
    return of(chain, settingsFingerprint(settings));
  }

  /**
   * The key of the analysis of a chain under settings already fingerprinted with {@link
   * #settingsFingerprint(GexSettings)} (saves a few microseconds per call for a fixed engine).
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the settings fingerprint is not 32 lowercase hex digits
   */
  public static GexCacheKey of(OptionChain chain, String settingsFingerprint) {
    Objects.requireNonNull(chain, "chain");
    return new GexCacheKey(
        chain.underlying(), chain.valuationTime(), chainFingerprint(chain), settingsFingerprint);
  }

  /**
   * The key of the analysis of a chain that its supplier identifies: the source (such as {@code cboe-json}
   * or a feed's name) and a version the source gives each distinct state of the chain (a file's
   * modification time or checksum, a feed's sequence number), with the symbol and valuation instant. No
   * contract is read, so the key costs microseconds where {@link #of(OptionChain, GexSettings)} reads every
   * contract (about a millisecond for the SPX chain). The caller promises that the same identity never
   * names two different chains; when it cannot, fingerprint the content instead.
   *
   * @param symbol the underlying symbol, not blank
   * @param valuationTime the chain's valuation instant
   * @param source who supplies the chain, not blank
   * @param version the supplier's version of this state of the chain, not blank
   * @param settingsFingerprint the engine's settings, from {@link #settingsFingerprint(GexSettings)}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a text is blank or the settings fingerprint is malformed
   */
  public static GexCacheKey identified(
      String symbol, Instant valuationTime, String source, String version, String settingsFingerprint) {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(valuationTime, "valuationTime");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(version, "version");
    if (source.isBlank()) {
      throw new IllegalArgumentException("source must not be blank");
    }
    if (version.isBlank()) {
      throw new IllegalArgumentException("version must not be blank");
    }
    // A separate seed from content fingerprints: an identity never equals a content hash by design.
    String fingerprint =
        new Hash128(0x6765782d6964656eL) // "gex-iden"
            .putLong(FINGERPRINT_VERSION)
            .putString(symbol)
            .putLong(valuationTime.getEpochSecond())
            .putInt(valuationTime.getNano())
            .putString(source)
            .putString(version)
            .finishHex();
    return new GexCacheKey(symbol, valuationTime, fingerprint, settingsFingerprint);
  }

  /**
   * The fingerprint of a chain's content (see the class description).
   *
   * @throws NullPointerException if chain is null
   */
  public static String chainFingerprint(OptionChain chain) {
    Objects.requireNonNull(chain, "chain");
    long sumHigh = 0;
    long sumLow = 0;
    long[] out = new long[2];
    for (OptionContract c : chain.contracts()) {
      Hash128 h = new Hash128(0x6765782d636f6e74L); // "gex-cont"
      h.putString(c.root())
          .putLong(c.expiry().toEpochDay())
          .putInt(c.right().ordinal())
          .putDouble(c.strike())
          .putInt(c.settlement().ordinal())
          .putLong(c.openInterest())
          .putDouble(c.impliedVolatility());
      optional(h, c.bid());
      optional(h, c.ask());
      optional(h, c.last());
      optional(h, c.volume());
      optional(h, c.vendorDelta());
      optional(h, c.vendorGamma());
      if (c.spotAtQuote().isPresent()) {
        // Last and only when present, so that the keys of contracts quoted at the chain's spot are as before.
        optional(h, c.spotAtQuote());
      }
      h.finish(out);
      // 128-bit addition: the sum of per-contract hashes does not depend on the contracts' order.
      long low = sumLow + out[1];
      long carry = Long.compareUnsigned(low, sumLow) < 0 ? 1 : 0;
      sumLow = low;
      sumHigh += out[0] + carry;
    }
    Hash128 h = new Hash128(0x6765782d63686169L); // "gex-chai"
    h.putLong(FINGERPRINT_VERSION)
        .putString(chain.underlying())
        .putDouble(chain.spot())
        .putLong(chain.valuationTime().getEpochSecond())
        .putInt(chain.valuationTime().getNano())
        .putInt(chain.contracts().size())
        .putLong(sumHigh)
        .putLong(sumLow)
        .putInt(chain.diagnostics().size());
    for (ContractDiagnostic d : chain.diagnostics()) {
      h.putString(d.toString());
    }
    return h.finishHex();
  }

  /**
   * The fingerprint of settings: every record component, through the record's string form (doubles are
   * written exactly, time zones by id).
   *
   * @throws NullPointerException if settings is null
   */
  public static String settingsFingerprint(GexSettings settings) {
    Objects.requireNonNull(settings, "settings");
    return new Hash128(0x6765782d73657474L) // "gex-sett"
        .putLong(FINGERPRINT_VERSION)
        .putString(settings.toString())
        .finishHex();
  }

  private static void optional(Hash128 h, OptionalDouble value) {
    if (value.isPresent()) {
      h.putInt(1).putDouble(value.getAsDouble());
    } else {
      h.putInt(0);
    }
  }

  private static void optional(Hash128 h, OptionalLong value) {
    if (value.isPresent()) {
      h.putInt(1).putLong(value.getAsLong());
    } else {
      h.putInt(0);
    }
  }

  @Override
  public String toString() {
    return symbol + "@" + valuationTime + "/" + chainFingerprint + "/" + settingsFingerprint;
  }
}
