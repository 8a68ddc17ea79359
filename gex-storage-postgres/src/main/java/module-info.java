/** The PostgreSQL store of gex analyses: {@link io.gex.storage.postgres.PostgresGexStore}. */
module io.gex.storage.postgres {
  requires static org.jspecify;
  requires transitive io.gex.core;
  requires transitive io.gex.store;
  requires transitive java.sql;
  requires io.gex.json;
  requires com.fasterxml.jackson.databind;
  requires org.postgresql.jdbc;
  requires com.zaxxer.hikari;
  requires org.slf4j;

  exports io.gex.storage.postgres;

  provides io.gex.store.GexStore with
      io.gex.storage.postgres.PostgresGexStore;
}
