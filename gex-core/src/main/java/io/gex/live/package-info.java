/**
 * Live GEX: a {@link io.gex.live.LiveChain} per underlying takes {@link io.gex.live.MarketEvent}s (spot
 * ticks, quotes, implied volatilities, open interest, listings, the clock) from one writer thread and gives
 * any thread an analysis of a consistent state at any moment.
 */
@NullMarked
package io.gex.live;

import org.jspecify.annotations.NullMarked;
