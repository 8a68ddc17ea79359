/**
 * The PostgreSQL {@link io.gex.store.GexStore}: {@link io.gex.storage.postgres.PostgresGexStore}, with its
 * {@link io.gex.storage.postgres.RetryPolicy}.
 */
@NullMarked
package io.gex.storage.postgres;

import org.jspecify.annotations.NullMarked;
