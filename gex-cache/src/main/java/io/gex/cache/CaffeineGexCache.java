package io.gex.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.gex.GexAnalysis;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.function.LongSupplier;

/**
 * The in-process cache level, backed by Caffeine: the embedded default first level of {@link
 * TieredGexCache}. Entries expire a fixed time after they were written (default {@link #DEFAULT_TTL}) and
 * the least valuable are evicted beyond {@linkplain Builder#maximumSize a maximum count} (default {@value
 * #DEFAULT_MAXIMUM_SIZE}; one analysis of a full SPX chain is a few hundred kilobytes to a few
 * megabytes).
 *
 * <p>Analyses are immutable, so the cached instance itself is answered.
 *
 * <p>This class is thread-safe.
 */
public final class CaffeineGexCache implements GexCache {

  /** Default time to live of an entry: 5 minutes. */
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);

  /** Default maximum number of entries. */
  public static final long DEFAULT_MAXIMUM_SIZE = 256;

  private final Cache<GexCacheKey, GexAnalysis> cache;
  private final LongSupplier ticker;
  private final StatsCounter stats = new StatsCounter();
  private final Duration ttl;

  private CaffeineGexCache(Builder b) {
    this.ttl = b.ttl;
    this.ticker = b.ticker;
    LongSupplier t = b.ticker;
    this.cache =
        Caffeine.newBuilder()
            .expireAfterWrite(b.ttl)
            .maximumSize(b.maximumSize)
            .ticker(t::getAsLong)
            .executor(b.executor)
            .build();
  }

  /** A cache with the default time to live and size. */
  public static CaffeineGexCache create() {
    return builder().build();
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Optional<GexAnalysis> get(GexCacheKey key) {
    Objects.requireNonNull(key, "key");
    long t0 = ticker.getAsLong();
    GexAnalysis found = cache.getIfPresent(key);
    if (found != null) {
      stats.hit();
    } else {
      stats.miss();
    }
    stats.latency(ticker.getAsLong() - t0);
    return Optional.ofNullable(found);
  }

  @Override
  public void put(GexCacheKey key, GexAnalysis analysis) {
    checkMatches(key, analysis);
    long t0 = ticker.getAsLong();
    cache.put(key, analysis);
    stats.put();
    stats.latency(ticker.getAsLong() - t0);
  }

  @Override
  public void invalidateOlder(String symbol, Instant newest) {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(newest, "newest");
    long t0 = ticker.getAsLong();
    long[] dropped = {0};
    // A scan of at most maximumSize keys; invalidations happen once per new valuation instant.
    cache
        .asMap()
        .keySet()
        .removeIf(
            k -> {
              boolean older = k.symbol().equals(symbol) && k.valuationTime().isBefore(newest);
              if (older) {
                dropped[0]++;
              }
              return older;
            });
    stats.invalidated(dropped[0]);
    stats.latency(ticker.getAsLong() - t0);
  }

  @Override
  public void invalidateAll() {
    long size = cache.estimatedSize();
    cache.invalidateAll();
    stats.invalidated(size);
  }

  @Override
  public CacheStats stats() {
    return stats.snapshot();
  }

  @Override
  public String id() {
    return "caffeine";
  }

  /** The number of entries, approximately (expired entries may still be counted until cleaned up). */
  public long estimatedSize() {
    return cache.estimatedSize();
  }

  /** Performs pending expiry and eviction now (useful with a manual ticker in tests). */
  public void cleanUp() {
    cache.cleanUp();
  }

  /** The time to live of an entry. */
  public Duration ttl() {
    return ttl;
  }

  @Override
  public String toString() {
    return "CaffeineGexCache[ttl=" + ttl + ", size=" + cache.estimatedSize() + "]";
  }

  static void checkMatches(GexCacheKey key, GexAnalysis analysis) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(analysis, "analysis");
    if (!key.symbol().equals(analysis.symbol())
        || !key.valuationTime().equals(analysis.valuationTime())) {
      throw new IllegalArgumentException(
          "analysis of "
              + analysis.symbol()
              + "@"
              + analysis.valuationTime()
              + " does not match key "
              + key.symbol()
              + "@"
              + key.valuationTime());
    }
  }

  /** Builds a {@link CaffeineGexCache}; not thread-safe. */
  public static final class Builder {
    private Duration ttl = DEFAULT_TTL;
    private long maximumSize = DEFAULT_MAXIMUM_SIZE;
    private LongSupplier ticker = System::nanoTime;
    private Executor executor = ForkJoinPool.commonPool();

    private Builder() {}

    /**
     * Time to live of an entry after it is written (default 5 minutes).
     *
     * @throws IllegalArgumentException if not positive
     */
    public Builder ttl(Duration value) {
      Objects.requireNonNull(value, "ttl");
      if (value.isNegative() || value.isZero()) {
        throw new IllegalArgumentException("ttl must be > 0, was " + value);
      }
      ttl = value;
      return this;
    }

    /**
     * Maximum number of entries (default {@value CaffeineGexCache#DEFAULT_MAXIMUM_SIZE}).
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder maximumSize(long value) {
      if (value < 0) {
        throw new IllegalArgumentException("maximumSize must be >= 0, was " + value);
      }
      maximumSize = value;
      return this;
    }

    /** The nanosecond ticker for expiry and latency (default {@link System#nanoTime()}). */
    public Builder ticker(LongSupplier value) {
      ticker = Objects.requireNonNull(value, "ticker");
      return this;
    }

    /**
     * The executor of Caffeine's maintenance work (default the common pool); {@code Runnable::run} makes
     * tests deterministic.
     */
    public Builder executor(Executor value) {
      executor = Objects.requireNonNull(value, "executor");
      return this;
    }

    /** Builds the cache. */
    public CaffeineGexCache build() {
      return new CaffeineGexCache(this);
    }
  }
}
