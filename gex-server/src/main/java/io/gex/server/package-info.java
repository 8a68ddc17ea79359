/**
 * The GEX service: {@link io.gex.server.GexServer} (the HTTP API, health, metrics and dashboard), {@link
 * io.gex.server.AnalysisJson} (the JSON document of an analysis, shared with the command line) and {@link
 * io.gex.server.ServerStorage} (the store and cache the service records into and reads from).
 */
@NullMarked
package io.gex.server;

import org.jspecify.annotations.NullMarked;
