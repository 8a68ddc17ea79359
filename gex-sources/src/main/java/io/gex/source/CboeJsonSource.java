package io.gex.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.gex.ChainSourceException;
import io.gex.chain.ContractDiagnostic;
import io.gex.chain.OccSymbol;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.spi.ChainSources;
import io.gex.spi.OptionChainSource;
import io.gex.spi.SourceRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.Flow;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads CBOE's delayed-quotes JSON ({@code cboe-json}) from a file or over HTTP.
 *
 * <pre>{@code
 * {"timestamp": "2023-09-21 03:17:42",
 *  "data": {"options": [{"option": "RUTW230922C01545000", "bid": 262.1, "ask": 264.9, "iv": 0.2195,
 *                        "open_interest": 22.0, "volume": 0.0, "delta": 0.9935, "gamma": 0.0001,
 *                        "last_trade_price": 260.9, ...}, ...],
 *           "symbol": "^RUT", "current_price": 1806.1193, "last_trade_time": "2023-09-20T16:15:04", ...}}
 * }</pre>
 *
 * <ul>
 *   <li>Spot: {@code data.current_price}. Valuation instant: the request's override, else {@code
 *       data.last_trade_time} read as America/New_York time (the top-level {@code timestamp} is when the file
 *       was fetched and is ignored).
 *   <li>Underlying: the {@code underlying} parameter, else {@code data.symbol} without its index marker
 *       ({@code ^RUT} → {@code RUT}), else the top-level {@code symbol}, else the first contract's root with
 *       index weekly roots mapped back (RUTW → RUT).
 *   <li>Each element of {@code data.options} is one contract, named by its OCC symbol in {@code option}.
 *       {@code iv} is a decimal (0 = none; kept, the engine skips it); {@code open_interest} and {@code
 *       volume} may be written as floats ({@code 22.0}); {@code bid}, {@code ask}, {@code
 *       last_trade_price} (0 = no trade), {@code delta} and {@code gamma} are read when present; other
 *       fields are skipped. A number may also be a string; {@code null} means absent.
 *   <li>An element that cannot be read is skipped with a {@link ContractDiagnostic.Reason#MALFORMED
 *       MALFORMED} diagnostic located {@code options[i] SYMBOL} naming the field and its value. Input that
 *       is not JSON, is truncated, or has no {@code data.options} array, {@code data.current_price} or
 *       (without an override) {@code data.last_trade_time} is a {@link ChainSourceException} naming the
 *       field or the line and column.
 * </ul>
 *
 * <p>Locations: a file path; an {@code http(s)} URL, fetched as is; or a symbol such as {@code SPX}, {@code
 * _SPX} or {@code AAPL} (when no file of that name exists), fetched from {@code {baseUrl}/{SYMBOL}.json}
 * where index symbols (SPX, NDX, RUT, VIX, DJX, XSP, OEX, XEO, SPXW, NDXP, RUTW) get CBOE's leading
 * underscore ({@code _SPX.json}). Parameters: {@code baseUrl} (default {@value #DEFAULT_BASE_URL}), {@code
 * timeout} (how long to wait for the response headers: ISO-8601 such as {@code PT10S}, or {@code 500ms},
 * {@code 10s}, or plain seconds; default 10 s), {@code underlying} and {@code spot} ({@link
 * SourceRequest#withUnderlying}, {@link SourceRequest#withSpot}: they win over the document's). A file
 * may be gzip. A document whose {@code data.options} has no readable element is a {@link
 * ChainSourceException} quoting the first three reasons. A non-2xx answer, a timeout, a failed
 * connection or a body cut short is a {@link ChainSourceException} naming the URL (and the status).
 *
 * <p>The input is streamed with Jackson's {@link JsonParser}; no tree of the document is built. Contracts are
 * kept until the spot is read, because CBOE writes {@code options} before {@code current_price}. This class
 * is immutable and thread-safe; the HTTP client is created on first use and shared. The {@code timeout}
 * bounds both the wait for the response headers and any pause while the body streams in.
 */
public final class CboeJsonSource implements OptionChainSource {

  /** This source's id: {@value}. */
  public static final String ID = "cboe-json";

  /** Where CBOE serves the delayed quotes: {@value}. */
  public static final String DEFAULT_BASE_URL = "https://cdn.cboe.com/api/global/delayed_quotes/options";

  /** How long to wait for an HTTP answer unless the {@code timeout} parameter says otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

  private static final Set<String> INDEXES =
      Set.of("SPX", "NDX", "RUT", "VIX", "DJX", "XSP", "OEX", "XEO", "SPXW", "NDXP", "RUTW", "MRUT");

  private static final Pattern SYMBOL = Pattern.compile("[\\^_$]?[A-Za-z][A-Za-z0-9.]{0,9}");

  private static final JsonFactory JSON = JsonFactory.builder().build();

  private final @Nullable HttpClient givenClient;
  private volatile @Nullable HttpClient lazyClient;

  /** Creates the source; an HTTP client is created on the first fetch. */
  public CboeJsonSource() {
    this.givenClient = null;
  }

  /** Creates the source with the HTTP client to fetch with (proxies, TLS, executor are the caller's). */
  public CboeJsonSource(HttpClient client) {
    this.givenClient = Objects.requireNonNull(client, "client");
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "CBOE delayed-quotes JSON (file, URL, or symbol fetched from CBOE)";
  }

  /** Recognises a JSON object that mentions {@code "data"} and {@code "options"} or {@code "current_price"}. */
  @Override
  public boolean canRead(byte[] head) {
    String text = new String(head, StandardCharsets.UTF_8);
    int i = 0;
    if (text.startsWith("\uFEFF")) {
      i = 1;
    }
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i < text.length()
        && text.charAt(i) == '{'
        && text.contains("\"data\"")
        && (text.contains("\"options\"") || text.contains("\"current_price\""));
  }

  /**
   * Reads a file, a URL or a symbol's quotes (see the class documentation).
   *
   * @throws ChainSourceException if the input cannot be fetched or read as a whole, naming the field or
   *     position and the value, or the URL and HTTP status
   * @throws IllegalArgumentException if the {@code timeout} or {@code baseUrl} parameter is invalid
   */
  @Override
  public OptionChain load(SourceRequest request) {
    Objects.requireNonNull(request, "request");
    String location = request.location().trim();
    if (request.isHttp()) {
      return fetch(uri(location, "location"), request);
    }
    Path file = null;
    try {
      file = request.path();
    } catch (IllegalArgumentException e) {
      file = null;
    }
    if ((file == null || !Files.exists(file)) && SYMBOL.matcher(location).matches()) {
      return fetch(symbolUri(location, request), request);
    }
    if (file == null) {
      throw new ChainSourceException("cannot read '" + location + "': not a path, URL or symbol");
    }
    try (InputStream in = ChainSources.openFile(file)) {
      return parse(in, request, file.toString());
    } catch (IOException e) {
      throw new ChainSourceException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The URL a symbol's quotes are fetched from, with CBOE's underscore for indexes. */
  static URI symbolUri(String symbol, SourceRequest request) {
    String s = symbol.trim().toUpperCase(Locale.ROOT);
    String bare = Roots.stripIndexMarker(s);
    String name = s.startsWith("_") || INDEXES.contains(bare) ? "_" + bare : bare;
    String base = request.parameter("baseUrl").orElse(DEFAULT_BASE_URL).trim();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return uri(base + "/" + name + ".json", "baseUrl");
  }

  private static URI uri(String text, String what) {
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme();
      if (scheme == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          || uri.getHost() == null) {
        throw new IllegalArgumentException(what + " must be an http(s) URL, was '" + text + "'");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(what + " is not a valid URL: '" + text + "'", e);
    }
  }

  /** Parses the {@code timeout} parameter: ISO-8601, {@code 500ms}, {@code 10s} or plain seconds. */
  static Duration timeout(SourceRequest request) {
    Optional<String> parameter = request.parameter("timeout");
    if (parameter.isEmpty()) {
      return DEFAULT_TIMEOUT;
    }
    String t = parameter.get().trim().toLowerCase(Locale.ROOT);
    Duration d;
    try {
      if (t.startsWith("p")) {
        d = Duration.parse(t.toUpperCase(Locale.ROOT));
      } else if (t.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
      } else {
        String seconds = t.endsWith("s") ? t.substring(0, t.length() - 1).trim() : t;
        d = Duration.ofNanos(Math.round(Double.parseDouble(seconds) * 1e9));
      }
    } catch (DateTimeParseException | NumberFormatException | ArithmeticException e) {
      throw new IllegalArgumentException(
          "parameter timeout must be like PT10S, 500ms, 10s or 10, was '" + parameter.get() + "'", e);
    }
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException("parameter timeout must be > 0, was '" + parameter.get() + "'");
    }
    return d;
  }

  private HttpClient client() {
    if (givenClient != null) {
      return givenClient;
    }
    HttpClient c = lazyClient;
    if (c == null) {
      synchronized (this) {
        c = lazyClient;
        if (c == null) {
          c = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
          lazyClient = c;
        }
      }
    }
    return c;
  }

  private OptionChain fetch(URI uri, SourceRequest request) {
    Duration timeout = timeout(request);
    HttpRequest httpRequest =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Accept", "application/json")
            .GET()
            .build();
    HttpResponse<Flow.Publisher<List<ByteBuffer>>> response;
    try {
      response = client().send(httpRequest, HttpResponse.BodyHandlers.ofPublisher());
    } catch (HttpTimeoutException e) {
      throw new ChainSourceException("no answer from " + uri + " within " + timeout + " (timeout)", e);
    } catch (IOException e) {
      throw new ChainSourceException("cannot fetch " + uri + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ChainSourceException("interrupted while fetching " + uri, e);
    }
    int status = response.statusCode();
    // The timeout bounds the wait for the headers (above) and every pause in the body (here).
    try (BodyStream body = new BodyStream(timeout)) {
      response.body().subscribe(body);
      if (status < 200 || status > 299) {
        String snippet;
        try {
          snippet = new String(body.readNBytes(200), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
          snippet = "";
        }
        throw new ChainSourceException(
            "HTTP "
                + status
                + " from "
                + uri
                + (snippet.isEmpty() ? "" : ": " + Fields.clip(snippet.replaceAll("\\s+", " "))));
      }
      try {
        return parse(body, request, uri.toString());
      } catch (ChainSourceException e) {
        IOException failure = body.failure();
        if (failure != null) {
          throw new ChainSourceException(
              "the body from "
                  + uri
                  + " was cut short after "
                  + body.count()
                  + " bytes (truncated): "
                  + failure.getMessage(),
              e);
        }
        throw e;
      }
    }
  }

  /**
   * Parses CBOE's JSON from a stream (not closed here).
   *
   * @param origin the file or URL, for messages
   */
  private OptionChain parse(InputStream in, SourceRequest request, String origin) {
    Document doc = new Document();
    JsonParser parser = null; // for the position of a limit exceeded (too deep, too long)
    try (JsonParser p = JSON.createParser(in)) {
      parser = p;
      JsonToken first = p.nextToken();
      if (first != JsonToken.START_OBJECT) {
        throw new ChainSourceException(
            origin
                + " at "
                + where(p.currentLocation())
                + ": not a CBOE delayed-quotes JSON object: starts with "
                + (first == null ? "nothing (empty input)" : "'" + Fields.clip(p.getText()) + "'"));
      }
      readRoot(p, doc);
      if (p.nextToken() != null) {
        throw new ChainSourceException(
            origin + " at " + where(p.currentLocation()) + ": unexpected content after the JSON object");
      }
    } catch (JsonEOFException e) {
      throw new ChainSourceException(
          origin + ": the JSON ends early at " + where(e.getLocation()) + " (truncated)", e);
    } catch (StreamReadException e) {
      String message = String.valueOf(e.getOriginalMessage());
      if (message.contains("end-of-input")) {
        throw new ChainSourceException(
            origin + ": the JSON ends early at " + where(e.getLocation()) + " (truncated): " + message, e);
      }
      throw new ChainSourceException(
          origin + ": not valid JSON at " + where(e.getLocation()) + ": " + message, e);
    } catch (StreamConstraintsException e) {
      throw new ChainSourceException(
          origin
              + ": JSON beyond the reader's limits at "
              + where(parser == null ? e.getLocation() : parser.currentLocation())
              + ": "
              + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new ChainSourceException("cannot read " + origin + ": " + e.getMessage(), e);
    }
    return doc.chain(request, origin);
  }

  private static String where(@Nullable JsonLocation location) {
    if (location == null) {
      return "an unknown position";
    }
    return "line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  private static void readRoot(JsonParser p, Document doc) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if ("data".equals(name) && value == JsonToken.START_OBJECT) {
        readData(p, doc);
      } else if ("symbol".equals(name) && value == JsonToken.VALUE_STRING) {
        doc.rootSymbol = p.getText();
      } else {
        p.skipChildren();
      }
    }
  }

  private static void readData(JsonParser p, Document doc) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if ("options".equals(name)) {
        if (value != JsonToken.START_ARRAY) {
          doc.optionsProblem = "'data.options' is " + describe(p, value) + ", not an array";
          p.skipChildren();
        } else {
          readOptions(p, doc);
        }
      } else if ("symbol".equals(name)) {
        doc.symbol = scalar(p, value);
        p.skipChildren();
      } else if ("current_price".equals(name)) {
        doc.currentPrice = scalar(p, value);
        doc.currentPriceSeen = true;
        p.skipChildren();
      } else if ("last_trade_time".equals(name)) {
        doc.lastTradeTime = scalar(p, value);
        doc.lastTradeTimeSeen = true;
        p.skipChildren();
      } else {
        p.skipChildren();
      }
    }
  }

  private static void readOptions(JsonParser p, Document doc) throws IOException {
    doc.optionsSeen = true;
    int index = 0;
    JsonToken token;
    while ((token = p.nextToken()) != JsonToken.END_ARRAY) {
      if (token == null) {
        throw new JsonEOFException(p, null, "end of input inside data.options");
      }
      String location = "options[" + index + "]";
      if (token != JsonToken.START_OBJECT) {
        doc.diagnostics.add(
            new ContractDiagnostic(
                location,
                "option",
                describe(p, token),
                ContractDiagnostic.Reason.MALFORMED,
                "an element of data.options is not an object"));
        p.skipChildren();
      } else {
        Row row = new Row();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken value = p.nextToken();
          row.set(name, scalar(p, value));
          p.skipChildren();
        }
        doc.add(row, location);
      }
      index++;
    }
  }

  /** A scalar's text (numbers as written), null for JSON null, a marker for objects and arrays. */
  private static @Nullable String scalar(JsonParser p, @Nullable JsonToken token) throws IOException {
    if (token == null) {
      throw new JsonEOFException(p, null, "end of input");
    }
    return switch (token) {
      case VALUE_NULL -> null;
      case START_OBJECT -> "{object}";
      case START_ARRAY -> "[array]";
      default -> p.getText();
    };
  }

  private static String describe(JsonParser p, @Nullable JsonToken token) throws IOException {
    if (token == null) {
      return "missing";
    }
    String s = scalar(p, token);
    return s == null ? "null" : Fields.clip(s);
  }

  /** The fields of one option element that this source reads, as text. */
  private static final class Row {
    @Nullable String option;
    @Nullable String iv;
    @Nullable String openInterest;
    @Nullable String bid;
    @Nullable String ask;
    @Nullable String last;
    @Nullable String volume;
    @Nullable String delta;
    @Nullable String gamma;

    void set(String name, @Nullable String value) {
      switch (name) {
        case "option" -> option = value;
        case "iv" -> iv = value;
        case "open_interest" -> openInterest = value;
        case "bid" -> bid = value;
        case "ask" -> ask = value;
        case "last_trade_price" -> last = value;
        case "volume" -> volume = value;
        case "delta" -> delta = value;
        case "gamma" -> gamma = value;
        default -> {
          // a field this source does not read
        }
      }
    }

    OptionContract contract() {
      if (option == null) {
        throw new Fields.BadField("option", "null", "missing");
      }
      OccSymbol symbol;
      try {
        symbol = OccSymbol.parse(option);
      } catch (IllegalArgumentException e) {
        throw new Fields.BadField("option", option, String.valueOf(e.getMessage()));
      }
      OptionContract.Builder b =
          OptionContract.builder(symbol)
              .openInterest(Fields.count("open_interest", text(openInterest)).orElse(0))
              .impliedVolatility(Fields.impliedVolatility("iv", text(iv)));
      Fields.nonNegative("bid", text(bid)).ifPresent(b::bid);
      Fields.nonNegative("ask", text(ask)).ifPresent(b::ask);
      Fields.positiveOrAbsent("last_trade_price", text(last)).ifPresent(b::last);
      Fields.count("volume", text(volume)).ifPresent(b::volume);
      Fields.delta("delta", text(delta)).ifPresent(b::vendorDelta);
      Fields.nonNegative("gamma", text(gamma)).ifPresent(b::vendorGamma);
      return b.build();
    }

    private static String text(@Nullable String value) {
      return value == null ? "" : value;
    }
  }

  /** What has been read of the document so far. */
  private static final class Document {
    @Nullable String rootSymbol;
    @Nullable String symbol;
    @Nullable String currentPrice;
    boolean currentPriceSeen;
    @Nullable String lastTradeTime;
    boolean lastTradeTimeSeen;
    boolean optionsSeen;
    @Nullable String optionsProblem;
    final List<OptionContract> contracts = new ArrayList<>();
    final List<ContractDiagnostic> diagnostics = new ArrayList<>();

    void add(Row row, String index) {
      String location = row.option == null ? index : index + " " + Fields.clip(row.option);
      try {
        contracts.add(row.contract());
      } catch (Fields.BadField e) {
        diagnostics.add(e.diagnostic(location));
      } catch (IllegalArgumentException e) {
        diagnostics.add(
            new ContractDiagnostic(
                location, "option", String.valueOf(row.option), ContractDiagnostic.Reason.MALFORMED,
                String.valueOf(e.getMessage())));
      }
    }

    OptionChain chain(SourceRequest request, String origin) {
      if (!optionsSeen) {
        throw new ChainSourceException(
            origin
                + ": no 'data.options' array"
                + (optionsProblem == null ? "" : " (" + optionsProblem + ")")
                + "; not a CBOE delayed-quotes JSON");
      }
      OptionalDouble givenSpot = request.spot();
      double spot = givenSpot.isPresent() ? givenSpot.getAsDouble() : spot(origin);
      Instant valuation = valuation(request, origin);
      Requests.requireContracts(origin, "element of data.options", contracts, diagnostics);
      String underlying = underlying(request, origin);
      OptionChain.Builder chain = OptionChain.builder(underlying, spot, valuation);
      diagnostics.forEach(chain::diagnostic);
      contracts.forEach(chain::add);
      return chain.build();
    }

    private double spot(String origin) {
      if (!currentPriceSeen) {
        throw new ChainSourceException(
            origin + ": no 'data.current_price' (the spot); " + Requests.SPOT_HINT);
      }
      String text = currentPrice == null ? "null" : currentPrice;
      double spot;
      try {
        spot = Fields.number("data.current_price", text).orElse(Double.NaN);
      } catch (Fields.BadField e) {
        spot = Double.NaN;
      }
      if (!Fields.isSpot(spot)) {
        throw new ChainSourceException(
            origin + ": field 'data.current_price' has value '" + Fields.clip(text)
                + "', not a price in " + Fields.SPOT_RANGE);
      }
      return spot;
    }

    private Instant valuation(SourceRequest request, String origin) {
      if (request.valuationTime().isPresent()) {
        return request.valuationTime().get();
      }
      if (!lastTradeTimeSeen || lastTradeTime == null) {
        throw new ChainSourceException(
            origin + ": no 'data.last_trade_time'"
                + (lastTradeTimeSeen ? " (it is null)" : "")
                + "; give the valuation time with the request");
      }
      try {
        return Times.iso(lastTradeTime);
      } catch (IllegalArgumentException e) {
        throw new ChainSourceException(
            origin + ": field 'data.last_trade_time' has value '" + Fields.clip(lastTradeTime) + "': "
                + e.getMessage(),
            e);
      }
    }

    private String underlying(SourceRequest request, String origin) {
      Optional<String> parameter = request.underlying();
      if (parameter.isPresent()) {
        return parameter.get();
      }
      for (String candidate : new String[] {symbol, rootSymbol}) {
        if (candidate != null) {
          String s = Roots.stripIndexMarker(candidate);
          if (!s.isBlank()) {
            return s;
          }
        }
      }
      if (!contracts.isEmpty()) {
        return Roots.underlyingOf(contracts.get(0).root());
      }
      throw new ChainSourceException(
          origin + ": no underlying symbol: no 'data.symbol' and no readable contract; "
              + Requests.UNDERLYING_HINT);
    }
  }

  @Override
  public String toString() {
    return ID;
  }
}
