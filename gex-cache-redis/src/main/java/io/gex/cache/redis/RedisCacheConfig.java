package io.gex.cache.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * How to reach and use Redis. Build one with {@link #builder(String)}, or read it from system properties and
 * environment variables with {@link #fromEnvironment()}:
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>system property</th><th>environment variable</th><th>meaning</th><th>default</th></tr>
 *   <tr><td>{@code gex.redis.url}</td><td>{@code GEX_REDIS_URL}</td><td>{@code redis://host:port/db}, or
 *       {@code rediss://...} for TLS; may carry {@code user:password@}</td><td>required</td></tr>
 *   <tr><td>{@code gex.redis.password}</td><td>{@code GEX_REDIS_PASSWORD}</td><td>password (overrides the
 *       URL's)</td><td>none</td></tr>
 *   <tr><td>{@code gex.redis.prefix}</td><td>{@code GEX_REDIS_PREFIX}</td><td>key and channel prefix</td>
 *       <td>{@code gex}</td></tr>
 *   <tr><td>{@code gex.redis.ttl}</td><td>{@code GEX_REDIS_TTL}</td><td>entry time to live</td>
 *       <td>{@code PT5M}</td></tr>
 *   <tr><td>{@code gex.redis.timeout}</td><td>{@code GEX_REDIS_TIMEOUT}</td><td>command timeout</td>
 *       <td>{@code PT0.05S}</td></tr>
 *   <tr><td>{@code gex.redis.connect-timeout}</td><td>{@code GEX_REDIS_CONNECT_TIMEOUT}</td><td>connect
 *       timeout</td><td>{@code PT0.5S}</td></tr>
 *   <tr><td>{@code gex.redis.failure-threshold}</td><td>{@code GEX_REDIS_FAILURE_THRESHOLD}</td>
 *       <td>consecutive failures that open the breaker</td><td>3</td></tr>
 *   <tr><td>{@code gex.redis.open-interval}</td><td>{@code GEX_REDIS_OPEN_INTERVAL}</td><td>how long the
 *       breaker stays open before a probe</td><td>{@code PT1S}</td></tr>
 *   <tr><td>{@code gex.redis.gzip}</td><td>{@code GEX_REDIS_GZIP}</td><td>gzip stored analyses instead of LZ4</td>
 *       <td>{@code false}</td></tr>
 *   <tr><td>{@code gex.redis.max-entry-bytes}</td><td>{@code GEX_REDIS_MAX_ENTRY_BYTES}</td><td>largest
 *       entry read or written, in bytes once decompressed</td><td>67108864 (64 MiB)</td></tr>
 *   <tr><td>{@code gex.redis.invalidation-attempts}</td><td>{@code GEX_REDIS_INVALIDATION_ATTEMPTS}</td>
 *       <td>failed attempts after which an invalidation is dropped</td><td>5</td></tr>
 * </table>
 *
 * <p>Durations are ISO-8601 ({@code PT0.05S}) or a number of milliseconds ({@code 50}). The password is
 * never part of {@link #toString()} (the URL's user information is masked too).
 *
 * <p>This class is immutable and thread-safe.
 *
 * @param url the Redis URL, {@code redis://} or {@code rediss://} (TLS)
 * @param password the password, if not in the URL (or to override it)
 * @param keyPrefix prefix of every key and of the invalidation channel {@code <prefix>:invalidate}; no
 *     whitespace
 * @param ttl time to live of an entry, {@code > 0}
 * @param commandTimeout how long a command may take before it fails, {@code > 0}
 * @param connectTimeout how long a connection attempt may take, {@code > 0}
 * @param failureThreshold consecutive failures that open the circuit breaker, {@code >= 1}
 * @param openInterval how long the breaker stays open before one probe call, {@code > 0}
 * @param reconnectDelayMax the longest wait between automatic reconnection attempts, {@code > 0}
 * @param gzip whether stored analyses are gzipped (smaller in Redis, several times slower to write and
 *     read) instead of compressed with LZ4 (the default)
 * @param maxEntryBytes the largest entry, in bytes of CBOR once decompressed, that is read (a larger one,
 *     such as a gzip bomb, is a miss and is deleted; decompression stops at this size) or written (a larger
 *     analysis is not stored); in [{@value #MIN_ENTRY_BYTES}, {@value #MAX_ENTRY_BYTES}]
 * @param invalidationAttempts how many times an invalidation that fails is tried (the call itself, then
 *     replays after later successful commands) before it is dropped with a warning and counted in {@link
 *     RedisGexCache#droppedInvalidations()}, {@code >= 1}; an invalidation that could not be sent at all
 *     (Redis unreachable, breaker open) is kept without using up an attempt
 */
public record RedisCacheConfig(
    String url,
    Optional<String> password,
    String keyPrefix,
    Duration ttl,
    Duration commandTimeout,
    Duration connectTimeout,
    int failureThreshold,
    Duration openInterval,
    Duration reconnectDelayMax,
    boolean gzip,
    int maxEntryBytes,
    int invalidationAttempts) {

  /** Default key prefix. */
  public static final String DEFAULT_PREFIX = "gex";
  /** Default entry time to live: 5 minutes. */
  public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
  /** Default command timeout: 50 milliseconds. */
  public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMillis(50);
  /** Default connect timeout: 500 milliseconds. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(500);
  /** Default failures before the breaker opens: 3. */
  public static final int DEFAULT_FAILURE_THRESHOLD = 3;
  /** Default time the breaker stays open: 1 second. */
  public static final Duration DEFAULT_OPEN_INTERVAL = Duration.ofSeconds(1);
  /** Default longest reconnection delay: 1 second. */
  public static final Duration DEFAULT_RECONNECT_DELAY_MAX = Duration.ofSeconds(1);
  /**
   * Default largest entry: 64 MiB of CBOR, far above a real one (the whole SPX chain of 19,000 contracts is
   * about 600 KB).
   */
  public static final int DEFAULT_MAX_ENTRY_BYTES = 64 << 20;
  /** Smallest allowed {@link #maxEntryBytes()}: 1 KiB. */
  public static final int MIN_ENTRY_BYTES = 1024;
  /** Largest allowed {@link #maxEntryBytes()}: 1 GiB. */
  public static final int MAX_ENTRY_BYTES = 1 << 30;
  /** Default attempts before a failing invalidation is dropped: 5. */
  public static final int DEFAULT_INVALIDATION_ATTEMPTS = 5;

  /**
   * Validates; messages name the setting and value (never a password).
   *
   * @throws IllegalArgumentException if a value is out of range or the URL is not a redis/rediss URL
   */
  public RedisCacheConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(keyPrefix, "keyPrefix");
    Objects.requireNonNull(ttl, "ttl");
    Objects.requireNonNull(commandTimeout, "commandTimeout");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(openInterval, "openInterval");
    Objects.requireNonNull(reconnectDelayMax, "reconnectDelayMax");
    URI parsed;
    try {
      parsed = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("url is not a URI: " + e.getReason());
    }
    String scheme = parsed.getScheme() == null ? "" : parsed.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("redis") && !scheme.equals("rediss")) {
      throw new IllegalArgumentException(
          "url must start with redis:// or rediss://, was " + mask(url));
    }
    if (keyPrefix.isEmpty() || keyPrefix.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "keyPrefix must be non-empty without whitespace, was '" + keyPrefix + "'");
    }
    positive("ttl", ttl);
    positive("commandTimeout", commandTimeout);
    positive("connectTimeout", connectTimeout);
    positive("openInterval", openInterval);
    positive("reconnectDelayMax", reconnectDelayMax);
    if (failureThreshold < 1) {
      throw new IllegalArgumentException("failureThreshold must be >= 1, was " + failureThreshold);
    }
    if (maxEntryBytes < MIN_ENTRY_BYTES || maxEntryBytes > MAX_ENTRY_BYTES) {
      throw new IllegalArgumentException(
          "maxEntryBytes must be in [" + MIN_ENTRY_BYTES + ", " + MAX_ENTRY_BYTES + "], was "
              + maxEntryBytes);
    }
    if (invalidationAttempts < 1) {
      throw new IllegalArgumentException(
          "invalidationAttempts must be >= 1, was " + invalidationAttempts);
    }
  }

  private static void positive(String name, Duration value) {
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be > 0, was " + value);
    }
  }

  /** A builder with every default and this URL. */
  public static Builder builder(String url) {
    return new Builder(url);
  }

  /** A builder holding this configuration's values. */
  public Builder toBuilder() {
    Builder b = new Builder(url);
    password.ifPresent(b::password);
    return b.keyPrefix(keyPrefix)
        .ttl(ttl)
        .commandTimeout(commandTimeout)
        .connectTimeout(connectTimeout)
        .failureThreshold(failureThreshold)
        .openInterval(openInterval)
        .reconnectDelayMax(reconnectDelayMax)
        .gzip(gzip)
        .maxEntryBytes(maxEntryBytes)
        .invalidationAttempts(invalidationAttempts);
  }

  /**
   * Reads the settings of the class description: each system property, else its environment variable.
   *
   * @throws IllegalStateException if no URL is configured
   * @throws IllegalArgumentException if a value cannot be read (naming the setting)
   */
  public static RedisCacheConfig fromEnvironment() {
    return from(
        name -> {
          String value = System.getProperty(name);
          if (value == null || value.isBlank()) {
            value = System.getenv(environmentName(name));
          }
          return value == null || value.isBlank() ? null : value.trim();
        });
  }

  /**
   * Reads the settings from a lookup of the system-property names of the class description ({@code
   * gex.redis.url}, ...), which answers null for an unset name.
   *
   * @throws IllegalStateException if no URL is configured
   * @throws IllegalArgumentException if a value cannot be read (naming the setting)
   */
  public static RedisCacheConfig from(Function<String, @Nullable String> lookup) {
    Objects.requireNonNull(lookup, "lookup");
    String url = lookup.apply("gex.redis.url");
    if (url == null) {
      throw new IllegalStateException(
          "no Redis URL configured: set gex.redis.url or GEX_REDIS_URL (redis://host:port or rediss://...)");
    }
    Builder b = builder(url);
    String password = lookup.apply("gex.redis.password");
    if (password != null) {
      b.password(password);
    }
    String prefix = lookup.apply("gex.redis.prefix");
    if (prefix != null) {
      b.keyPrefix(prefix);
    }
    String ttl = lookup.apply("gex.redis.ttl");
    if (ttl != null) {
      b.ttl(duration("gex.redis.ttl", ttl));
    }
    String timeout = lookup.apply("gex.redis.timeout");
    if (timeout != null) {
      b.commandTimeout(duration("gex.redis.timeout", timeout));
    }
    String connect = lookup.apply("gex.redis.connect-timeout");
    if (connect != null) {
      b.connectTimeout(duration("gex.redis.connect-timeout", connect));
    }
    String threshold = lookup.apply("gex.redis.failure-threshold");
    if (threshold != null) {
      b.failureThreshold(integer("gex.redis.failure-threshold", threshold));
    }
    String maxEntry = lookup.apply("gex.redis.max-entry-bytes");
    if (maxEntry != null) {
      b.maxEntryBytes(integer("gex.redis.max-entry-bytes", maxEntry));
    }
    String attempts = lookup.apply("gex.redis.invalidation-attempts");
    if (attempts != null) {
      b.invalidationAttempts(integer("gex.redis.invalidation-attempts", attempts));
    }
    String open = lookup.apply("gex.redis.open-interval");
    if (open != null) {
      b.openInterval(duration("gex.redis.open-interval", open));
    }
    String gzip = lookup.apply("gex.redis.gzip");
    if (gzip != null) {
      b.gzip(Boolean.parseBoolean(gzip));
    }
    return b.build();
  }

  /** {@code gex.redis.connect-timeout} → {@code GEX_REDIS_CONNECT_TIMEOUT}. */
  static String environmentName(String property) {
    return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static int integer(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer, was '" + value + "'", e);
    }
  }

  static Duration duration(String name, String value) {
    try {
      if (value.chars().allMatch(Character::isDigit)) {
        return Duration.ofMillis(Long.parseLong(value));
      }
      return Duration.parse(value);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          name + " must be an ISO-8601 duration or milliseconds, was '" + value + "'", e);
    }
  }

  /** The URL with any user information replaced by {@code ***}. */
  public String maskedUrl() {
    return mask(url);
  }

  private static String mask(String url) {
    int scheme = url.indexOf("://");
    int at = url.lastIndexOf('@');
    if (scheme >= 0 && at > scheme) {
      return url.substring(0, scheme + 3) + "***" + url.substring(at);
    }
    return url;
  }

  /** The channel carrying invalidations between instances: {@code <prefix>:invalidate}. */
  public String channel() {
    return keyPrefix + ":invalidate";
  }

  @Override
  public String toString() {
    return "RedisCacheConfig[url="
        + maskedUrl()
        + ", password="
        + (password.isPresent() ? "***" : "none")
        + ", keyPrefix="
        + keyPrefix
        + ", ttl="
        + ttl
        + ", commandTimeout="
        + commandTimeout
        + ", connectTimeout="
        + connectTimeout
        + ", failureThreshold="
        + failureThreshold
        + ", openInterval="
        + openInterval
        + ", reconnectDelayMax="
        + reconnectDelayMax
        + ", gzip="
        + gzip
        + ", maxEntryBytes="
        + maxEntryBytes
        + ", invalidationAttempts="
        + invalidationAttempts
        + "]";
  }

  /** Builds a {@link RedisCacheConfig}; not thread-safe. */
  public static final class Builder {
    private final String url;
    private Optional<String> password = Optional.empty();
    private String keyPrefix = DEFAULT_PREFIX;
    private Duration ttl = DEFAULT_TTL;
    private Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private int failureThreshold = DEFAULT_FAILURE_THRESHOLD;
    private Duration openInterval = DEFAULT_OPEN_INTERVAL;
    private Duration reconnectDelayMax = DEFAULT_RECONNECT_DELAY_MAX;
    private boolean gzip;
    private int maxEntryBytes = DEFAULT_MAX_ENTRY_BYTES;
    private int invalidationAttempts = DEFAULT_INVALIDATION_ATTEMPTS;

    private Builder(String url) {
      this.url = Objects.requireNonNull(url, "url");
    }

    /** The password (overrides one in the URL). */
    public Builder password(String value) {
      password = Optional.of(Objects.requireNonNull(value, "password"));
      return this;
    }

    /** Prefix of keys and channel (default {@value RedisCacheConfig#DEFAULT_PREFIX}). */
    public Builder keyPrefix(String value) {
      keyPrefix = Objects.requireNonNull(value, "keyPrefix");
      return this;
    }

    /** Entry time to live (default 5 minutes). */
    public Builder ttl(Duration value) {
      ttl = Objects.requireNonNull(value, "ttl");
      return this;
    }

    /** Command timeout (default 50 ms). */
    public Builder commandTimeout(Duration value) {
      commandTimeout = Objects.requireNonNull(value, "commandTimeout");
      return this;
    }

    /** Connect timeout (default 500 ms). */
    public Builder connectTimeout(Duration value) {
      connectTimeout = Objects.requireNonNull(value, "connectTimeout");
      return this;
    }

    /** Consecutive failures that open the breaker (default 3). */
    public Builder failureThreshold(int value) {
      failureThreshold = value;
      return this;
    }

    /** How long the breaker stays open before a probe (default 1 s). */
    public Builder openInterval(Duration value) {
      openInterval = Objects.requireNonNull(value, "openInterval");
      return this;
    }

    /** Longest wait between automatic reconnection attempts (default 1 s). */
    public Builder reconnectDelayMax(Duration value) {
      reconnectDelayMax = Objects.requireNonNull(value, "reconnectDelayMax");
      return this;
    }

    /** Whether to gzip stored analyses (default false). */
    public Builder gzip(boolean value) {
      gzip = value;
      return this;
    }

    /** Largest entry read or written, in bytes once decompressed (default 64 MiB). */
    public Builder maxEntryBytes(int value) {
      maxEntryBytes = value;
      return this;
    }

    /** Failed attempts after which an invalidation is dropped (default 5). */
    public Builder invalidationAttempts(int value) {
      invalidationAttempts = value;
      return this;
    }

    /**
     * Builds the configuration.
     *
     * @throws IllegalArgumentException if a value is out of range
     */
    public RedisCacheConfig build() {
      return new RedisCacheConfig(
          url,
          password,
          keyPrefix,
          ttl,
          commandTimeout,
          connectTimeout,
          failureThreshold,
          openInterval,
          reconnectDelayMax,
          gzip,
          maxEntryBytes,
          invalidationAttempts);
    }
  }
}
