/**
 * gex store: the {@link io.gex.store.GexStore} SPI, its values and discovery, the in-memory store and
 * {@link io.gex.store.GexStoreRecorder}.
 */
module io.gex.store {
  requires static org.jspecify;
  requires transitive io.gex.core;
  requires org.slf4j;

  exports io.gex.store;

  uses io.gex.store.GexStore;
}
