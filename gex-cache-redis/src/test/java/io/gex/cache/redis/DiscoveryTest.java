package io.gex.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.gex.cache.GexCache;
import io.gex.cache.TieredGexCache;
import io.gex.spi.Providers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DiscoveryTest {
  private final String prefix = RedisTestSupport.newPrefix("discovery");

  @AfterEach
  void clear() {
    System.clearProperty("gex.redis.url");
    System.clearProperty("gex.redis.prefix");
  }

  @Test
  void discoverSecondLevel_urlConfigured_findsTheRedisCacheByServiceLoader() {
    System.setProperty("gex.redis.url", RedisTestSupport.url());
    System.setProperty("gex.redis.prefix", prefix);

    Providers.Report<GexCache> report = TieredGexCache.discoverSecondLevel();
    try {
      assertThat(report.selection()).isEqualTo(Providers.Selection.SERVICE_LOADER);
      assertThat(report.selected()).get().isInstanceOf(RedisGexCache.class);
      RedisGexCache redis = (RedisGexCache) report.selected().orElseThrow();
      assertThat(redis.config().keyPrefix()).isEqualTo(prefix);
      assertThat(redis.id()).isEqualTo("redis");
    } finally {
      report.providers().forEach(GexCache::close);
    }
  }

  @Test
  void discoverSecondLevel_noUrl_reportsTheFailureAndSelectsNone() {
    assumeThat(System.getenv("GEX_REDIS_URL")).as("GEX_REDIS_URL is set here").isNull();

    Providers.Report<GexCache> report = TieredGexCache.discoverSecondLevel();

    assertThat(report.selection()).isEqualTo(Providers.Selection.NONE);
    assertThat(report.failures()).hasSize(1);
    Throwable cause = report.failures().get(0).cause().orElseThrow();
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    assertThat(cause).isInstanceOf(IllegalStateException.class).hasMessageContaining("GEX_REDIS_URL");
  }
}
