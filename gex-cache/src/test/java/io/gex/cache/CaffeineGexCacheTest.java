package io.gex.cache;

import static io.gex.cache.CacheFixtures.analysisAt;
import static io.gex.cache.CacheFixtures.keyAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gex.GexAnalysis;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CaffeineGexCacheTest {

  private final ManualTicker ticker = new ManualTicker();
  private final CaffeineGexCache cache =
      CaffeineGexCache.builder().ticker(ticker).executor(Runnable::run).build();

  @Test
  void get_afterPut_answersTheSameAnalysis() {
    GexAnalysis a = analysisAt(0);

    cache.put(keyAt(0), a);

    assertThat(cache.get(keyAt(0))).containsSame(a);
    assertThat(cache.get(keyAt(1))).isEmpty();
    CacheStats stats = cache.stats();
    assertThat(stats.hits()).isEqualTo(1);
    assertThat(stats.misses()).isEqualTo(1);
    assertThat(stats.puts()).isEqualTo(1);
    assertThat(stats.hitRate()).isEqualTo(0.5);
    assertThat(stats.latencyCount()).isEqualTo(3);
  }

  @Test
  void get_defaultTtlOfFiveMinutesPassed_misses() {
    cache.put(keyAt(0), analysisAt(0));

    ticker.advance(Duration.ofMinutes(5).minusNanos(1));
    assertThat(cache.get(keyAt(0))).isPresent();
    ticker.advance(Duration.ofNanos(1));
    assertThat(cache.get(keyAt(0))).isEmpty();
  }

  @Test
  void get_configuredTtlPassed_misses() {
    CaffeineGexCache short30s =
        CaffeineGexCache.builder().ttl(Duration.ofSeconds(30)).ticker(ticker).executor(Runnable::run).build();
    short30s.put(keyAt(0), analysisAt(0));

    ticker.advance(Duration.ofSeconds(29));
    assertThat(short30s.get(keyAt(0))).isPresent();
    ticker.advance(Duration.ofSeconds(1));
    assertThat(short30s.get(keyAt(0))).isEmpty();
    assertThat(short30s.ttl()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void invalidateOlder_dropsOnlyOlderEntriesOfThatSymbol() {
    cache.put(keyAt(0), analysisAt(0));
    cache.put(keyAt(1), analysisAt(1));
    cache.put(keyAt(2), analysisAt(2));

    cache.invalidateOlder("SPX", keyAt(1).valuationTime());

    assertThat(cache.get(keyAt(0))).isEmpty();
    assertThat(cache.get(keyAt(1))).isPresent();
    assertThat(cache.get(keyAt(2))).isPresent();
    assertThat(cache.stats().invalidations()).isEqualTo(1);

    cache.invalidateOlder("NDX", keyAt(5).valuationTime());
    assertThat(cache.get(keyAt(1))).isPresent();
  }

  @Test
  void put_analysisOfAnotherInstant_throwsNamingBoth() {
    assertThatThrownBy(() -> cache.put(keyAt(0), analysisAt(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2024-03-01T20:01:00Z")
        .hasMessageContaining("2024-03-01T20:00:00Z");
  }

  @Test
  void builder_nonPositiveTtl_throws() {
    assertThatThrownBy(() -> CaffeineGexCache.builder().ttl(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ttl must be > 0, was PT0S");
  }
}
