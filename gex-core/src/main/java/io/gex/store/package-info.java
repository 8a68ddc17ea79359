/**
 * Stores of analysis history: {@link io.gex.store.InMemoryGexStore}, the embedded default {@link
 * io.gex.spi.GexStore}, and {@link io.gex.store.GexStoreRecorder}, which analyses and stores without
 * letting a failing store stop the analysis.
 */
@NullMarked
package io.gex.store;

import org.jspecify.annotations.NullMarked;
