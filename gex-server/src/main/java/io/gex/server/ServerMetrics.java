package io.gex.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The service's meters, exported at {@code /metrics} in the Prometheus text format: {@code
 * gex_http_server_requests_seconds} (by method, route and status, with a latency histogram), {@code
 * gex_analysis_seconds}, {@code gex_live_events_total}, {@code gex_live_analyses_total}, {@code
 * gex_live_chains}, {@code gex_sse_clients}, {@code gex_alerts_raised_total}, and the store and cache
 * meters of {@link ServerStorage}. Thread-safe.
 */
final class ServerMetrics {

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Timer analysis;
  private final Counter liveEvents;
  private final Counter liveAnalyses;
  private final Counter alerts;
  private final AtomicInteger sseClients = new AtomicInteger();
  private final AtomicInteger liveChains = new AtomicInteger();

  ServerMetrics() {
    analysis =
        Timer.builder("gex.analysis")
            .description("time to analyse one chain")
            .publishPercentileHistogram()
            .register(registry);
    liveEvents =
        Counter.builder("gex.live.events").description("market events applied to live chains").register(registry);
    liveAnalyses =
        Counter.builder("gex.live.analyses").description("analyses of live chains").register(registry);
    alerts = Counter.builder("gex.alerts.raised").description("alerts raised").register(registry);
    Gauge.builder("gex.sse.clients", sseClients, AtomicInteger::get)
        .description("connected Server-Sent Events clients")
        .register(registry);
    Gauge.builder("gex.live.chains", liveChains, AtomicInteger::get)
        .description("live chains being fed")
        .register(registry);
  }

  PrometheusMeterRegistry registry() {
    return registry;
  }

  void request(String method, String route, int status, long nanos) {
    Timer.builder("gex.http.server.requests")
        .description("HTTP requests by method, route and status")
        .tag("method", method)
        .tag("route", route)
        .tag("status", Integer.toString(status))
        .publishPercentileHistogram()
        .register(registry)
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  void analysis(long nanos) {
    analysis.record(nanos, TimeUnit.NANOSECONDS);
  }

  void liveEvents(long n) {
    liveEvents.increment(n);
  }

  void liveAnalysis() {
    liveAnalyses.increment();
  }

  void alerts(int n) {
    alerts.increment(n);
  }

  AtomicInteger sseClients() {
    return sseClients;
  }

  AtomicInteger liveChains() {
    return liveChains;
  }

  String scrape() {
    return registry.scrape();
  }
}
