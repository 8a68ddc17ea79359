package io.gex.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gex.json.GexJson;
import org.jspecify.annotations.Nullable;

/**
 * An error answered as an RFC 9457 problem document ({@code application/problem+json}): {@code type}
 * ({@code about:blank}), {@code title}, {@code status}, {@code detail}, {@code instance} (the request path)
 * and, when a request parameter is at fault, {@code parameter} and {@code value}.
 */
final class ApiProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  static final String CONTENT_TYPE = "application/problem+json";

  private final int status;
  private final String title;
  private final @Nullable String parameter;
  private final @Nullable String value;
  private final @Nullable Long retryAfterSeconds;

  private ApiProblem(
      int status,
      String title,
      String detail,
      @Nullable String parameter,
      @Nullable String value,
      @Nullable Long retryAfterSeconds,
      @Nullable Throwable cause) {
    super(detail, cause);
    this.status = status;
    this.title = title;
    this.parameter = parameter;
    this.value = value;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** A bad request parameter: names the parameter and the value given. */
  static ApiProblem badParameter(String parameter, @Nullable String value, String detail) {
    return new ApiProblem(400, "Bad Request", detail, parameter, value, null, null);
  }

  /** A request body that cannot be used. */
  static ApiProblem badBody(String detail, @Nullable Throwable cause) {
    return new ApiProblem(400, "Bad Request", detail, "body", null, null, cause);
  }

  /** A request header that cannot be served. */
  static ApiProblem badHeader(
      int status, String title, String header, @Nullable String value, String detail) {
    return new ApiProblem(status, title, detail, header, value, null, null);
  }

  static ApiProblem notFound(String parameter, String value, String detail) {
    return new ApiProblem(404, "Not Found", detail, parameter, value, null, null);
  }

  static ApiProblem unauthorized(String detail) {
    return new ApiProblem(401, "Unauthorized", detail, "X-API-Key", null, null, null);
  }

  static ApiProblem tooManyRequests(long retryAfterSeconds, String detail) {
    return new ApiProblem(429, "Too Many Requests", detail, null, null, retryAfterSeconds, null);
  }

  static ApiProblem tooLarge(long limit) {
    return new ApiProblem(
        413, "Content Too Large", "the request body is larger than " + limit + " bytes", "body", null,
        null, null);
  }

  static ApiProblem of(int status, String title, String detail) {
    return new ApiProblem(status, title, detail, null, null, null, null);
  }

  int status() {
    return status;
  }

  @Nullable Long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The problem document. */
  String toJson(String instance) {
    ObjectNode node = GexJson.mapper().createObjectNode();
    node.put("type", "about:blank");
    node.put("title", title);
    node.put("status", status);
    node.put("detail", String.valueOf(getMessage()));
    node.put("instance", instance);
    if (parameter != null) {
      node.put("parameter", parameter);
    }
    if (value != null) {
      node.put("value", value);
    }
    return node.toString();
  }
}
