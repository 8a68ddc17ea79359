/**
 * The chain-source service-provider interface and the one discovery mechanism of every SPI (the cache and
 * store SPIs live in their own modules, {@code io.gex.cache} and {@code io.gex.store}).
 *
 * <ul>
 *   <li>{@link io.gex.spi.OptionChainSource}: reads an option chain from a file, a feed or a generator;
 *       {@link io.gex.spi.SourceRequest} says what to read.
 *   <li>{@link io.gex.spi.Providers}: the generic, reported lookup of the providers of any SPI (explicit
 *       registration, then a system property, then {@link java.util.ServiceLoader}); every module that has
 *       plugins uses it instead of calling {@code ServiceLoader} itself.
 *   <li>{@link io.gex.spi.ChainSources}: the chain sources found that way, by id or by content detection.
 *   <li>{@link io.gex.spi.PositionModelLookup}: the position models ({@link io.gex.positions.PositionModel})
 *       found that way, by id.
 * </ul>
 */
@NullMarked
package io.gex.spi;

import org.jspecify.annotations.NullMarked;
