/**
 * The option-chain model: {@link io.gex.chain.OptionContract}, {@link io.gex.chain.OptionChain}, OCC symbols,
 * settlement styles and per-contract diagnostics. All types here are immutable and thread-safe.
 */
@NullMarked
package io.gex.chain;

import org.jspecify.annotations.NullMarked;
