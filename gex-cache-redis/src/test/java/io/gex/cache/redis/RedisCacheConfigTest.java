package io.gex.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedisCacheConfigTest {

  @Test
  void builder_defaults_areTheDocumentedOnes() {
    RedisCacheConfig c = RedisCacheConfig.builder("redis://127.0.0.1:6379").build();

    assertThat(c.ttl()).isEqualTo(Duration.ofMinutes(5));
    assertThat(c.commandTimeout()).isEqualTo(Duration.ofMillis(50));
    assertThat(c.connectTimeout()).isEqualTo(Duration.ofMillis(500));
    assertThat(c.failureThreshold()).isEqualTo(3);
    assertThat(c.openInterval()).isEqualTo(Duration.ofSeconds(1));
    assertThat(c.keyPrefix()).isEqualTo("gex");
    assertThat(c.channel()).isEqualTo("gex:invalidate");
    assertThat(c.gzip()).isFalse();
    assertThat(c.password()).isEmpty();
  }

  @Test
  void from_lookup_readsEverySetting() {
    Map<String, String> values =
        Map.ofEntries(
            Map.entry("gex.redis.max-entry-bytes", "1048576"),
            Map.entry("gex.redis.invalidation-attempts", "3"),
            Map.entry("gex.redis.url", "rediss://cache.internal:6380/2"),
            Map.entry("gex.redis.password", "hunter2"),
            Map.entry("gex.redis.prefix", "desk1"),
            Map.entry("gex.redis.ttl", "PT2M"),
            Map.entry("gex.redis.timeout", "30"),
            Map.entry("gex.redis.connect-timeout", "PT0.2S"),
            Map.entry("gex.redis.failure-threshold", "5"),
            Map.entry("gex.redis.open-interval", "2500"),
            Map.entry("gex.redis.gzip", "true"));

    RedisCacheConfig c = RedisCacheConfig.from(values::get);

    assertThat(c.url()).isEqualTo("rediss://cache.internal:6380/2");
    assertThat(c.password()).contains("hunter2");
    assertThat(c.keyPrefix()).isEqualTo("desk1");
    assertThat(c.ttl()).isEqualTo(Duration.ofMinutes(2));
    assertThat(c.commandTimeout()).isEqualTo(Duration.ofMillis(30));
    assertThat(c.connectTimeout()).isEqualTo(Duration.ofMillis(200));
    assertThat(c.failureThreshold()).isEqualTo(5);
    assertThat(c.openInterval()).isEqualTo(Duration.ofMillis(2500));
    assertThat(c.gzip()).isTrue();
    assertThat(c.maxEntryBytes()).isEqualTo(1 << 20);
    assertThat(c.invalidationAttempts()).isEqualTo(3);
    assertThat(c.toBuilder().build()).isEqualTo(c);
    assertThat(RedisCacheConfig.builder("redis://h").build().maxEntryBytes()).isEqualTo(64 << 20);
    assertThat(RedisCacheConfig.builder("redis://h").build().invalidationAttempts()).isEqualTo(5);
    assertThat(RedisCacheConfig.environmentName("gex.redis.connect-timeout"))
        .isEqualTo("GEX_REDIS_CONNECT_TIMEOUT");
  }

  @Test
  void build_outOfRangeLimits_throwNamingTheSetting() {
    assertThatThrownBy(() -> RedisCacheConfig.builder("redis://h").maxEntryBytes(1023).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxEntryBytes must be in [1024, 1073741824], was 1023");
    assertThatThrownBy(() -> RedisCacheConfig.builder("redis://h").invalidationAttempts(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalidationAttempts must be >= 1, was 0");
    assertThatThrownBy(
            () -> RedisCacheConfig.from(Map.of("gex.redis.url", "redis://h", "gex.redis.max-entry-bytes", "64M")::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("gex.redis.max-entry-bytes must be an integer, was '64M'");
  }

  @Test
  void toString_neverShowsThePassword() {
    RedisCacheConfig c =
        RedisCacheConfig.builder("rediss://app:urlsecret@cache.internal:6380").password("hunter2").build();

    assertThat(c.toString())
        .doesNotContain("hunter2")
        .doesNotContain("urlsecret")
        .contains("rediss://***@cache.internal:6380")
        .contains("password=***");
  }

  @Test
  void from_noUrl_throwsSayingWhatToSet() {
    assertThatThrownBy(() -> RedisCacheConfig.from(name -> null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("GEX_REDIS_URL");
  }

  @Test
  void from_badValues_throwNamingTheSetting() {
    assertThatThrownBy(
            () -> RedisCacheConfig.from(Map.of("gex.redis.url", "redis://h", "gex.redis.ttl", "soon")::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("gex.redis.ttl")
        .hasMessageContaining("soon");
    assertThatThrownBy(() -> RedisCacheConfig.builder("http://h:6379").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("redis:// or rediss://");
    assertThatThrownBy(() -> RedisCacheConfig.builder("redis://h").commandTimeout(Duration.ZERO).build())
        .hasMessage("commandTimeout must be > 0, was PT0S");
  }
}
