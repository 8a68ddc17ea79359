package io.gex.cache.redis;

import io.gex.GexAnalysis;
import io.gex.cache.CacheStats;
import io.gex.cache.GexCache;
import io.gex.cache.GexCacheKey;
import io.gex.cache.StatsCounter;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.net.SocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared cache level: analyses stored in Redis (through Lettuce) for every instance of the
 * application, with invalidations broadcast to the other instances over pub/sub.
 *
 * <p><b>Layout.</b> With prefix {@code p} and a symbol {@code S}: entries {@code p:v1:a:{S}:<instant>:<chain
 * fingerprint>:<settings fingerprint>} (the stored form is a versioned header + the analysis in CBOR,
 * compressed with LZ4 or gzip: see {@code AnalysisCodec}); an index {@code p:v1:i:{S}} (sorted set of the symbol's entry keys by
 * valuation instant in epoch microseconds); the symbol's newest instant {@code p:v1:n:{S}}; and the
 * channel {@code p:invalidate}. The {@code {S}} hash tag keeps a symbol's keys in one cluster slot. Every
 * key expires after the configured time to live.
 *
 * <p><b>Consistency.</b> {@link #invalidateOlder} runs one Lua script that raises the symbol's newest
 * instant, deletes its older entries and publishes {@code <instance id>\n<symbol>\n<instant>} on the
 * channel; other instances tell their {@linkplain #addInvalidationListener listeners} (a {@link
 * io.gex.cache.TieredGexCache} then drops its older first-level copies). {@link #put} is a script too and
 * refuses an entry older than the symbol's newest instant, so a slow computation cannot store a stale
 * analysis after a newer one was announced. After the subscription reconnects (messages may have been
 * missed), listeners are told to {@linkplain InvalidationListener#invalidatedAll() drop everything}.
 * Invalidations that could not reach Redis are kept and replayed once it answers again; one that keeps
 * failing is dropped after {@link RedisCacheConfig#invalidationAttempts()} attempts, with a WARN, and
 * counted in {@link #droppedInvalidations()}. The scripts treat a symbol's corrupt keys (a "newest instant"
 * that is not an integer, a key of the wrong type) as absent and overwrite them, so one symbol's bad keys
 * affect that symbol alone (see {@code LuaScripts}).
 *
 * <p><b>Failures.</b> Every command times out after {@link RedisCacheConfig#commandTimeout()} (default 50
 * ms); commands are refused at once while the connection is down. Failures open a {@link CircuitBreaker}
 * that refuses calls for {@link RedisCacheConfig#openInterval()}, then probes with one call. Lettuce
 * reconnects on its own (backing off up to {@link RedisCacheConfig#reconnectDelayMax()}); the breaker closes
 * as soon as the connection is back. If Redis is down when the cache is created, connection is retried by
 * the breaker's probes. No failure reaches the caller: a lookup is a miss, a store or invalidation is
 * skipped, and each is counted in {@link #stats()} as an error. An error reply from Redis (a script error,
 * {@code WRONGTYPE}, {@code NOPERM}...) is counted too but does not open the breaker: the server answered.
 *
 * <p><b>What is served.</b> Nothing the engine could not have produced. An entry is read with {@code
 * GETRANGE}, at most {@link RedisCacheConfig#maxEntryBytes()} plus its header and one byte, and decoded
 * with its CBOR bounded by the same limit (decompression stops there: a gzip bomb costs at most that much
 * memory), then checked: the key's symbol and instant, every figure finite, the record's
 * invariants (totals add up, the regime is the sign of total GEX, walls are listed strikes on the right
 * side of spot, levels are positive...). An entry that fails is a miss, is deleted, and is counted in
 * {@link #rejectedEntries()} and as an error. {@link #put} applies the same check and bound and does not
 * store an analysis that fails them.
 *
 * <p><b>Discovery.</b> This class is a {@link java.util.ServiceLoader} provider of {@link GexCache}; its
 * no-argument constructor reads {@link RedisCacheConfig#fromEnvironment()} ({@code GEX_REDIS_URL}, ...).
 *
 * <p>This class is thread-safe. Close it to release its connections and threads.
 */
public final class RedisGexCache implements GexCache {

  private static final Logger LOG = LoggerFactory.getLogger(RedisGexCache.class);

  /**
   * The version of the key layout ({@code p:v1:...}), apart from the stored form's own version byte: a new
   * stored form keeps the keys, so its readers see the old entries as misses and replace them.
   */
  static final int KEY_LAYOUT = 1;

  private static final RedisCodec<String, byte[]> CODEC =
      RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

  private final RedisCacheConfig config;
  private final String keyBase;
  private final byte[] ttlMillis;
  private final String instanceId = UUID.randomUUID().toString();
  private final ClientResources resources;
  private final RedisClient client;
  private final RedisURI uri;
  private final CircuitBreaker breaker;
  private final LongSupplier ticker;
  private final StatsCounter stats = new StatsCounter();
  private final LongAdder refusedStale = new LongAdder();
  private final LongAdder rejectedEntries = new LongAdder();
  private final List<InvalidationListener> listeners = new CopyOnWriteArrayList<>();
  private final PendingInvalidations pending;
  private final AtomicBoolean connecting = new AtomicBoolean();
  private final AtomicBoolean pubSubConnecting = new AtomicBoolean();
  private final AtomicBoolean degraded = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Set<RedisChannelHandler<?, ?>> everConnected =
      Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

  private volatile @Nullable StatefulRedisConnection<String, byte[]> connection;
  private volatile @Nullable StatefulRedisPubSubConnection<String, String> pubSub;
  /** When the subscription was last attempted (ticker nanos), so a failing one is retried at most so often. */
  private volatile long lastPubSubAttempt = Long.MIN_VALUE / 2;
  /** When an error reply was last logged at WARN (ticker nanos), so they are logged at most once a minute. */
  private volatile long lastErrorReplyWarning = Long.MIN_VALUE / 2;

  /**
   * A cache configured by {@link RedisCacheConfig#fromEnvironment()}: the {@link java.util.ServiceLoader}
   * constructor.
   *
   * @throws IllegalStateException if no Redis URL is configured
   * @throws IllegalArgumentException if a configured value is invalid
   */
  public RedisGexCache() {
    this(RedisCacheConfig.fromEnvironment(), System::nanoTime);
  }

  /**
   * A cache for this configuration. Connects in the background: calls made before the connection is up
   * are misses.
   *
   * @throws NullPointerException if config is null
   */
  public RedisGexCache(RedisCacheConfig config) {
    this(config, System::nanoTime);
  }

  RedisGexCache(RedisCacheConfig config, LongSupplier ticker) {
    this.config = Objects.requireNonNull(config, "config");
    this.ticker = Objects.requireNonNull(ticker, "ticker");
    this.keyBase = config.keyPrefix() + ":v" + KEY_LAYOUT + ":";
    this.ttlMillis = ascii(Long.toString(config.ttl().toMillis()));
    this.breaker = new CircuitBreaker(config.failureThreshold(), config.openInterval(), ticker);
    this.pending = new PendingInvalidations(config.invalidationAttempts(), stats::error);
    this.uri = RedisURI.create(config.url());
    config
        .password()
        .ifPresent(
            p -> {
              String user = usernameOf(config.url());
              if (user != null) {
                uri.setAuthentication(user, p.toCharArray());
              } else {
                uri.setAuthentication(p.toCharArray());
              }
            });
    // The URI timeout bounds the connection handshake; commands have their own fixed timeout below.
    uri.setTimeout(config.connectTimeout());
    this.resources =
        ClientResources.builder()
            .ioThreadPoolSize(2)
            .computationThreadPoolSize(2)
            .reconnectDelay(
                Delay.exponential(
                    Duration.ofMillis(10), config.reconnectDelayMax(), 2, TimeUnit.MILLISECONDS))
            .build();
    this.client = RedisClient.create(resources);
    client.setOptions(
        ClientOptions.builder()
            .autoReconnect(true)
            .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
            .timeoutOptions(TimeoutOptions.enabled(config.commandTimeout()))
            .socketOptions(
                SocketOptions.builder().connectTimeout(config.connectTimeout()).keepAlive(true).build())
            .build());
    client.addListener(new ConnectionWatcher());
    LOG.debug("Redis cache level {} for {}", instanceId, config);
    connectAsync();
  }

  /**
   * The longest stored form of at most {@code maxEntryBytes} of CBOR: its header, an LZ4 body's length
   * and LZ4's worst case for incompressible bytes ({@code n + n/255 + 16}, more than gzip's), so a valid
   * entry is never cut short and an oversized one is read only one byte past it.
   */
  static long maxStoredBytes(int maxEntryBytes) {
    return (long) AnalysisCodec.HEADER + 4 + maxEntryBytes + maxEntryBytes / 255 + 16;
  }

  // ---------------------------------------------------------------------------------------------- API

  @Override
  public Optional<GexAnalysis> get(GexCacheKey key) {
    Objects.requireNonNull(key, "key");
    long t0 = ticker.getAsLong();
    try {
      RedisCommands<String, byte[]> cmd = acquire();
      if (cmd == null) {
        stats.miss();
        return Optional.empty();
      }
      String redisKey = entryKey(key);
      byte[] stored;
      try {
        // GETRANGE, not GET: however large the value, read at most one byte more than an entry may be
        // (a missing key reads as empty).
        stored = cmd.getrange(redisKey, 0, maxStoredBytes(config.maxEntryBytes()));
        succeeded(cmd);
      } catch (RuntimeException e) {
        failed("GET", e);
        stats.miss();
        return Optional.empty();
      }
      if (stored == null || stored.length == 0) {
        stats.miss();
        return Optional.empty();
      }
      GexAnalysis analysis;
      try {
        analysis = AnalysisCodec.decode(stored, config.maxEntryBytes());
        AnalysisCheck.check(analysis, key);
      } catch (AnalysisCodec.OtherVersionException e) {
        // Written by an older or newer gex: a plain miss, replaced by this instance's next put.
        stats.miss();
        LOG.debug("Deleting cache entry {}: {}", redisKey, e.getMessage());
        deleteQuietly(cmd, redisKey);
        return Optional.empty();
      } catch (RuntimeException e) {
        // Corrupt, too large once inflated, another key's, or figures the engine
        // cannot produce: never served.
        rejectedEntries.increment();
        stats.error();
        stats.miss();
        LOG.warn("Deleting unusable cache entry {}: {}", redisKey, e.getMessage());
        deleteQuietly(cmd, redisKey);
        return Optional.empty();
      }
      stats.hit();
      return Optional.of(analysis);
    } finally {
      stats.latency(ticker.getAsLong() - t0);
    }
  }

  /**
   * Stores the analysis unless Redis holds a newer valuation instant for the symbol (then it is refused
   * and counted in {@link #refusedStale()}).
   *
   * @throws IllegalArgumentException if the analysis's symbol or valuation instant differ from the key's
   */
  @Override
  public void put(GexCacheKey key, GexAnalysis analysis) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(analysis, "analysis");
    if (!key.symbol().equals(analysis.symbol())
        || !key.valuationTime().equals(analysis.valuationTime())) {
      throw new IllegalArgumentException(
          "analysis of " + analysis.symbol() + "@" + analysis.valuationTime() + " does not match key "
              + key.symbol() + "@" + key.valuationTime());
    }
    long t0 = ticker.getAsLong();
    try {
      RedisCommands<String, byte[]> cmd = acquire();
      if (cmd == null) {
        return;
      }
      byte[] value;
      try {
        AnalysisCheck.check(analysis);
        value =
            AnalysisCodec.encode(
                analysis,
                config.gzip() ? AnalysisCodec.Compression.GZIP : AnalysisCodec.Compression.LZ4,
                config.maxEntryBytes());
      } catch (RuntimeException e) {
        // Not stored: a reader would refuse it. The caller keeps its analysis; the cache just misses.
        stats.error();
        LOG.warn("Not caching the analysis of {}@{}: {}", key.symbol(), key.valuationTime(), e.getMessage());
        return;
      }
      try {
        Long stored =
            cmd.eval(
                LuaScripts.PUT,
                ScriptOutputType.INTEGER,
                new String[] {entryKey(key), indexKey(key.symbol()), newestKey(key.symbol())},
                value,
                ttlMillis,
                ascii(Long.toString(micros(key.valuationTime()))));
        succeeded(cmd);
        if (stored != null && stored == 1L) {
          stats.put();
        } else {
          refusedStale.increment();
        }
      } catch (RuntimeException e) {
        failed("PUT", e);
      }
    } finally {
      stats.latency(ticker.getAsLong() - t0);
    }
  }

  @Override
  public void invalidateOlder(String symbol, Instant newest) {
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(newest, "newest");
    long t0 = ticker.getAsLong();
    try {
      RedisCommands<String, byte[]> cmd = acquire();
      if (cmd == null) {
        pending.remember(symbol, newest, false, null);
        return;
      }
      try {
        long deleted = runInvalidate(cmd, symbol, newest);
        stats.invalidated(deleted);
        pending.done(symbol, newest);
        succeeded(cmd);
      } catch (RuntimeException e) {
        pending.remember(symbol, newest, true, e);
        failed("INVALIDATE", e);
      }
    } finally {
      stats.latency(ticker.getAsLong() - t0);
    }
  }

  @Override
  public void addInvalidationListener(InvalidationListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public CacheStats stats() {
    return stats.snapshot();
  }

  @Override
  public String id() {
    return "redis";
  }

  /** The configuration (its string form masks the password). */
  public RedisCacheConfig config() {
    return config;
  }

  /** The circuit breaker's state. */
  public CircuitBreaker.State circuitState() {
    return breaker.state();
  }

  /** How many times the circuit breaker has opened. */
  public long breakerOpenings() {
    return breaker.timesOpened();
  }

  /** Whether the command connection is currently up. */
  public boolean isConnected() {
    StatefulRedisConnection<String, byte[]> c = connection;
    return c != null && c.isOpen();
  }

  /** Whether the invalidation subscription is currently up. */
  public boolean isSubscribed() {
    StatefulRedisPubSubConnection<String, String> p = pubSub;
    return p != null && p.isOpen();
  }

  /** Puts refused because Redis held a newer valuation instant for the symbol. */
  public long refusedStale() {
    return refusedStale.sum();
  }

  /**
   * Entries read from Redis but not served, and deleted: undecodable, of another format version, over
   * {@link RedisCacheConfig#maxEntryBytes()} once decompressed, another key's analysis, or figures the
   * engine cannot produce (NaN, infinities, a wall that is not a listed strike, a regime that disagrees with
   * total GEX...). Each is also counted as an error and a miss in {@link #stats()}.
   */
  public long rejectedEntries() {
    return rejectedEntries.sum();
  }

  /**
   * Invalidations given up after {@link RedisCacheConfig#invalidationAttempts()} failed attempts (each
   * logged at WARN and counted as an error in {@link #stats()}).
   */
  public long droppedInvalidations() {
    return pending.dropped();
  }

  /** Symbols whose invalidation has not reached Redis yet and will be replayed. */
  public Set<String> pendingInvalidations() {
    return pending.symbols();
  }

  /** The Redis key of an entry (for diagnostics and tests). */
  public String entryKey(GexCacheKey key) {
    return keyBase
        + "a:{"
        + key.symbol()
        + "}:"
        + key.valuationTime()
        + ":"
        + key.chainFingerprint()
        + ":"
        + key.settingsFingerprint();
  }

  /** Closes the connections and the client's threads; idempotent. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    StatefulRedisPubSubConnection<String, String> p = pubSub;
    StatefulRedisConnection<String, byte[]> c = connection;
    pubSub = null;
    connection = null;
    try {
      if (p != null) {
        p.close();
      }
      if (c != null) {
        c.close();
      }
    } catch (RuntimeException e) {
      LOG.debug("Closing Redis connections failed", e);
    } finally {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
      resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
  }

  @Override
  public String toString() {
    return "RedisGexCache[" + config.maskedUrl() + ", prefix=" + config.keyPrefix() + ", " + breaker + "]";
  }

  // -------------------------------------------------------------------------------------- internals

  private String indexKey(String symbol) {
    return keyBase + "i:{" + symbol + "}";
  }

  private String newestKey(String symbol) {
    return keyBase + "n:{" + symbol + "}";
  }

  /** The user name of a {@code redis://user:password@host} URL, if any. */
  private static @Nullable String usernameOf(String url) {
    String info = java.net.URI.create(url).getRawUserInfo();
    if (info == null) {
      return null;
    }
    int colon = info.indexOf(':');
    return colon > 0 ? java.net.URLDecoder.decode(info.substring(0, colon), StandardCharsets.UTF_8) : null;
  }

  private static long micros(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private long runInvalidate(RedisCommands<String, byte[]> cmd, String symbol, Instant newest) {
    String message = instanceId + "\n" + symbol + "\n" + newest;
    Long deleted =
        cmd.eval(
            LuaScripts.INVALIDATE,
            ScriptOutputType.INTEGER,
            new String[] {indexKey(symbol), newestKey(symbol)},
            ascii(Long.toString(micros(newest))),
            ttlMillis,
            config.channel().getBytes(StandardCharsets.UTF_8),
            message.getBytes(StandardCharsets.UTF_8));
    return deleted == null ? 0 : deleted;
  }

  /** The commands to use, or null (counted as an error) if the breaker is open or there is no connection. */
  private @Nullable RedisCommands<String, byte[]> acquire() {
    if (closed.get() || !breaker.tryAcquire()) {
      stats.error();
      return null;
    }
    StatefulRedisConnection<String, byte[]> c = connection;
    if (c == null) {
      // The breaker let this call through as a probe (or the first connection is still being made).
      connectAsync();
      stats.error();
      return null;
    }
    if (pubSub == null) {
      connectPubSubAsync();
    }
    return c.sync();
  }

  private void succeeded(RedisCommands<String, byte[]> cmd) {
    breaker.success();
    if (degraded.compareAndSet(true, false)) {
      LOG.info("Redis cache at {} answers again", config.maskedUrl());
    }
    if (!pending.isEmpty()) {
      replayPending(cmd);
    }
  }

  private void failed(String command, RuntimeException e) {
    stats.error();
    if (e instanceof RedisCommandExecutionException) {
      // Redis answered, with an error reply (a script error, WRONGTYPE, NOPERM, OOM...): the connection
      // is fine, and the breaker, shared by every symbol, must not open because of one symbol's keys.
      breaker.success();
      long now = ticker.getAsLong();
      if (now - lastErrorReplyWarning >= TimeUnit.MINUTES.toNanos(1)) {
        lastErrorReplyWarning = now;
        LOG.warn("Redis answered {} with an error: {}", command, e.getMessage());
      } else {
        LOG.debug("Redis answered {} with an error", command, e);
      }
      return;
    }
    breaker.failure();
    if (degraded.compareAndSet(false, true)) {
      LOG.warn(
          "Redis cache at {} failed ({}: {}); carrying on without it until it answers again",
          config.maskedUrl(),
          command,
          e.toString());
    } else {
      LOG.debug("Redis {} failed", command, e);
    }
  }

  /**
   * Replays invalidations that have not reached Redis, newest per symbol, in the calling thread. An error
   * reply moves on to the next symbol; a lost or slow connection stops the replay until a later success.
   */
  private void replayPending(RedisCommands<String, byte[]> cmd) {
    stats.invalidated(
        pending.replay(
            (symbol, newest) -> runInvalidate(cmd, symbol, newest),
            failure -> {
              failed("INVALIDATE (replay)", failure);
              return failure instanceof RedisCommandExecutionException;
            }));
  }

  private void deleteQuietly(RedisCommands<String, byte[]> cmd, String redisKey) {
    try {
      cmd.del(redisKey);
    } catch (RuntimeException e) {
      LOG.debug("Deleting {} failed", redisKey, e);
    }
  }

  private void connectAsync() {
    if (closed.get() || connection != null || !connecting.compareAndSet(false, true)) {
      return;
    }
    client
        .connectAsync(CODEC, uri)
        .whenComplete(
            (c, e) -> {
              connecting.set(false);
              if (e != null || c == null) {
                breaker.forceOpen();
                if (degraded.compareAndSet(false, true)) {
                  LOG.warn(
                      "Redis cache at {} is unreachable ({}); carrying on without it and retrying",
                      config.maskedUrl(),
                      e == null ? "no connection" : e.toString());
                }
                retryConnectLater();
                return;
              }
              if (closed.get()) {
                c.closeAsync();
                return;
              }
              connection = c;
              breaker.success();
              LOG.debug("Redis cache connected to {}", config.maskedUrl());
              connectPubSubAsync();
            });
  }

  /**
   * Lettuce reconnects a connection it once had, but not a first connection that failed: retry that in
   * the background, every {@link RedisCacheConfig#reconnectDelayMax()}, until it succeeds or the cache is
   * closed.
   */
  private void retryConnectLater() {
    if (closed.get()) {
      return;
    }
    try {
      CompletableFuture.runAsync(
          this::connectAsync,
          CompletableFuture.delayedExecutor(
              config.reconnectDelayMax().toMillis(), TimeUnit.MILLISECONDS));
    } catch (RuntimeException e) {
      LOG.debug("Cannot schedule a Redis reconnection; the next probe call will retry", e);
    }
  }

  private void connectPubSubAsync() {
    long now = ticker.getAsLong();
    if (closed.get()
        || pubSub != null
        || now - lastPubSubAttempt < config.reconnectDelayMax().toNanos()
        || !pubSubConnecting.compareAndSet(false, true)) {
      return;
    }
    lastPubSubAttempt = now;
    client
        .connectPubSubAsync(StringCodec.UTF8, uri)
        .whenComplete(
            (p, e) -> {
              if (e != null || p == null) {
                pubSubConnecting.set(false);
                LOG.debug("Redis invalidation subscription failed; retrying on a later call", e);
                return;
              }
              if (closed.get()) {
                pubSubConnecting.set(false);
                p.closeAsync();
                return;
              }
              p.addListener(
                  new RedisPubSubAdapter<String, String>() {
                    @Override
                    public void message(String channel, String message) {
                      onMessage(message);
                    }
                  });
              p.async()
                  .subscribe(config.channel())
                  .whenComplete(
                      (ok, failure) -> {
                        pubSubConnecting.set(false);
                        if (failure != null) {
                          LOG.debug("SUBSCRIBE {} failed; retrying on a later call", config.channel(), failure);
                          p.closeAsync();
                          return;
                        }
                        pubSub = p;
                        // Invalidations published before the subscription was up were not heard.
                        listeners.forEach(RedisGexCache::tellAll);
                      });
            });
  }

  private void onMessage(String message) {
    String[] parts = message.split("\n", -1);
    if (parts.length != 3) {
      LOG.debug("Ignoring malformed invalidation message on {}", config.channel());
      return;
    }
    if (parts[0].equals(instanceId)) {
      return;
    }
    Instant newest;
    try {
      newest = Instant.parse(parts[2]);
    } catch (DateTimeParseException e) {
      LOG.debug("Ignoring invalidation message with bad instant {}", parts[2]);
      return;
    }
    String symbol = parts[1];
    for (InvalidationListener l : listeners) {
      try {
        l.invalidatedOlder(symbol, newest);
      } catch (RuntimeException e) {
        LOG.warn("Invalidation listener {} failed", l, e);
      }
    }
  }

  private static void tellAll(InvalidationListener l) {
    try {
      l.invalidatedAll();
    } catch (RuntimeException e) {
      LOG.warn("Invalidation listener {} failed", l, e);
    }
  }

  /** Follows the connections: opens the breaker when the command connection drops, closes it when back. */
  private final class ConnectionWatcher implements RedisConnectionStateListener {
    @Override
    public void onRedisConnected(RedisChannelHandler<?, ?> handler, SocketAddress address) {
      boolean reconnect = !everConnected.add(handler);
      if (!reconnect) {
        return;
      }
      if (handler == connection) {
        breaker.success();
        degraded.set(false);
        LOG.info("Redis cache reconnected to {}", config.maskedUrl());
      } else if (handler == pubSub) {
        // Lettuce re-subscribes by itself, but messages sent while it was away are lost.
        listeners.forEach(RedisGexCache::tellAll);
      }
    }

    @Override
    public void onRedisDisconnected(RedisChannelHandler<?, ?> handler) {
      if (handler == connection && !closed.get()) {
        breaker.forceOpen();
        if (degraded.compareAndSet(false, true)) {
          LOG.warn(
              "Redis cache lost its connection to {}; carrying on without it until it is back",
              config.maskedUrl());
        }
      }
    }
  }
}
