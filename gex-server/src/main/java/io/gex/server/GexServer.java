package io.gex.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.GexException;
import io.gex.alerts.AlertEngine;
import io.gex.analysis.GexHeatmap;
import io.gex.chain.OptionChain;
import io.gex.json.GexJson;
import io.gex.settings.ExpirySelection;
import io.gex.settings.IvSource;
import io.gex.spi.ChainSources;
import io.gex.spi.SourceRequest;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GEX service: an HTTP API under {@code /api/v1}, health checks, Prometheus metrics and a live
 * dashboard at {@code /}, on Javalin (Jetty 12).
 *
 * <pre>{@code
 * try (GexServer server = GexServer.builder().port(8080).files(List.of(Path.of("data/cboe-spx-2022-12-12.csv")))
 *     .build().start()) {
 *   System.out.println(server.url());
 *   ...
 * }
 * }</pre>
 *
 * <table>
 *   <caption>Routes</caption>
 *   <tr><th>route</th><th>answer</th></tr>
 *   <tr><td>{@code GET /api/v1/symbols}</td><td>the symbols served and their headline levels</td></tr>
 *   <tr><td>{@code GET /api/v1/gex/{symbol}?expiries=&iv=}</td><td>the latest analysis, the document of
 *       {@code gex analyze --format json} ({@link AnalysisJson}); {@code expiries} ({@code all}, {@code 0dte},
 *       {@code ex-0dte}, {@code to-monthly}, {@code MIN-MAX} days) and {@code iv} ({@code otm}, {@code
 *       vendor}, {@code mid}) re-analyse the latest chain with those settings</td></tr>
 *   <tr><td>{@code GET /api/v1/gex/{symbol}/profile}</td><td>the gamma profiles (all expiries, ex next
 *       expiry, ex next monthly)</td></tr>
 *   <tr><td>{@code GET /api/v1/gex/{symbol}/strikes?range=}</td><td>exposure by strike (calls, puts, net)
 *       within {@code range} percent of spot (default all), with spot, zero gamma and walls</td></tr>
 *   <tr><td>{@code GET /api/v1/gex/{symbol}/expiries?range=}</td><td>exposure by expiry and the strike
 *       &times; expiry heatmap within {@code range} percent of spot (default 10)</td></tr>
 *   <tr><td>{@code POST /api/v1/chains?source=&spot=&underlying=}</td><td>a chain file in the body (any
 *       format the sources read, detected from its content unless {@code source} names it): analysed,
 *       stored, alerts evaluated; 201 with the analysis document; a bad file is a 400 naming the
 *       problem and stores nothing</td></tr>
 *   <tr><td>{@code GET /api/v1/alerts?symbol=&severity=&since=&limit=}</td><td>stored alerts, newest
 *       first</td></tr>
 *   <tr><td>{@code GET /api/v1/history/{symbol}?from=&to=}</td><td>daily history and intraday headline
 *       levels between two dates</td></tr>
 *   <tr><td>{@code GET /api/v1/stream/{symbol}}</td><td>Server-Sent Events (with {@code Accept:
 *       text/event-stream}, else 406): {@code analysis} (headline levels) per new analysis, {@code alert} per
 *       alert, {@code bye} when the server stops</td></tr>
 *   <tr><td>{@code GET /health/live}, {@code /health/ready}</td><td>liveness; readiness of the store and
 *       the cache (503 naming what failed)</td></tr>
 *   <tr><td>{@code GET /metrics}</td><td>Prometheus text, every name prefixed {@code gex_}</td></tr>
 *   <tr><td>{@code GET /openapi.json}, {@code /docs}</td><td>the OpenAPI 3.1 document of these routes (a
 *       test checks it against the routes registered) and Swagger UI over it</td></tr>
 * </table>
 *
 * <p>Errors are RFC 9457 problem documents ({@code application/problem+json}) naming the parameter and
 * value at fault. With API keys, every {@code /api} route needs a valid {@code X-API-Key} header (401
 * otherwise) and each key has its own rate limit (429 with {@code Retry-After}); without keys the server
 * listens on 127.0.0.1 only. Keys are kept as SHA-256 hashes and never logged.
 *
 * <p>The server owns what it is given: {@link #close()} stops the feed, tells the event-stream clients,
 * stops the HTTP server (letting requests in flight finish) and closes the alert engine and the storage.
 * Thread-safe.
 */
public final class GexServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(GexServer.class);
  private static final ObjectMapper MAPPER = GexJson.newMapper();
  private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9][A-Z0-9._^-]{0,15}");
  private static final String JSON = "application/json";
  private static final String LOOPBACK = "127.0.0.1";
  private static final String START = "gex.start";
  private static final int MAX_ALERTS = 1000;

  private final Builder settings;
  private final ServerMetrics metrics = new ServerMetrics();
  private final ServerStorage storage;
  private final AlertEngine alerts;
  private final ApiKeys keys;
  private final AnalysisHub hub;
  private final ChainSources sources;
  private final Properties resources;
  private @Nullable Javalin app;
  private @Nullable Feed feed;
  private String host = LOOPBACK;
  private boolean closed;
  private final List<String> routes = java.util.Collections.synchronizedList(new ArrayList<>());

  private GexServer(Builder b) {
    this.settings = b;
    this.storage = b.storage != null ? b.storage : ServerStorage.inMemory();
    this.alerts = b.alerts != null ? b.alerts : AlertEngine.builder().build();
    this.keys = new ApiKeys(b.apiKeys, b.rateLimit);
    GexEngine engine = b.engine != null ? b.engine : GexEngine.builder().build();
    this.hub = new AnalysisHub(engine, alerts, storage, metrics);
    this.sources = b.sources != null ? b.sources : ChainSources.discover();
    storage.bindMetrics(metrics.registry());
    this.resources = new Properties();
    try (InputStream in = GexServer.class.getResourceAsStream("server.properties")) {
      if (in != null) {
        resources.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A builder with the defaults: port 8080, default engine, in-memory storage, built-in alert rules. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Feeds the snapshots, starts the HTTP server and the synthetic session.
   *
   * @return this server
   * @throws GexException if a snapshot cannot be read (naming the file) or the port cannot be bound
   * @throws IllegalStateException if already started
   */
  public synchronized GexServer start() {
    if (app != null || closed) {
      throw new IllegalStateException(closed ? "closed" : "already started");
    }
    Feed.Synthetic synthetic =
        settings.synthetic == null
            ? null
            : new Feed.Synthetic(
                settings.synthetic.toUpperCase(Locale.ROOT), settings.events, settings.seed,
                settings.syntheticStart, settings.speed);
    Feed f = new Feed(settings.files, synthetic, sources, hub, metrics);
    feed = f;
    host = keys.required() ? settings.host : LOOPBACK;
    Javalin javalin = Javalin.create(this::configure);
    try {
      f.start();
      javalin.start(host, settings.port);
    } catch (RuntimeException e) {
      f.close();
      javalin.stop();
      throw e instanceof GexException ? e : new GexException("cannot start the server: " + e.getMessage(), e);
    }
    app = javalin;
    if (keys.required()) {
      LOG.info(
          "gex server on {} with {} API key(s){}", url(), keys.count(),
          keys.rate() > 0 ? ", " + keys.describeRate() + " requests/s per key" : "");
    } else {
      LOG.info("gex server on {}: no API keys (GEX_API_KEYS), so it listens on 127.0.0.1 only", url());
    }
    return this;
  }

  /** The port the server listens on (the one bound when built with port 0). */
  public int port() {
    Javalin a = app;
    if (a == null) {
      throw new IllegalStateException("not started");
    }
    return a.port();
  }

  /** The address the server listens on: 127.0.0.1 without API keys. */
  public String host() {
    return host;
  }

  /** The base URL, such as {@code http://127.0.0.1:8080}. */
  public String url() {
    String h = "0.0.0.0".equals(host) ? "localhost" : host;
    return "http://" + h + ":" + port();
  }

  /** What the server serves, one line each, for a start banner. */
  public List<String> describe() {
    List<String> lines = new ArrayList<>();
    lines.add("dashboard  " + url() + "/");
    lines.add("API        " + url() + "/api/v1 (gex/{symbol}, /profile, /strikes, /expiries; chains; alerts;"
        + " history/{symbol}; stream/{symbol})");
    lines.add("health     " + url() + "/health/live, " + url() + "/health/ready");
    lines.add("metrics    " + url() + "/metrics");
    lines.add("API docs   " + url() + "/docs (OpenAPI: " + url() + "/openapi.json)");
    Feed f = feed;
    List<String> fed = f == null ? List.of() : f.describe();
    lines.add("symbols    " + (fed.isEmpty() ? "none yet (POST a chain to /api/v1/chains)" : String.join(", ", fed)));
    lines.add("storage    " + storage.describe());
    lines.add(
        "security   "
            + (keys.required()
                ? keys.count() + " API key(s) required in X-API-Key"
                    + (keys.rate() > 0 ? ", " + keys.describeRate() + " requests/s per key" : "")
                : "no API keys: listening on 127.0.0.1 only"
                    + (keys.rate() > 0 ? ", " + keys.describeRate() + " requests/s per client" : "")));
    return lines;
  }

  /** The routes registered, as {@code METHOD /path} (for the check of the OpenAPI document). */
  List<String> routes() {
    synchronized (routes) {
      return List.copyOf(routes);
    }
  }

  /** The symbols with an analysis, sorted. */
  public Set<String> symbols() {
    return hub.symbols();
  }

  /**
   * Stops the feed, sends the event-stream clients a last {@code bye} event and closes their streams, stops
   * the HTTP server and closes the alert engine and the storage. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    Feed f = feed;
    feed = null;
    if (f != null) {
      f.close();
    }
    Javalin a = app;
    app = null;
    try {
      if (a != null) {
        hub.closeStreams();
        a.stop();
      }
    } finally {
      try {
        hub.close();
        alerts.close();
      } finally {
        storage.close();
      }
    }
  }

  // ---------------------------------------------------------------------------------------------------

  private void configure(JavalinConfig config) {
    config.startup.showJavalinBanner = false;
    config.events.handlerAdded(h -> routes.add(h.getHttpMethod().name() + " " + h.getPath()));
    config.http.maxRequestSize = settings.maxBodyBytes;
    config.http.defaultContentType = JSON;
    config.jetty.modifyServer(server -> server.setStopTimeout(STOP_TIMEOUT.toMillis()));
    var r = config.routes;
    r.before(this::before);
    r.after(this::after);
    r.exception(ApiProblem.class, (e, ctx) -> problem(ctx, e));
    r.exception(
        io.javalin.http.HttpResponseException.class,
        (e, ctx) ->
            problem(
                ctx,
                e.getStatus() == 413
                    ? ApiProblem.tooLarge(settings.maxBodyBytes)
                    : ApiProblem.of(e.getStatus(), "Error", String.valueOf(e.getMessage()))));
    r.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
          problem(ctx, ApiProblem.of(500, "Internal Server Error", "the server failed: " + e));
        });
    r.error(
        404,
        ctx -> {
          if (!isProblem(ctx)) {
            problem(ctx, ApiProblem.of(404, "Not Found", "no route " + ctx.method() + " " + ctx.path()));
          }
        });
    r.error(
        405,
        ctx -> {
          if (!isProblem(ctx)) {
            problem(ctx, ApiProblem.of(405, "Method Not Allowed", "no route " + ctx.method() + " " + ctx.path()));
          }
        });

    r.get("/", ctx -> resource(ctx, "dashboard/index.html", "text/html; charset=utf-8"));
    r.get("/dashboard.js", ctx -> resource(ctx, "dashboard/dashboard.js", "text/javascript; charset=utf-8"));
    r.get("/dashboard.css", ctx -> resource(ctx, "dashboard/dashboard.css", "text/css; charset=utf-8"));
    r.get(
        "/assets/echarts.min.js",
        ctx -> webjar(ctx, "echarts/" + resources.getProperty("echarts.version") + "/dist/echarts.min.js", "text/javascript"));
    r.get("/openapi.json", ctx -> resource(ctx, "openapi.json", JSON));
    r.get("/docs", ctx -> resource(ctx, "docs/index.html", "text/html; charset=utf-8"));
    r.get("/docs/docs.js", ctx -> resource(ctx, "docs/docs.js", "text/javascript; charset=utf-8"));
    r.get(
        "/docs/swagger-ui.css",
        ctx -> webjar(ctx, "swagger-ui/" + resources.getProperty("swagger-ui.version") + "/swagger-ui.css", "text/css"));
    r.get(
        "/docs/swagger-ui-bundle.js",
        ctx -> webjar(ctx, "swagger-ui/" + resources.getProperty("swagger-ui.version") + "/swagger-ui-bundle.js", "text/javascript"));
    r.get("/health/live", ctx -> json(ctx, "{\"status\":\"UP\"}"));
    r.get("/health/ready", this::ready);
    r.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape()));

    r.options("/api/*", ctx -> ctx.status(204));
    r.get("/api/v1/symbols", this::symbolsRoute);
    r.get("/api/v1/gex/{symbol}", this::gex);
    r.get("/api/v1/gex/{symbol}/profile", this::profile);
    r.get("/api/v1/gex/{symbol}/strikes", this::strikes);
    r.get("/api/v1/gex/{symbol}/expiries", this::expiries);
    r.post("/api/v1/chains", this::postChain);
    r.get("/api/v1/alerts", this::alertsRoute);
    r.get("/api/v1/history/{symbol}", this::history);
    r.sse(
        "/api/v1/stream/{symbol}",
        client -> {
          String symbol = symbol(client.ctx());
          client.keepAlive();
          client.sendComment("gex events of " + symbol);
          hub.subscribe(symbol, client);
        });
  }

  private void before(Context ctx) {
    ctx.attribute(START, System.nanoTime());
    // The request's fields on every line logged while it is handled (a JSON log shows them as "mdc"): the
    // method and path only, never the query, headers or body, where keys and other secrets travel.
    org.slf4j.MDC.put("http.method", ctx.method().name());
    org.slf4j.MDC.put("http.path", ctx.path());
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "DENY");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header(
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:;"
            + " connect-src 'self'; frame-ancestors 'none'");
    String path = ctx.path();
    if (!path.startsWith("/api/")) {
      return;
    }
    ctx.header("Cache-Control", "no-store");
    String origin = ctx.header("Origin");
    if (origin != null && (settings.corsOrigins.contains(origin) || settings.corsOrigins.contains("*"))) {
      ctx.header("Access-Control-Allow-Origin", origin);
      ctx.header("Vary", "Origin");
      ctx.header("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
      ctx.header("Access-Control-Allow-Headers", "X-API-Key, Content-Type");
      ctx.header("Access-Control-Expose-Headers", "Retry-After, Location");
    }
    if ("OPTIONS".equals(ctx.method().name())) {
      return;
    }
    String caller = keys.authenticate(ctx.header("X-API-Key"), ctx.ip());
    keys.consume(caller);
    String accept = ctx.header("Accept");
    if (path.startsWith("/api/v1/stream/") && (accept == null || !accept.contains("text/event-stream"))) {
      throw ApiProblem.badHeader(
          406, "Not Acceptable", "Accept", accept,
          "the event stream is sent as text/event-stream: ask for it with Accept: text/event-stream");
    }
  }

  private void after(Context ctx) {
    org.slf4j.MDC.remove("http.method");
    org.slf4j.MDC.remove("http.path");
    Long t0 = ctx.attribute(START);
    if (t0 == null) {
      return;
    }
    Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
    String route = endpoint == null ? "unmatched" : endpoint.path;
    metrics.request(ctx.method().name(), route, ctx.statusCode(), System.nanoTime() - t0);
  }

  private static boolean isProblem(Context ctx) {
    String type = ctx.res().getContentType();
    return type != null && type.startsWith(ApiProblem.CONTENT_TYPE);
  }

  private static void problem(Context ctx, ApiProblem p) {
    ctx.status(p.status());
    Long retry = p.retryAfterSeconds();
    if (retry != null) {
      ctx.header("Retry-After", Long.toString(retry));
    }
    ctx.contentType(ApiProblem.CONTENT_TYPE);
    ctx.result(p.toJson(ctx.path()));
  }

  private static void json(Context ctx, String body) {
    ctx.contentType(JSON).result(body);
  }

  /** Serves JSON written once: gzipped as it is kept if the client accepts gzip, never compressed again. */
  private static void serve(Context ctx, AnalysisHub.Rendered body) {
    ctx.disableCompression();
    ctx.header("Vary", "Accept-Encoding");
    ctx.contentType(JSON);
    if (acceptsGzip(ctx.header("Accept-Encoding"))) {
      ctx.header("Content-Encoding", "gzip").result(body.gzip());
    } else {
      ctx.result(body.json());
    }
  }

  /** Whether an Accept-Encoding header names gzip (or *) without refusing it with {@code q=0}. */
  static boolean acceptsGzip(@Nullable String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String part : acceptEncoding.split(",")) {
      String[] p = part.split(";");
      String coding = p[0].strip().toLowerCase(Locale.ROOT);
      if (coding.equals("gzip") || coding.equals("*")) {
        for (int i = 1; i < p.length; i++) {
          String q = p[i].strip().replace(" ", "");
          if (q.matches("q=0(\\.0{0,3})?")) {
            return false;
          }
        }
        return true;
      }
    }
    return false;
  }

  private static void json(Context ctx, JsonNode node) {
    try {
      ctx.contentType(JSON).result(MAPPER.writeValueAsBytes(node));
    } catch (JsonProcessingException e) {
      throw new GexException("cannot write JSON", e);
    }
  }

  private void resource(Context ctx, String name, String type) throws IOException {
    try (InputStream in = GexServer.class.getResourceAsStream(name)) {
      if (in == null) {
        throw ApiProblem.of(404, "Not Found", "no resource " + name);
      }
      byte[] bytes = in.readAllBytes();
      if (name.endsWith(".html") || name.endsWith(".json")) {
        bytes =
            new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                .replace("@VERSION@", resources.getProperty("version", ""))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      }
      ctx.contentType(type).header("Cache-Control", "no-cache").result(bytes);
    }
  }

  /** A file of a webjar on the class path ({@code META-INF/resources/webjars/...}). */
  private static void webjar(Context ctx, String path, String type) throws IOException {
    String name = "META-INF/resources/webjars/" + path;
    ClassLoader loader = GexServer.class.getClassLoader();
    try (InputStream in = loader == null ? null : loader.getResourceAsStream(name)) {
      if (in == null) {
        throw ApiProblem.of(404, "Not Found", name + " is not on the class path");
      }
      ctx.contentType(type + "; charset=utf-8")
          .header("Cache-Control", "public, max-age=86400")
          .result(in.readAllBytes());
    }
  }

  private void ready(Context ctx) {
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode checks = root.putObject("checks");
    ArrayNode failed = MAPPER.createArrayNode();
    check(checks, failed, "store", storage.storeHealth());
    check(checks, failed, "cache", storage.cacheHealth());
    root.put("status", failed.isEmpty() ? "UP" : "DOWN");
    root.set("failed", failed);
    ctx.status(failed.isEmpty() ? 200 : 503);
    json(ctx, root);
  }

  private static void check(ObjectNode checks, ArrayNode failed, String name, ServerStorage.Health h) {
    ObjectNode node = checks.putObject(name);
    node.put("status", h.up() ? "UP" : "DOWN");
    node.put("name", h.name());
    node.put("detail", h.detail());
    node.put("latencyMillis", h.latency().toNanos() / 1e6);
    if (!h.up()) {
      failed.add(name);
    }
  }

  private void symbolsRoute(Context ctx) {
    ArrayNode array = MAPPER.createArrayNode();
    for (String symbol : hub.symbols()) {
      // Through latest(): an entry another instance made stale is read again.
      hub.latest(symbol).ifPresent(e -> array.add(ServerStorage.headline(e.latest().analysis())));
    }
    json(ctx, array);
  }

  /** The path's symbol, upper-cased and checked. */
  private static String symbol(Context ctx) {
    String raw = ctx.pathParam("symbol");
    String s = raw.strip().toUpperCase(Locale.ROOT);
    if (!SYMBOL.matcher(s).matches()) {
      throw ApiProblem.badParameter(
          "symbol", raw, "symbol must be 1 to 16 letters, digits or . _ ^ - , was '" + raw + "'");
    }
    return s;
  }

  private AnalysisHub.Entry entry(Context ctx) {
    String s = symbol(ctx);
    return hub.latest(s)
        .orElseThrow(
            () ->
                ApiProblem.notFound(
                    "symbol", s, "no analysis of " + s + "; served: " + String.join(", ", hub.symbols())));
  }

  private void gex(Context ctx) {
    AnalysisHub.Entry e = entry(ctx);
    String expiries = ctx.queryParam("expiries");
    String iv = ctx.queryParam("iv");
    if (expiries == null && iv == null) {
      serve(ctx, e.rendered("document", AnalysisHub.Entry::document));
      return;
    }
    GexEngine.Builder b = GexEngine.builder().settings(hub.engine().settings());
    if (expiries != null) {
      b.expirySelection(expirySelection(expiries));
    }
    if (iv != null) {
      b.ivSource(ivSource(iv));
    }
    OptionChain chain = e.latest().chain();
    GexAnalysis analysis;
    try {
      analysis = storage.cached(b.build()).analyze(chain);
    } catch (GexException ex) {
      throw ApiProblem.badParameter(
          expiries != null ? "expiries" : "iv", expiries != null ? expiries : iv,
          "the latest chain of " + chain.underlying() + " cannot be analysed with "
              + (expiries != null ? "expiries=" + expiries : "") + (expiries != null && iv != null ? " and " : "")
              + (iv != null ? "iv=" + iv : "") + ": " + ex.getMessage());
    }
    json(ctx, AnalysisJson.toTree(analysis, List.of()));
  }

  static ExpirySelection expirySelection(String value) {
    try {
      return ExpirySelection.parse(value);
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badParameter("expiries", value, "expiries " + e.getMessage());
    }
  }

  static IvSource ivSource(String value) {
    try {
      return IvSource.fromId(value.strip().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiProblem.badParameter("iv", value, "iv must be otm, vendor or mid, was '" + value + "'");
    }
  }

  private static ObjectNode header(ObjectNode doc) {
    ObjectNode root = MAPPER.createObjectNode();
    for (String key : List.of("symbol", "spot", "valuationTime", "totalGex", "zeroGamma", "callWall", "putWall")) {
      root.set(key, doc.get(key));
    }
    return root;
  }

  private void profile(Context ctx) {
    AnalysisHub.Rendered body =
        entry(ctx)
            .rendered(
                "profile",
                e -> {
                  ObjectNode doc = e.document();
                  ObjectNode root = header(doc);
                  root.set("profiles", doc.get("profiles"));
                  return root;
                });
    serve(ctx, body);
  }

  private void strikes(Context ctx) {
    ObjectNode doc = entry(ctx).document();
    double range = range(ctx, Double.POSITIVE_INFINITY);
    double spot = doc.get("spot").asDouble();
    ObjectNode root = header(doc);
    root.set("absGammaStrike", doc.get("absGammaStrike"));
    ArrayNode rows = root.putArray("byStrike");
    for (JsonNode row : doc.get("byStrike")) {
      if (Math.abs(row.get("strike").asDouble() / spot - 1) * 100 <= range) {
        rows.add(row);
      }
    }
    json(ctx, root);
  }

  private void expiries(Context ctx) {
    AnalysisHub.Entry e = entry(ctx);
    ObjectNode doc = e.document();
    double range = range(ctx, 10);
    GexAnalysis a = e.latest().analysis();
    ObjectNode root = header(doc);
    root.set("byExpiry", doc.get("byExpiry"));
    GexHeatmap h = a.exposures().heatmap();
    ObjectNode heat = root.putObject("heatmap");
    ArrayNode ex = heat.putArray("expiries");
    h.expiries().forEach(d -> ex.add(d.toString()));
    ArrayNode strikes = heat.putArray("strikes");
    List<Integer> columns = new ArrayList<>();
    for (int j = 0; j < h.strikes().size(); j++) {
      double k = h.strikes().get(j);
      if (Math.abs(k / a.spot() - 1) * 100 <= range) {
        columns.add(j);
        strikes.add(k);
      }
    }
    ArrayNode net = heat.putArray("netGex");
    for (int i = 0; i < h.expiries().size(); i++) {
      ArrayNode row = net.addArray();
      for (int j : columns) {
        row.add(h.value(i, j));
      }
    }
    json(ctx, root);
  }

  private static double range(Context ctx, double fallback) {
    String raw = ctx.queryParam("range");
    if (raw == null) {
      return fallback;
    }
    try {
      double v = Double.parseDouble(raw.strip());
      if (v > 0 && v <= 1000) {
        return v;
      }
    } catch (NumberFormatException e) {
      // named below
    }
    throw ApiProblem.badParameter(
        "range", raw, "range must be a percentage of spot above 0 and at most 1000, was '" + raw + "'");
  }

  private void postChain(Context ctx) throws IOException {
    long length = ctx.req().getContentLengthLong();
    if (length > settings.maxBodyBytes) {
      throw ApiProblem.tooLarge(settings.maxBodyBytes);
    }
    byte[] body = ctx.bodyAsBytes();
    if (body.length > settings.maxBodyBytes) {
      throw ApiProblem.tooLarge(settings.maxBodyBytes);
    }
    if (body.length == 0) {
      throw ApiProblem.badBody("the request body is empty: send a chain file (CBOE JSON or CSV, CSV)", null);
    }
    SourceRequest request;
    Path file = Files.createTempFile("gex-upload-", ".chain");
    try {
      Files.write(file, body);
      request = SourceRequest.of(file);
      String spot = ctx.queryParam("spot");
      if (spot != null) {
        try {
          request = request.withSpot(Double.parseDouble(spot.strip()));
        } catch (IllegalArgumentException e) {
          throw ApiProblem.badParameter("spot", spot, "spot must be a positive price, was '" + spot + "'");
        }
      }
      String underlying = ctx.queryParam("underlying");
      if (underlying != null) {
        try {
          request = request.withUnderlying(underlying.strip());
        } catch (IllegalArgumentException e) {
          throw ApiProblem.badParameter("underlying", underlying, String.valueOf(e.getMessage()));
        }
      }
      String source = ctx.queryParam("source");
      if (source != null && sources.find(source.strip()).isEmpty()) {
        throw ApiProblem.badParameter(
            "source", source, "no chain source '" + source + "'; known: " + String.join(", ", sources.ids()));
      }
      OptionChain chain;
      try {
        chain = source == null ? sources.load(request) : sources.load(source.strip(), request);
      } catch (GexException | IllegalArgumentException | UncheckedIOException e) {
        throw ApiProblem.badBody("the chain file cannot be read: " + oneLine(e.getMessage()), e);
      }
      AnalysisHub.Entry entry;
      try {
        entry = hub.analyzeAndPublish(chain);
      } catch (GexException | IllegalArgumentException e) {
        throw ApiProblem.badBody(
            "the chain of " + chain.underlying() + " cannot be analysed: " + oneLine(e.getMessage()), e);
      }
      ctx.status(201);
      ctx.header("Location", "/api/v1/gex/" + entry.latest().analysis().symbol());
      json(ctx, entry.document());
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static String oneLine(@Nullable String message) {
    String m = String.valueOf(message).replaceAll("\\s+", " ").strip();
    // The upload's temporary file name means nothing to the caller: a leading "FILE: " goes, and the name
    // within a sentence ("cannot tell the format of FILE from its content") becomes "the body".
    return m.replaceAll("\\S*gex-upload-\\d+\\.chain:\\s*", "")
        .replaceAll("\\S*gex-upload-\\d+\\.chain", "the body");
  }

  private void alertsRoute(Context ctx) {
    String symbolParam = ctx.queryParam("symbol");
    List<String> symbols;
    if (symbolParam == null || symbolParam.isBlank()) {
      symbols = new ArrayList<>(hub.symbols());
    } else {
      String s = symbolParam.strip().toUpperCase(Locale.ROOT);
      if (!SYMBOL.matcher(s).matches()) {
        throw ApiProblem.badParameter(
            "symbol", symbolParam, "symbol must be 1 to 16 letters, digits or . _ ^ -, was '" + symbolParam + "'");
      }
      symbols = List.of(s);
    }
    String severity = ctx.queryParam("severity");
    String minSeverity = null;
    if (severity != null) {
      minSeverity = severity.strip().toUpperCase(Locale.ROOT);
      if (!ServerStorage.severities().contains(minSeverity)) {
        throw ApiProblem.badParameter(
            "severity", severity,
            "severity must be one of " + String.join(", ", ServerStorage.severities()) + ", was '" + severity + "'");
      }
    }
    String sinceParam = ctx.queryParam("since");
    Instant since = Instant.EPOCH;
    if (sinceParam != null) {
      since = instant("since", sinceParam);
    }
    int limit = 100;
    String limitParam = ctx.queryParam("limit");
    if (limitParam != null) {
      try {
        limit = Integer.parseInt(limitParam.strip());
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > MAX_ALERTS) {
        throw ApiProblem.badParameter(
            "limit", limitParam, "limit must be a whole number from 1 to " + MAX_ALERTS + ", was '" + limitParam + "'");
      }
    }
    Instant from = since;
    int max = limit;
    String min = minSeverity;
    json(ctx, ServerStorage.reading(() -> storage.alerts(symbols, min, from, max)));
  }

  private static Instant instant(String name, String value) {
    String v = value.strip();
    try {
      return Instant.parse(v);
    } catch (DateTimeParseException e) {
      try {
        return LocalDate.parse(v).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
      } catch (DateTimeParseException e2) {
        throw ApiProblem.badParameter(
            name, value, name + " must be an ISO-8601 instant such as 2022-12-12T20:30:00Z or a date such as"
                + " 2022-12-12, was '" + value + "'");
      }
    }
  }

  private static LocalDate date(String name, String value) {
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ApiProblem.badParameter(
          name, value, name + " must be a date such as 2022-12-12, was '" + value + "'");
    }
  }

  private void history(Context ctx) {
    String symbol = symbol(ctx);
    String fromParam = ctx.queryParam("from");
    String toParam = ctx.queryParam("to");
    LocalDate to =
        toParam != null
            ? date("to", toParam)
            : hub.latest(symbol)
                .map(e -> ServerStorage.tradingDate(e.latest().analysis().valuationTime()))
                .orElse(LocalDate.now(java.time.ZoneOffset.UTC));
    LocalDate from = fromParam != null ? date("from", fromParam) : to.minusDays(30);
    if (to.isBefore(from)) {
      throw ApiProblem.badParameter(
          "to", toParam == null ? to.toString() : toParam, "to must not be before from (" + from + "), was " + to);
    }
    if (from.plusDays(366).isBefore(to)) {
      throw ApiProblem.badParameter(
          "from", fromParam == null ? from.toString() : fromParam, "the range from " + from + " to " + to
              + " is longer than 366 days");
    }
    json(ctx, ServerStorage.reading(() -> storage.history(symbol, from, to)));
  }

  /** Settings of a {@link GexServer}; mutable, not thread-safe. */
  public static final class Builder {
    private int port = 8080;
    private String host = "0.0.0.0";
    private @Nullable GexEngine engine;
    private @Nullable ServerStorage storage;
    private @Nullable AlertEngine alerts;
    private @Nullable ChainSources sources;
    private List<String> apiKeys = List.of();
    private double rateLimit;
    private Set<String> corsOrigins = Set.of();
    private long maxBodyBytes = 64L << 20;
    private List<Path> files = List.of();
    private @Nullable String synthetic;
    private int events = 1000;
    private long seed = 1;
    private Instant syntheticStart = Instant.parse("2022-12-16T14:30:00Z");
    private double speed = 60;

    private Builder() {}

    /** The port, 8080 by default; 0 takes a free one ({@link GexServer#port()} tells which). */
    public Builder port(int value) {
      if (value < 0 || value > 65_535) {
        throw new IllegalArgumentException("port must be 0 to 65535, was " + value);
      }
      port = value;
      return this;
    }

    /**
     * The address to listen on when API keys are configured (default all, {@code 0.0.0.0}); without keys
     * the server always listens on 127.0.0.1.
     */
    public Builder host(String value) {
      host = Objects.requireNonNull(value, "host");
      return this;
    }

    /** The engine of every analysis (default: {@code GexEngine.builder().build()}). */
    public Builder engine(GexEngine value) {
      engine = Objects.requireNonNull(value, "engine");
      return this;
    }

    /** Where analyses and alerts are recorded (default {@link ServerStorage#inMemory()}). */
    public Builder storage(ServerStorage value) {
      storage = Objects.requireNonNull(value, "storage");
      return this;
    }

    /** The alert engine (default: the built-in rules found by {@code AlertEngine.builder()}). */
    public Builder alertEngine(AlertEngine value) {
      alerts = Objects.requireNonNull(value, "alerts");
      return this;
    }

    /** The chain sources of files and uploads (default {@link ChainSources#discover()}). */
    public Builder sources(ChainSources value) {
      sources = Objects.requireNonNull(value, "sources");
      return this;
    }

    /** The API keys; none (the default) means no key is asked for and the server is loopback-only. */
    public Builder apiKeys(List<String> value) {
      apiKeys = List.copyOf(value);
      return this;
    }

    /** Requests per second per API key (per client without keys); 0, the default, is no limit. */
    public Builder rateLimit(double value) {
      if (!(value >= 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException("rateLimit must be >= 0, was " + value);
      }
      rateLimit = value;
      return this;
    }

    /** Origins allowed to call the API from a browser ({@code *} for any); none by default. */
    public Builder corsOrigins(Set<String> value) {
      corsOrigins = Set.copyOf(value);
      return this;
    }

    /** The largest request body, in bytes (default 64 MiB). */
    public Builder maxBodyBytes(long value) {
      if (value < 1) {
        throw new IllegalArgumentException("maxBodyBytes must be >= 1, was " + value);
      }
      maxBodyBytes = value;
      return this;
    }

    /** Snapshot files to replay at start (any format the chain sources read). */
    public Builder files(List<Path> value) {
      files = List.copyOf(value);
      return this;
    }

    /** Also run a seeded synthetic session of this symbol, such as {@code SPX}. */
    public Builder synthetic(String symbol) {
      synthetic = Objects.requireNonNull(symbol, "symbol");
      return this;
    }

    /** The synthetic session's events (default 1000), seed (default 1) and start. */
    public Builder syntheticSession(int eventCount, long seedValue, Instant start) {
      if (eventCount < 1) {
        throw new IllegalArgumentException("events must be >= 1, was " + eventCount);
      }
      events = eventCount;
      seed = seedValue;
      syntheticStart = Objects.requireNonNull(start, "start");
      return this;
    }

    /** Session seconds per wall-clock second of the synthetic session (default 60). */
    public Builder speed(double value) {
      if (!(value > 0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException("speed must be > 0, was " + value);
      }
      speed = value;
      return this;
    }

    /**
     * Reads {@code GEX_API_KEYS} (comma-separated), {@code GEX_RATE_LIMIT} (requests per second), {@code
     * GEX_CORS_ORIGINS} (comma-separated) and {@code GEX_MAX_BODY_BYTES}; and, through {@link
     * ServerStorage#fromEnvironment}, {@code GEX_PG_URL} and {@code GEX_REDIS_URL}.
     *
     * @throws IllegalArgumentException naming the variable whose value is bad
     */
    public Builder environment(Map<String, String> env) {
      apiKeys = ApiKeys.parse(env.get("GEX_API_KEYS"));
      String rate = env.get("GEX_RATE_LIMIT");
      if (rate != null && !rate.isBlank()) {
        try {
          rateLimit(Double.parseDouble(rate.strip()));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "GEX_RATE_LIMIT must be requests per second (a number >= 0), was '" + rate + "'", e);
        }
      }
      corsOrigins = Set.copyOf(ApiKeys.parse(env.get("GEX_CORS_ORIGINS")));
      String body = env.get("GEX_MAX_BODY_BYTES");
      if (body != null && !body.isBlank()) {
        try {
          maxBodyBytes(Long.parseLong(body.strip()));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("GEX_MAX_BODY_BYTES must be a byte count >= 1, was '" + body + "'", e);
        }
      }
      storage = ServerStorage.fromEnvironment(env);
      return this;
    }

    /** The server, not started yet. */
    public GexServer build() {
      return new GexServer(this);
    }
  }

  /** How long {@link #close()} lets requests in flight finish. */
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
}
