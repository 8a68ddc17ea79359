/**
 * The Redis cache level: {@link io.gex.cache.redis.RedisGexCache}, configured by {@link
 * io.gex.cache.redis.RedisCacheConfig}, guarded by a {@link io.gex.cache.redis.CircuitBreaker}.
 */
@NullMarked
package io.gex.cache.redis;

import org.jspecify.annotations.NullMarked;
