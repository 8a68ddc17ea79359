package io.gex.cache.redis;

import static io.gex.cache.redis.RedisTestSupport.analysisAt;
import static io.gex.cache.redis.RedisTestSupport.await;
import static io.gex.cache.redis.RedisTestSupport.chainAt;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gex.GexAnalysis;
import io.gex.cache.CacheStats;
import io.gex.cache.GexCacheKey;
import io.gex.settings.GexSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** What the cache reads from Redis is not trusted: entries that decode but are wrong, and gzip bombs. */
class RedisUntrustedEntryTest {

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

  @Test
  void get_entriesHoldingImpossibleFigures_areMissesDeletedAndCounted() {
    RedisGexCache cache = redis(RedisTestSupport.config(prefix).build());
    GexAnalysis good = analysisAt(0);
    String key = cache.entryKey(keyAt(0));
    double total = good.totalGex();
    List<Consumer<ObjectNode>> tamperings =
        List.of(
            t -> t.put("totalGex", "NaN"),
            t -> t.put("putGex", "-Infinity"),
            t -> ((ArrayNode) t.get("byStrike").get("callGex")).set(2, "Infinity"),
            t -> ((ArrayNode) t.get("profiles").get(0).get("totalGex")).set(5, "NaN"),
            t -> t.put("callWall", -1),
            t -> t.put("putWall", -1),
            t -> t.put("regime", total > 0 ? "NEGATIVE" : "POSITIVE"),
            t -> t.put("symbol", "NDX"));

    int n = 0;
    for (Consumer<ObjectNode> tampering : tamperings) {
      for (AnalysisCodec.Compression c : AnalysisCodec.Compression.values()) {
        raw.commands()
            .set(key, AnalysisCodec.encodeJson(AnalysisCheckTest.tamperedJson(good, tampering), c));
        n++;
        assertThat(cache.get(keyAt(0))).as("tampering %d, %s", n, c).isEmpty();
        assertThat(raw.commands().exists(key)).as("deleted").isZero();
      }
    }

    CacheStats stats = cache.stats();
    assertThat(cache.rejectedEntries()).isEqualTo(n);
    assertThat(stats.errors()).isEqualTo(n);
    assertThat(stats.misses()).isEqualTo(n);
    assertThat(stats.hits()).isZero();
    assertThat(cache.circuitState()).isEqualTo(CircuitBreaker.State.CLOSED);
    // The engine's own analysis is stored and served as before.
    cache.put(keyAt(0), good);
    assertThat(cache.get(keyAt(0))).contains(good);
  }

  @Test
  void put_anAnalysisThatFailsTheCheck_isNotStored() {
    RedisGexCache cache = redis(RedisTestSupport.config(prefix).build());
    GexAnalysis wrongWall = AnalysisCheckTest.tampered(analysisAt(0), t -> t.put("callWall", -1));

    cache.put(keyAt(0), wrongWall);

    assertThat(raw.commands().exists(cache.entryKey(keyAt(0)))).isZero();
    assertThat(cache.stats().puts()).isZero();
    assertThat(cache.stats().errors()).isEqualTo(1);
  }

  /**
   * 2.5 GiB of zeros as 40 concatenated gzip members of 64 MiB each (a gzip stream may hold several
   * members, and GZIPInputStream reads them all): about 2.5 MB in Redis. Reading it whole is an
   * OutOfMemoryError whatever the heap (no Java array holds 2.5 GiB).
   */
  private static byte[] gzipBomb() throws IOException {
    ByteArrayOutputStream member = new ByteArrayOutputStream();
    try (GZIPOutputStream zip = new GZIPOutputStream(member, 1 << 16)) {
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 64; i++) {
        zip.write(zeros);
      }
    }
    byte[] one = member.toByteArray();
    ByteArrayOutputStream bomb = new ByteArrayOutputStream(4 + 40 * one.length);
    bomb.write(new byte[] {'g', 'x', AnalysisCodec.VERSION, AnalysisCodec.FLAG_GZIP});
    for (int i = 0; i < 40; i++) {
      bomb.write(one);
    }
    return bomb.toByteArray();
  }

  @Test
  void get_gzipBomb_isAMissDeletedAndCountedNotAnOutOfMemoryError() throws IOException {
    RedisGexCache cache = redis(RedisTestSupport.config(prefix).gzip(true).build());
    assertThat(cache.config().maxEntryBytes()).isEqualTo(64 << 20);
    String key = cache.entryKey(keyAt(0));
    byte[] bomb = gzipBomb();
    assertThat(bomb.length).isLessThan(4 << 20);
    raw.commands().set(key, bomb);

    assertThat(cache.get(keyAt(0))).isEmpty();

    assertThat(raw.commands().exists(key)).isZero();
    assertThat(cache.rejectedEntries()).isEqualTo(1);
    assertThat(cache.stats().errors()).isEqualTo(1);
    assertThat(cache.stats().misses()).isEqualTo(1);
  }

  @Test
  void maxEntryBytes_boundsWhatIsWrittenAndWhatIsRead() {
    GexAnalysis analysis = analysisAt(0);
    int cbor = AnalysisCodec.encode(analysis, AnalysisCodec.Compression.NONE).length - AnalysisCodec.HEADER;
    RedisGexCache big = redis(RedisTestSupport.config(prefix).gzip(true).build());
    RedisGexCache small =
        redis(RedisTestSupport.config(prefix).gzip(true).maxEntryBytes(cbor - 1).build());

    small.put(keyAt(0), analysis);
    assertThat(raw.commands().exists(small.entryKey(keyAt(0)))).as("not written").isZero();
    assertThat(small.stats().errors()).isEqualTo(1);

    big.put(keyAt(0), analysis);
    assertThat(small.get(keyAt(0))).as("one byte over the reader's limit").isEmpty();
    assertThat(small.rejectedEntries()).isEqualTo(1);
    big.put(keyAt(0), analysis);
    assertThat(big.get(keyAt(0))).contains(analysis);

    // A plain value far over the limit is read only up to it (GETRANGE), refused and deleted.
    byte[] huge = new byte[8 << 20];
    huge[0] = 'g';
    huge[1] = 'x';
    huge[2] = AnalysisCodec.VERSION;
    raw.commands().set(small.entryKey(keyAt(0)), huge);
    assertThat(small.get(keyAt(0))).isEmpty();
    assertThat(small.rejectedEntries()).isEqualTo(2);
    assertThat(raw.commands().exists(small.entryKey(keyAt(0)))).isZero();
  }
}
