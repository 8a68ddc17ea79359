/**
 * Caching of analyses: the {@link io.gex.cache.GexCache} SPI, the in-process {@link
 * io.gex.cache.CaffeineGexCache} (the embedded default), the two-level {@link io.gex.cache.TieredGexCache}
 * (first level, then a shared second level such as Redis, then compute) and {@link
 * io.gex.cache.CachingGexEngine}, which puts a cache in front of any {@link io.gex.GexEngine}.
 *
 * <p>A cached analysis is found by a {@link io.gex.cache.GexCacheKey}: symbol, valuation instant and
 * fingerprints of the chain and of the engine's settings, so a different input or convention never hits
 * another's entry. A new valuation instant for a symbol invalidates that symbol's older entries in every
 * level and, through levels that broadcast, in every instance.
 */
@NullMarked
package io.gex.cache;

import org.jspecify.annotations.NullMarked;
