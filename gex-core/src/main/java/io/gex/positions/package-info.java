/**
 * Dealer positions: which side of each contract the dealers hold, and how much.
 *
 * <ul>
 *   <li>{@link io.gex.positions.PositionModel}: the plugin that decides each contract's dealer position;
 *       {@link io.gex.positions.PositionModels} holds the built-in {@code oi}, {@code volume} and {@code
 *       flow} models; {@link io.gex.spi.PositionModelLookup} discovers the others.
 *   <li>{@link io.gex.positions.Trade}, {@link io.gex.positions.TradeClassifier}, {@link
 *       io.gex.positions.FlowBook} and {@link io.gex.positions.CustomerFlow}: a tape of option trades
 *       classified against the quote in force into customers' net purchases per contract.
 *   <li>{@link io.gex.positions.PositionProvenance}: what an analysis's positions were made from, with the
 *       data-quality checks of the flow.
 * </ul>
 */
@NullMarked
package io.gex.positions;

import org.jspecify.annotations.NullMarked;
