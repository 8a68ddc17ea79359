/** Black-Scholes prices and greeks with continuous rate and dividend yield. Stateless and thread-safe. */
@NullMarked
package io.gex.greeks;

import org.jspecify.annotations.NullMarked;
