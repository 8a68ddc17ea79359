/**
 * gex cache: the {@link io.gex.cache.GexCache} SPI and its discovery, the in-process Caffeine level, the
 * two-level {@link io.gex.cache.TieredGexCache} and {@link io.gex.cache.CachingGexEngine}.
 */
module io.gex.cache {
  requires static org.jspecify;
  requires transitive io.gex.core;
  requires com.github.benmanes.caffeine;
  requires org.slf4j;

  exports io.gex.cache;

  uses io.gex.cache.GexCache;
}
