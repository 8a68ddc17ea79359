package io.gex.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gex.alerts.AlertListener;
import io.gex.alerts.GexAlert;
import io.gex.json.GexJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A webhook-style {@link AlertListener}: POSTs every raised alert as one JSON object to a configured URL,
 * asynchronously, with a timeout. Delivery failures (connection refused, timeout, a non-2xx answer) are
 * logged at WARN and counted, never thrown: a broken webhook does not disturb the alert engine.
 *
 * <pre>{@code
 * WebhookAlertListener webhook =
 *     new WebhookAlertListener(URI.create("https://hooks.example.com/gex"), Duration.ofSeconds(5));
 * AlertEngine alerts = AlertEngine.builder().listener(webhook).build();
 * alerts.evaluate(analysis);
 * webhook.awaitPending(Duration.ofSeconds(10)); // before a short-lived program exits
 * }</pre>
 *
 * <p>The body ({@code Content-Type: application/json}) has the keys {@code ruleId}, {@code type}, {@code
 * key}, {@code severity} ({@code INFO}, {@code LOW}, {@code MEDIUM}, {@code HIGH}...), {@code symbol},
 * {@code instant} (ISO-8601 valuation time of the analysis), {@code message} and {@code figures} (an object
 * of named numbers). Each alert is posted once; there is no retry.
 *
 * <p>{@link #onAlert} returns at once (the engine calls it on the evaluating thread); the request runs on
 * the {@link HttpClient}'s executor. This class is thread-safe.
 */
public final class WebhookAlertListener implements AlertListener {

  private static final Logger LOG = LoggerFactory.getLogger(WebhookAlertListener.class);
  private static final ObjectMapper MAPPER = GexJson.newMapper();

  private final URI endpoint;
  private final Duration timeout;
  private final HttpClient client;
  private final Map<Long, CompletableFuture<Boolean>> pending = new ConcurrentHashMap<>();
  private final AtomicLong sequence = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();

  /**
   * A listener posting to {@code endpoint} with its own HTTP client.
   *
   * @param endpoint the {@code http} or {@code https} URL to POST to
   * @param timeout how long one request (connect, send, answer) may take; positive
   * @throws IllegalArgumentException if the URL is not absolute {@code http(s)} or the timeout not positive
   */
  public WebhookAlertListener(URI endpoint, Duration timeout) {
    this(endpoint, timeout, HttpClient.newBuilder().connectTimeout(positive(timeout)).build());
  }

  /**
   * A listener posting to {@code endpoint} with the given client (to share a client, or to set a proxy,
   * TLS context or executor).
   *
   * @param endpoint the {@code http} or {@code https} URL to POST to
   * @param timeout how long one request may take; positive
   * @param client the client that sends the requests
   * @throws IllegalArgumentException if the URL is not absolute {@code http(s)} or the timeout not positive
   */
  public WebhookAlertListener(URI endpoint, Duration timeout, HttpClient client) {
    Objects.requireNonNull(endpoint, "endpoint");
    String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || endpoint.getHost() == null) {
      throw new IllegalArgumentException("endpoint must be an absolute http(s) URL, was '" + endpoint + "'");
    }
    this.endpoint = endpoint;
    this.timeout = positive(timeout);
    this.client = Objects.requireNonNull(client, "client");
  }

  private static Duration positive(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be > 0, was " + timeout);
    }
    return timeout;
  }

  /** Posts the alert asynchronously; never throws. */
  @Override
  public void onAlert(GexAlert alert) {
    CompletableFuture<Boolean> unused = post(alert); // the outcome is logged and counted
  }

  /** {@code webhook:} and the endpoint. */
  @Override
  public String id() {
    return "webhook:" + endpoint;
  }

  /**
   * Posts one alert asynchronously.
   *
   * @param alert the alert to post
   * @return completes with true when the endpoint answered 2xx, false when delivery failed (already logged
   *     at WARN); never completes exceptionally
   */
  public CompletableFuture<Boolean> post(GexAlert alert) {
    Objects.requireNonNull(alert, "alert");
    CompletableFuture<Boolean> result;
    try {
      HttpRequest request =
          HttpRequest.newBuilder(endpoint)
              .timeout(timeout)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(body(alert)))
              .build();
      result =
          client
              .sendAsync(request, HttpResponse.BodyHandlers.discarding())
              .handle((response, error) -> outcome(alert, response, error));
    } catch (RuntimeException e) {
      result = CompletableFuture.completedFuture(outcome(alert, null, e));
    }
    long id = sequence.incrementAndGet();
    pending.put(id, result);
    if (result.isDone()) {
      pending.remove(id);
    } else {
      CompletableFuture<?> unused = result.whenComplete((ok, error) -> pending.remove(id));
    }
    return result;
  }

  private boolean outcome(
      GexAlert alert, @Nullable HttpResponse<Void> response, @Nullable Throwable error) {
    if (error == null && response != null && response.statusCode() / 100 == 2) {
      delivered.incrementAndGet();
      return true;
    }
    failed.incrementAndGet();
    String why;
    if (error != null) {
      Throwable cause = error.getCause();
      why = (cause != null ? cause : error).toString();
    } else {
      why = response != null ? "HTTP " + response.statusCode() : "no response";
    }
    LOG.warn("Webhook {} did not take alert {} of {}: {}", endpoint, alert.type(), alert.symbol(), why);
    return false;
  }

  /**
   * The JSON body posted for an alert, UTF-8 (keys in the class documentation).
   *
   * @param alert the alert
   * @return the body
   */
  public static byte[] body(GexAlert alert) {
    Objects.requireNonNull(alert, "alert");
    ObjectNode node = MAPPER.createObjectNode();
    node.put("ruleId", alert.ruleId());
    node.put("type", alert.type());
    node.put("key", alert.key());
    node.put("severity", alert.severity().name());
    node.put("symbol", alert.symbol());
    node.put("instant", alert.instant().toString());
    node.put("message", alert.message());
    ObjectNode figures = node.putObject("figures");
    for (Map.Entry<String, Double> f : alert.figures().entrySet()) {
      figures.put(f.getKey(), f.getValue());
    }
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Waits until every post started so far has finished, for at most {@code timeout}: call it before a
   * short-lived program exits.
   *
   * @param timeout the longest wait
   * @return true if nothing is pending any more
   */
  public boolean awaitPending(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    CompletableFuture<?> all = CompletableFuture.allOf(pending.values().toArray(new CompletableFuture<?>[0]));
    try {
      all.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } catch (ExecutionException | TimeoutException e) {
      return false;
    }
  }

  /** The URL alerts are posted to. */
  public URI endpoint() {
    return endpoint;
  }

  /** The number of alerts the endpoint took (answered 2xx). */
  public long delivered() {
    return delivered.get();
  }

  /** The number of alerts that could not be delivered. */
  public long failed() {
    return failed.get();
  }

  @Override
  public String toString() {
    return "WebhookAlertListener[" + endpoint + ", timeout " + timeout + "]";
  }
}
