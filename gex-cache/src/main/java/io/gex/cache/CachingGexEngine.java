package io.gex.cache;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.chain.OptionChain;
import io.gex.positions.CustomerFlow;
import io.gex.positions.PositionModel;
import io.gex.positions.PositionModels;
import io.gex.positions.TradeClassifier;
import io.gex.settings.GexSettings;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * A {@link GexEngine} that answers from a {@link TieredGexCache} and asks the engine it wraps only on a
 * miss. The key of a chain is {@link GexCacheKey#of(OptionChain, GexSettings)} under the wrapped engine's
 * settings, so engines with different conventions can share one cache without seeing each other's entries.
 *
 * <pre>{@code
 * GexEngine engine = CachingGexEngine.wrap(GexEngine.builder().build(), TieredGexCache.discover());
 * GexAnalysis a = engine.analyze(chain); // computed
 * GexAnalysis b = engine.analyze(chain); // from the cache
 * }</pre>
 *
 * <p>A cached analysis is the one first computed, so its {@link GexAnalysis.Provenance#analyzedAt()} is when (and the
 * clock of the instance where) it was computed.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class CachingGexEngine implements GexEngine {
  private final GexEngine delegate;
  private final TieredGexCache cache;
  private final String settingsFingerprint;

  private CachingGexEngine(GexEngine delegate, TieredGexCache cache) {
    this.delegate = delegate;
    this.cache = cache;
    this.settingsFingerprint =
        withPositionModel(GexCacheKey.settingsFingerprint(delegate.settings()), delegate.positionModel());
  }

  /**
   * The settings' fingerprint, as it is under the default position model {@code oi}; under another model
   * the MD5 of it and the model's id, so that engines of different models never share an entry.
   */
  static String withPositionModel(String fingerprint, PositionModel model) {
    if (model == PositionModels.OI) {
      return fingerprint;
    }
    try {
      byte[] digest =
          java.security.MessageDigest.getInstance("MD5")
              .digest(
                  (fingerprint + "|positions=" + model.id())
                      .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is a required algorithm of every Java platform", e);
    }
  }

  /**
   * An engine that caches the analyses of {@code engine} in {@code cache}.
   *
   * @throws NullPointerException if an argument is null
   */
  public static CachingGexEngine wrap(GexEngine engine, TieredGexCache cache) {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(cache, "cache");
    if (engine instanceof CachingGexEngine) {
      throw new IllegalArgumentException("engine is already a CachingGexEngine");
    }
    return new CachingGexEngine(engine, cache);
  }

  /**
   * The cached analysis of the chain, or the wrapped engine's, computed once however many threads ask.
   *
   * @throws io.gex.NoUsableContractsException if no contract of the chain can be priced
   * @throws NullPointerException if chain is null
   */
  @Override
  public GexAnalysis analyze(OptionChain chain) {
    Objects.requireNonNull(chain, "chain");
    return cache.get(GexCacheKey.of(chain, settingsFingerprint), () -> delegate.analyze(chain));
  }

  /**
   * The cached analysis of a chain its supplier identifies ({@link GexCacheKey#identified}: the source and
   * its version of the chain), or the wrapped engine's: the key reads no contract, so a hit costs the cache
   * lookup alone. Prefer this whenever the supplier can name each state of the chain.
   *
   * @param chain the chain
   * @param source who supplies it, not blank
   * @param version the supplier's version of this state of the chain, not blank
   * @throws io.gex.NoUsableContractsException if no contract of the chain can be priced
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the source or version is blank
   */
  public GexAnalysis analyze(OptionChain chain, String source, String version) {
    Objects.requireNonNull(chain, "chain");
    GexCacheKey key =
        GexCacheKey.identified(
            chain.underlying(), chain.valuationTime(), source, version, settingsFingerprint);
    return cache.get(key, () -> delegate.analyze(chain));
  }

  /**
   * The wrapped engine's analysis with customer flow. An empty flow is {@link #analyze(OptionChain)}
   * (cached); a tape's flow is not part of the cache key, so an analysis with flow is computed by the
   * wrapped engine every time.
   *
   * @throws io.gex.NoUsableContractsException if no contract of the chain can be priced
   * @throws NullPointerException if an argument is null
   */
  @Override
  public GexAnalysis analyze(OptionChain chain, CustomerFlow flow) {
    Objects.requireNonNull(flow, "flow");
    return flow.isEmpty() ? analyze(chain) : delegate.analyze(chain, flow);
  }

  @Override
  public PositionModel positionModel() {
    return delegate.positionModel();
  }

  @Override
  public TradeClassifier tradeClassifier() {
    return delegate.tradeClassifier();
  }

  @Override
  public GexSettings settings() {
    return delegate.settings();
  }

  @Override
  public Optional<Executor> executor() {
    return delegate.executor();
  }

  /** The cache. */
  public TieredGexCache cache() {
    return cache;
  }

  /** The wrapped engine. */
  public GexEngine delegate() {
    return delegate;
  }

  @Override
  public String toString() {
    return "CachingGexEngine[" + delegate + ", " + cache + "]";
  }
}
