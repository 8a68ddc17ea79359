package io.gex.cache.redis;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.chain.OptionChain;
import io.gex.testing.TestChains;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/**
 * The Redis the tests use: the server named by {@code GEX_TEST_REDIS_URL} (CI sets the machine's own,
 * {@code redis://127.0.0.1:6379}), else one embedded server started once for the test run. Each test uses
 * its own key prefix and deletes only that prefix's keys; nothing flushes a database.
 */
final class RedisTestSupport {
  static final String ENV = "GEX_TEST_REDIS_URL";

  private static @Nullable EmbeddedRedis embedded;
  private static @Nullable String sharedUrl;

  private RedisTestSupport() {}

  /** The URL of the Redis shared by the tests. */
  static synchronized String url() {
    if (sharedUrl == null) {
      String fromEnv = System.getenv(ENV);
      if (fromEnv != null && !fromEnv.isBlank()) {
        sharedUrl = fromEnv.trim();
      } else {
        EmbeddedRedis started = EmbeddedRedis.start();
        embedded = started;
        sharedUrl = started.url();
        Runtime.getRuntime().addShutdownHook(new Thread(started::close, "embedded-redis-stop"));
      }
    }
    return sharedUrl;
  }

  /** Whether the tests run against an external server rather than an embedded one. */
  static boolean external() {
    url();
    return embedded == null;
  }

  /** A key prefix no other test uses. */
  static String newPrefix(String test) {
    return "gextest:" + test + ":" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A configuration for the shared Redis with this prefix; timeouts generous for a busy 2-core machine. */
  static RedisCacheConfig.Builder config(String prefix) {
    return config(url(), prefix);
  }

  static RedisCacheConfig.Builder config(String url, String prefix) {
    return RedisCacheConfig.builder(url)
        .keyPrefix(prefix)
        .commandTimeout(Duration.ofMillis(500))
        .connectTimeout(Duration.ofSeconds(2))
        .openInterval(Duration.ofMillis(200))
        .reconnectDelayMax(Duration.ofMillis(200));
  }

  /** A raw connection for checks and for planting entries. Close it. */
  static Raw raw(String url) {
    return new Raw(url);
  }

  /** Waits (at most 30 s, polling) until the condition holds; answers whether it did. */
  static boolean await(BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return condition.getAsBoolean();
  }

  /** A chain of {@code contracts} random contracts valued {@code minutes} after the test valuation. */
  static OptionChain chainAt(int minutes, int contracts) {
    OptionChain random = TestChains.random(42, contracts);
    return OptionChain.of(
        random.underlying(),
        random.spot(),
        TestChains.VALUATION.plus(Duration.ofMinutes(minutes)),
        random.contracts());
  }

  static GexAnalysis analysisAt(int minutes) {
    return ENGINE.analyze(chainAt(minutes, 200));
  }

  /** Fixed clock, so that two analyses of one chain are equal (their analyzedAt too). */
  static final GexEngine ENGINE =
      GexEngine.builder().clock(java.time.Clock.fixed(java.time.Instant.parse("2024-03-01T20:30:00Z"), java.time.ZoneOffset.UTC)).build();

  /** A plain Lettuce connection with string keys and byte values. */
  static final class Raw implements AutoCloseable {
    private final RedisClient client;
    private final StatefulRedisConnection<String, byte[]> connection;

    private Raw(String url) {
      client = RedisClient.create(url);
      connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
    }

    RedisCommands<String, byte[]> commands() {
      return connection.sync();
    }

    /** Asynchronous commands, for a command that blocks the server such as DEBUG SLEEP. */
    java.util.concurrent.CompletableFuture<String> debugSleepLater(double seconds) {
      RedisCodec<String, byte[]> codec = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);
      return connection
          .async()
          .dispatch(
              io.lettuce.core.protocol.CommandType.DEBUG,
              new io.lettuce.core.output.StatusOutput<>(codec),
              new io.lettuce.core.protocol.CommandArgs<>(codec).add("SLEEP").add(Double.toString(seconds)))
          .toCompletableFuture();
    }

    /** Every key under a prefix. */
    List<String> keys(String prefix) {
      java.util.ArrayList<String> keys = new java.util.ArrayList<>();
      ScanCursor cursor = ScanCursor.INITIAL;
      do {
        KeyScanCursor<String> page =
            commands().scan(cursor, ScanArgs.Builder.matches(prefix + ":*").limit(500));
        keys.addAll(page.getKeys());
        cursor = page;
      } while (!cursor.isFinished());
      return keys;
    }

    /** Deletes every key under a prefix (and nothing else). */
    void deletePrefix(String prefix) {
      List<String> keys = keys(prefix);
      if (!keys.isEmpty()) {
        commands().del(keys.toArray(String[]::new));
      }
    }

    @Override
    public void close() {
      connection.close();
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }
}
