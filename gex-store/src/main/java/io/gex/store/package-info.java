/**
 * Stores of analysis history: the {@link io.gex.store.GexStore} SPI with the values it keeps and returns
 * ({@link io.gex.store.StoredSnapshot}, {@link io.gex.store.AlertRecord}, {@link io.gex.store.AlertQuery},
 * {@link io.gex.store.DailyHistory}, {@link io.gex.store.PurgeResult}, {@link io.gex.store.StoreHealth}),
 * {@link io.gex.store.GexStorageException}, {@link io.gex.store.InMemoryGexStore}, the embedded default
 * store, and {@link io.gex.store.GexStoreRecorder}, which analyses and stores without letting a failing
 * store stop the analysis.
 */
@NullMarked
package io.gex.store;

import org.jspecify.annotations.NullMarked;
