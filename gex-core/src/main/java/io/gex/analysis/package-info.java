/**
 * Analysis results (exposures by strike and expiry, the heatmap, gamma profiles) and the stateless
 * calculators that produce them from a {@link io.gex.analysis.ResolvedChain}. Result types are immutable and
 * thread-safe; calculators are stateless and thread-safe.
 */
@NullMarked
package io.gex.analysis;

import org.jspecify.annotations.NullMarked;
