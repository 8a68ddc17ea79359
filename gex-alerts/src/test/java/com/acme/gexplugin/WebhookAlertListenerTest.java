package com.acme.gexplugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.gex.alerts.AlertEngine;
import io.gex.alerts.AnalysisFixture;
import io.gex.alerts.rules.GammaFlipProximityRule;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The webhook-style listener posts each raised alert as JSON to a local HTTP endpoint. */
class WebhookAlertListenerTest {

  @Test
  void raisedAlert_isPostedAsJson() throws Exception {
    List<String> bodies = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            bodies.add(new String(in.readAllBytes(), StandardCharsets.UTF_8));
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
    try {
      URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook");
      WebhookAlertListener webhook = new WebhookAlertListener(uri);
      AlertEngine engine =
          AlertEngine.builder()
              .discoverRules(false)
              .rule(new GammaFlipProximityRule())
              .listener(webhook)
              .logAlerts(false)
              .executor(Runnable::run)
              .ticker(() -> 0L)
              .build();
      engine.evaluate(AnalysisFixture.spot(4000).zeroGamma(4010).build());
      assertThat(webhook.sent).hasSize(1);
      assertThat(webhook.sent.get(0).get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(204);
      assertThat(bodies).containsExactly(
          "{\"type\":\"gamma-flip-proximity\",\"severity\":\"HIGH\",\"symbol\":\"SPX\","
              + "\"instant\":\"2022-12-12T15:00:00Z\",\"message\":\"SPX spot 4,000.00 is 10.00 points (0.25%)"
              + " below the zero-gamma level 4,010.00 (alert within 1.00%)\",\"figures\":{\"spot\":4000.0,"
              + "\"zeroGamma\":4010.0,\"distancePercent\":0.25,\"distancePoints\":10.0}}");
    } finally {
      server.stop(0);
    }
  }
}
