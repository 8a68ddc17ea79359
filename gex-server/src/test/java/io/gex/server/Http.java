package io.gex.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gex.json.GexJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** A small HTTP client for the tests: real requests to the server on its port. */
final class Http {

  static final ObjectMapper MAPPER = GexJson.newMapper();

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private final @Nullable String key;

  Http(String base, @Nullable String key) {
    this.base = base;
    this.key = key;
  }

  HttpResponse<String> get(String path) {
    return send(builder(path).GET().build());
  }

  HttpResponse<String> post(String path, byte[] body) {
    return send(builder(path).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
  }

  HttpRequest.Builder builder(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    if (key != null) {
      b.header("X-API-Key", key);
    }
    return b;
  }

  HttpClient client() {
    return client;
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(response.body(), e);
    }
  }
}
