/**
 * gex server: the GEX service ({@link io.gex.server.GexServer}): an HTTP API under {@code /api/v1}, health
 * checks, Prometheus metrics, API keys and rate limits, Server-Sent Events and a live dashboard, on Javalin.
 */
module io.gex.server {
  requires static org.jspecify;
  requires transitive io.gex.core;
  requires transitive io.gex.alerts;
  requires transitive io.gex.store;
  requires transitive io.gex.cache;
  requires io.gex.sources;
  requires io.gex.json;
  requires com.fasterxml.jackson.databind;
  requires io.javalin;
  requires org.eclipse.jetty.server;
  requires micrometer.core;
  requires micrometer.registry.prometheus;
  requires io.github.bucket4j.core;
  requires org.slf4j;

  exports io.gex.server;
}
