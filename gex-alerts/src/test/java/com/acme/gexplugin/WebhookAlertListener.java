package com.acme.gexplugin;

import io.gex.alerts.AlertListener;
import io.gex.alerts.GexAlert;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/**
 * A webhook-style listener: posts each alert as a small JSON document to a URL, asynchronously, so that the
 * engine's evaluating thread is not held up by the network. The futures are kept so a test can wait.
 */
public final class WebhookAlertListener implements AlertListener {

  private final HttpClient client = HttpClient.newHttpClient();
  private final URI target;
  public final List<CompletableFuture<HttpResponse<String>>> sent = new CopyOnWriteArrayList<>();

  public WebhookAlertListener(URI target) {
    this.target = target;
  }

  @Override
  public void onAlert(GexAlert alert) {
    HttpRequest request =
        HttpRequest.newBuilder(target)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(toJson(alert)))
            .build();
    sent.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
  }

  @Override
  public String id() {
    return "acme.webhook";
  }

  static String toJson(GexAlert alert) {
    StringBuilder figures = new StringBuilder();
    for (Map.Entry<String, Double> e : alert.figures().entrySet()) {
      if (figures.length() > 0) {
        figures.append(',');
      }
      figures.append(quote(e.getKey())).append(':').append(e.getValue());
    }
    return "{\"type\":" + quote(alert.type())
        + ",\"severity\":" + quote(alert.severity().name())
        + ",\"symbol\":" + quote(alert.symbol())
        + ",\"instant\":" + quote(alert.instant().toString())
        + ",\"message\":" + quote(alert.message())
        + ",\"figures\":{" + figures + "}}";
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
