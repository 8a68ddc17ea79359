package io.gex.bench;

import io.gex.server.GexServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;

/**
 * A load benchmark of the GEX service (a command, not a timed test): {@code clients} concurrent clients
 * ask for one route as fast as it answers, for a warm-up and then a measured number of seconds, one route
 * after the other: the cached latest analysis {@code /api/v1/gex/{symbol}} and its profiles {@code
 * /api/v1/gex/{symbol}/profile}. Prints, per route, the throughput and the p50, p99 and max latency
 * (HdrHistogram, microsecond resolution), the bytes per response, and the machine's load average.
 *
 * <p>Without {@code --url} it starts the server in this process on a free port with the SPX snapshot of
 * the data folder (see {@link BenchData}), so client and server share the machine and its cores; with
 * {@code --url} it targets a running server. Clients are closed-loop (each sends its next request when the
 * last one answered), so the latencies are those a client sees at the throughput reached, not under a fixed
 * arrival rate. {@code --gzip} sends {@code Accept-Encoding: gzip}, as browsers do.
 *
 * <pre>
 * java -cp gex-bench/target/benchmarks.jar io.gex.bench.ServerLoadReport [--url http://host:8080]
 *     [--symbol SPX] [--clients 100] [--seconds 20] [--warmup 5] [--gzip]
 * </pre>
 *
 * <p>It lives in gex-bench beside the JMH benchmarks (its jar already holds the server, the data paths and
 * HdrHistogram) rather than in gex-server's tests, because it is run by hand and must never run as a test.
 *
 * <p>A command-line tool; not thread-safe.
 */
public final class ServerLoadReport {

  private ServerLoadReport() {}

  /**
   * Runs the load and prints the figures.
   *
   * @param args the options above
   * @throws Exception if the server cannot start or a client fails
   */
  public static void main(String[] args) throws Exception {
    String url = null;
    String symbol = "SPX";
    int clients = 100;
    int seconds = 20;
    int warmup = 5;
    boolean gzip = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--url" -> url = args[++i];
        case "--symbol" -> symbol = args[++i];
        case "--clients" -> clients = Integer.parseInt(args[++i]);
        case "--seconds" -> seconds = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--gzip" -> gzip = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    GexServer server = null;
    if (url == null) {
      server = GexServer.builder().port(0).host("127.0.0.1").files(List.of(BenchData.file(BenchData.SPX_CSV))).build().start();
      url = server.url();
      // The feed analyses the file in the background: wait for it.
      long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (!server.symbols().contains(symbol) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
    }
    try {
      System.out.printf(
          Locale.ROOT,
          "%s, %d clients, %d s warm-up + %d s per route, gzip %s, %d cores, load before: %s%n",
          url, clients, warmup, seconds, gzip, Runtime.getRuntime().availableProcessors(), load());
      for (String route : List.of("/api/v1/gex/" + symbol, "/api/v1/gex/" + symbol + "/profile")) {
        run(url + route, clients, warmup, false, gzip);
        Result r = run(url + route, clients, seconds, true, gzip);
        Histogram h = r.histogram;
        System.out.printf(
            Locale.ROOT,
            "%-28s %8.0f req/s  p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms  %,d requests, %,d bytes each,"
                + " %d errors; load %s%n",
            route, h.getTotalCount() / (r.nanos / 1e9), h.getValueAtPercentile(50) / 1e3,
            h.getValueAtPercentile(99) / 1e3, h.getMaxValue() / 1e3, h.getTotalCount(), r.bytes, r.errors,
            load());
      }
    } finally {
      if (server != null) {
        server.close();
      }
    }
  }

  private record Result(Histogram histogram, long nanos, long bytes, long errors) {}

  private static Result run(String url, int clients, int seconds, boolean measured, boolean gzip)
      throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET();
    if (gzip) {
      b.header("Accept-Encoding", "gzip");
    }
    HttpRequest request = b.build();
    List<Histogram> histograms = new ArrayList<>();
    AtomicLong errors = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    CountDownLatch start = new CountDownLatch(1);
    long[] window = new long[1];
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Histogram h = new Histogram(Duration.ofSeconds(60).toNanos() / 1000, 3);
      histograms.add(h);
      Thread t =
          new Thread(
              () -> {
                try {
                  start.await();
                  while (System.nanoTime() < window[0]) {
                    long t0 = System.nanoTime();
                    HttpResponse<byte[]> r = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                    h.recordValue(Math.max(1, (System.nanoTime() - t0) / 1000));
                    if (r.statusCode() != 200) {
                      errors.incrementAndGet();
                    }
                    bytes.set(r.body().length);
                  }
                } catch (IOException e) {
                  errors.incrementAndGet();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "load-client-" + c);
      threads.add(t);
      t.start();
    }
    long t0 = System.nanoTime();
    window[0] = t0 + Duration.ofSeconds(seconds).toNanos();
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    long nanos = System.nanoTime() - t0;
    Histogram all = new Histogram(Duration.ofSeconds(60).toNanos() / 1000, 3);
    for (Histogram h : histograms) {
      all.add(h);
    }
    if (!measured) {
      System.out.printf(Locale.ROOT, "warm-up %s: %,d requests%n", url, all.getTotalCount());
    }
    return new Result(all, nanos, bytes.get(), errors.get());
  }

  private static @Nullable String load() {
    try {
      return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg"), StandardCharsets.US_ASCII)
          .strip();
    } catch (IOException e) {
      return "unknown";
    }
  }
}
