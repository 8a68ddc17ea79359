/**
 * gex Redis cache: the shared second cache level, {@link io.gex.cache.redis.RedisGexCache}, found by
 * {@link java.util.ServiceLoader} as a provider of {@link io.gex.cache.GexCache}.
 */
module io.gex.cache.redis {
  requires static org.jspecify;
  requires transitive io.gex.core;
  requires transitive io.gex.cache;
  requires io.gex.json;
  requires com.fasterxml.jackson.dataformat.cbor;
  requires org.lz4.java;
  requires lettuce.core;
  requires org.slf4j;

  exports io.gex.cache.redis;

  provides io.gex.cache.GexCache with
      io.gex.cache.redis.RedisGexCache;
}
