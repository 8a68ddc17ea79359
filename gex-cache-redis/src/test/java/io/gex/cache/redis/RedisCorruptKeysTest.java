package io.gex.cache.redis;

import static io.gex.cache.redis.RedisTestSupport.analysisAt;
import static io.gex.cache.redis.RedisTestSupport.await;
import static io.gex.cache.redis.RedisTestSupport.chainAt;
import static org.assertj.core.api.Assertions.assertThat;

import io.gex.cache.GexCacheKey;
import io.gex.settings.GexSettings;
import io.lettuce.core.AclSetuserArgs;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** One symbol's corrupt keys, and an invalidation Redis keeps refusing, affect that symbol alone. */
class RedisCorruptKeysTest {

  private String prefix = "";
  private final List<AutoCloseable> toClose = new ArrayList<>();
  private final RedisTestSupport.Raw raw = RedisTestSupport.raw(RedisTestSupport.url());

  @BeforeEach
  void prefix(TestInfo info) {
    prefix = RedisTestSupport.newPrefix(info.getTestMethod().orElseThrow().getName());
  }

  @AfterEach
  void cleanUp() throws Exception {
    for (AutoCloseable c : toClose) {
      c.close();
    }
    raw.deletePrefix(prefix);
    raw.close();
  }

  private RedisGexCache redis(RedisCacheConfig config) {
    RedisGexCache cache = new RedisGexCache(config);
    toClose.add(cache);
    assertThat(await(cache::isConnected)).as("connected to %s", config.maskedUrl()).isTrue();
    return cache;
  }

  private static GexCacheKey keyAt(int minutes) {
    return GexCacheKey.of(chainAt(minutes, 200), GexSettings.DEFAULT);
  }

  private static long micros(Instant t) {
    return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void corruptNewestInstant_isOverwrittenAndTheSymbolKeepsWorking() {
    RedisGexCache cache = redis(RedisTestSupport.config(prefix).build());
    String newest = prefix + ":v1:n:{SPX}";
    String index = prefix + ":v1:i:{SPX}";
    int minute = 0;
    for (String corrupt : new String[] {"garbage", "nan", "inf", "-inf", "0x10", "1e999", "9".repeat(400), ""}) {
      raw.commands().set(newest, bytes(corrupt));
      cache.put(keyAt(minute), analysisAt(minute));
      assertThat(cache.get(keyAt(minute))).as("stored despite newest=%s", corrupt).isPresent();

      cache.invalidateOlder("SPX", keyAt(minute + 1).valuationTime());
      assertThat(new String(raw.commands().get(newest), StandardCharsets.UTF_8))
          .as("newest raised over %s", corrupt)
          .isEqualTo(Long.toString(micros(keyAt(minute + 1).valuationTime())));
      assertThat(cache.get(keyAt(minute))).as("invalidated over %s", corrupt).isEmpty();
      minute += 2;
    }
    // Keys of the wrong type: a hash as the newest instant, a string as the index.
    raw.commands().del(newest);
    raw.commands().hset(newest, "x", bytes("1"));
    raw.commands().set(index, bytes("not a sorted set"));
    cache.put(keyAt(minute), analysisAt(minute));
    assertThat(cache.get(keyAt(minute))).isPresent();
    raw.commands().del(newest);
    raw.commands().hset(newest, "x", bytes("1"));
    raw.commands().set(index, bytes("not a sorted set"));
    cache.invalidateOlder("SPX", keyAt(minute + 1).valuationTime());
    assertThat(raw.commands().type(newest)).isEqualTo("string");
    assertThat(raw.commands().type(index)).isEqualTo("none");

    assertThat(cache.stats().errors()).isZero();
    assertThat(cache.pendingInvalidations()).isEmpty();
    assertThat(cache.refusedStale()).isZero();
  }

  @Test
  void corruptKeysOfOneSymbol_leaveTheOthersAndTheBreakerAlone() {
    RedisGexCache cache = redis(RedisTestSupport.config(prefix).failureThreshold(2).build());
    raw.commands().set(prefix + ":v1:n:{NDX}", bytes("corrupt"));
    raw.commands().set(prefix + ":v1:i:{NDX}", bytes("corrupt"));

    for (int i = 0; i < 5; i++) {
      cache.invalidateOlder("NDX", keyAt(i).valuationTime());
    }
    cache.put(keyAt(0), analysisAt(0));

    assertThat(cache.get(keyAt(0))).isPresent();
    assertThat(cache.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    assertThat(cache.breakerOpenings()).isZero();
    assertThat(cache.pendingInvalidations()).isEmpty();
    assertThat(cache.stats().errors()).isZero();
  }

  /**
   * An invalidation Redis answers with an error every time (here: the cache's Redis user may not touch the
   * NDX keys, so every script on them fails with NOPERM). On its own embedded server: it changes ACLs.
   */
  @Test
  void invalidationThatKeepsFailing_isDroppedAfterTheConfiguredAttempts_andOthersCarryOn() {
    try (EmbeddedRedis server = EmbeddedRedis.start();
        RedisTestSupport.Raw admin = RedisTestSupport.raw(server.url())) {
      admin
          .commands()
          .aclSetuser(
              "spxonly",
              AclSetuserArgs.Builder.on()
                  .addPassword("pw")
                  .keyPattern(prefix + ":v1:?:{SPX}*")
                  .allChannels()
                  .allCommands());
      RedisGexCache cache =
          redis(
              RedisTestSupport.config("redis://spxonly:pw@127.0.0.1:" + server.port(), prefix)
                  .failureThreshold(2)
                  .invalidationAttempts(4)
                  .build());

      // Three refusals in a row: the breaker (threshold 2) stays closed, Redis answered each time.
      for (int i = 1; i <= 3; i++) {
        cache.invalidateOlder("NDX", keyAt(i).valuationTime());
      }
      assertThat(cache.pendingInvalidations()).containsExactly("NDX");
      assertThat(cache.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);

      // Each successful command replays it once more; the fourth attempt drops it.
      cache.put(keyAt(0), analysisAt(0));
      assertThat(cache.pendingInvalidations()).isEmpty();
      assertThat(cache.droppedInvalidations()).isEqualTo(1);
      for (int i = 0; i < 5; i++) {
        assertThat(cache.get(keyAt(0))).isPresent();
      }
      cache.invalidateOlder("SPX", keyAt(1).valuationTime());
      assertThat(cache.get(keyAt(0))).isEmpty();

      assertThat(cache.breakerOpenings()).isZero();
      assertThat(cache.droppedInvalidations()).isEqualTo(1);
      // 4 failed attempts + 1 drop, nothing else.
      assertThat(cache.stats().errors()).isEqualTo(5);
      assertThat(admin.commands().get(prefix + ":v1:n:{NDX}")).isNull();
      assertThat(admin.commands().exists(prefix + ":v1:n:{SPX}")).isEqualTo(1L);
    }
  }
}
