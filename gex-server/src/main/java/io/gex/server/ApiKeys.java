package io.gex.server;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The API keys and the per-caller rate limit. Keys are kept only as SHA-256 hashes; a presented key is
 * hashed and looked up. The rate limit is a token bucket per key (per client address when no keys are
 * configured): {@code rate} requests per second, bursts up to {@code rate}. Thread-safe.
 */
final class ApiKeys {

  private final Set<String> hashes;
  private final double rate;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  /**
   * @param keys the keys (blank entries ignored); none means no key is asked for
   * @param rate requests per second per caller, or 0 for no limit
   */
  ApiKeys(List<String> keys, double rate) {
    this.hashes =
        keys.stream().map(String::strip).filter(k -> !k.isEmpty()).map(ApiKeys::hash)
            .collect(Collectors.toUnmodifiableSet());
    if (!(rate >= 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException("the rate limit must be >= 0 requests per second, was " + rate);
    }
    this.rate = rate;
  }

  boolean required() {
    return !hashes.isEmpty();
  }

  int count() {
    return hashes.size();
  }

  double rate() {
    return rate;
  }

  /**
   * The caller's identity for rate limiting: the hash of a valid key; without configured keys, the client
   * address.
   *
   * @throws ApiProblem 401 if keys are required and the key is missing or unknown
   */
  String authenticate(@Nullable String presented, String clientAddress) {
    if (hashes.isEmpty()) {
      return "ip:" + clientAddress;
    }
    if (presented == null || presented.isBlank()) {
      throw ApiProblem.unauthorized("this API needs an API key in the X-API-Key header");
    }
    String h = hash(presented.strip());
    if (!hashes.contains(h)) {
      throw ApiProblem.unauthorized("the API key given in X-API-Key is not valid");
    }
    return h;
  }

  /**
   * Takes one request from the caller's bucket.
   *
   * @throws ApiProblem 429 with the seconds to wait when the bucket is empty
   */
  void consume(String caller) {
    if (rate == 0) {
      return;
    }
    Bucket bucket = buckets.computeIfAbsent(caller, c -> newBucket());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
      throw ApiProblem.tooManyRequests(
          seconds, "more than " + describeRate() + " requests per second; retry in " + seconds + " s");
    }
  }

  String describeRate() {
    return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
  }

  private Bucket newBucket() {
    // `rate` tokens a second, as whole tokens per period: 0.5/s is one token every 2 s.
    long capacity = Math.max(1, (long) Math.ceil(rate));
    Duration period = Duration.ofNanos((long) (capacity / rate * 1e9));
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period))
        .build();
  }

  static String hash(String key) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** The keys of a comma-separated list. */
  static List<String> parse(@Nullable String commaSeparated) {
    if (commaSeparated == null) {
      return List.of();
    }
    return Optional.of(commaSeparated).stream()
        .flatMap(s -> java.util.Arrays.stream(s.split(",")))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
