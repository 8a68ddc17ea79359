package io.gex.source;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.gex.ChainSourceException;
import io.gex.chain.ContractDiagnostic;
import io.gex.chain.OccSymbol;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.spi.OptionChainSource;
import io.gex.spi.SourceRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a Yahoo Finance option chain as yfinance's {@code Ticker.option_chain(date).calls} or {@code .puts}
 * DataFrame is written by {@code DataFrame.to_csv} ({@code yahoo-csv}); calls and puts may be in one file.
 *
 * <pre>
 * ,contractSymbol,lastTradeDate,strike,lastPrice,bid,ask,change,percentChange,volume,openInterest,impliedVolatility,inTheMoney,contractSize,currency
 * 0,AAPL231215C00190000,2023-12-08 20:59:58+00:00,190.0,6.05,6.0,6.1,0.85,16.35,18211.0,40211,0.2012,True,REGULAR,USD
 * </pre>
 *
 * <ul>
 *   <li>Columns are found by name (case-insensitive, any order; pandas' unnamed index column and unknown
 *       columns are ignored). {@code contractSymbol} (an OCC symbol: it gives the root, expiry, right and
 *       strike) and {@code openInterest} are required; {@code impliedVolatility} (a decimal, {@code 0.2012}
 *       for 20.12%), {@code bid}, {@code ask}, {@code lastPrice}, {@code volume}, {@code lastTradeDate} and
 *       {@code strike} (checked against the symbol) are read when present. Empty cells and {@code NaN} mean
 *       absent; an absent open interest is 0; counts written as floats ({@code 18211.0}) are accepted.
 *       {@code change}, {@code percentChange}, {@code inTheMoney}, {@code contractSize} and {@code currency}
 *       are not used.
 *   <li>Spot: the file has none, so it comes from the request ({@link SourceRequest#withSpot}, parameter
 *       {@code spot}; {@code --spot} on the command line); without it, loading fails saying so.
 *   <li>Underlying: the request's ({@link SourceRequest#withUnderlying}), else the first contract's root with
 *       index weekly roots mapped back (SPXW → SPX).
 *   <li>Valuation instant: the request's override, else the {@code valuationTime} parameter (ISO-8601), else
 *       the latest {@code lastTradeDate} in the file (a time without an offset is read as UTC, as yfinance
 *       converts Yahoo's epoch seconds).
 *   <li>A row that cannot be read is skipped with a {@link ContractDiagnostic.Reason#MALFORMED MALFORMED}
 *       diagnostic naming its line, field and value; a file with no readable row is a {@link
 *       ChainSourceException} quoting the first three reasons.
 * </ul>
 *
 * <p>The file (plain or gzip) is streamed record by record. This class is immutable and thread-safe.
 */
public final class YahooCsvSource implements OptionChainSource {

  /** This source's id: {@value}. */
  public static final String ID = "yahoo-csv";

  private static final Pattern NAIVE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?");

  /** Creates the source (for {@link java.util.ServiceLoader} and direct use). */
  public YahooCsvSource() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "Yahoo Finance option chain CSV (yfinance option_chain: contractSymbol, openInterest, ...)";
  }

  /**
   * Recognises a first line naming the columns {@code contractSymbol}, {@code strike}, {@code openInterest}
   * and {@code impliedVolatility}.
   */
  @Override
  public boolean canRead(byte[] head) {
    String text = Fields.headText(head);
    String first = text.strip().split("\r?\n", 2)[0];
    List<String> names = new ArrayList<>();
    for (String name : first.split(",", -1)) {
      names.add(name.replace("\"", "").trim().toLowerCase(Locale.ROOT));
    }
    return names.contains("contractsymbol")
        && names.contains("strike")
        && names.contains("openinterest")
        && names.contains("impliedvolatility");
  }

  /**
   * Reads a file in the layout described above.
   *
   * @param request the file path; the spot (required), and optionally the underlying and valuation time
   * @throws ChainSourceException if the file cannot be read, lacks a required column, no spot is given, no
   *     valuation time is given or found, or no row can be read
   * @throws IllegalArgumentException if the {@code spot} or {@code valuationTime} parameter is invalid
   */
  @Override
  public OptionChain load(SourceRequest request) {
    Objects.requireNonNull(request, "request");
    Path file = request.path();
    OptionalDouble spot = request.spot();
    Optional<Instant> given = givenValuation(request);
    try (CsvInput in = CsvInput.open(file, false)) {
      CsvRecord header = in.next();
      if (header == null) {
        throw new ChainSourceException(file + ": no header line");
      }
      Columns columns = Columns.of(header, file);
      if (spot.isEmpty()) {
        throw new ChainSourceException(
            file + ": no spot: a Yahoo option-chain CSV does not carry the underlying's price; "
                + Requests.SPOT_HINT);
      }
      List<OptionContract> contracts = new ArrayList<>();
      List<ContractDiagnostic> diagnostics = new ArrayList<>();
      Instant latest = null;
      for (CsvRecord record = in.next(); record != null; record = in.next()) {
        String line = "line " + record.getStartingLineNumber();
        if (record.getFieldCount() != columns.width) {
          diagnostics.add(
              new ContractDiagnostic(line, "row", CsvInput.text(record), ContractDiagnostic.Reason.MALFORMED,
                  "expected " + columns.width + " fields like the header, found " + record.getFieldCount()));
          continue;
        }
        try {
          Instant traded = given.isPresent() ? null : columns.lastTrade(record);
          contracts.add(columns.read(record));
          if (traded != null && (latest == null || traded.isAfter(latest))) {
            latest = traded;
          }
        } catch (Fields.BadField e) {
          diagnostics.add(e.diagnostic(line));
        } catch (IllegalArgumentException e) {
          diagnostics.add(
              new ContractDiagnostic(line, "row", CsvInput.text(record), ContractDiagnostic.Reason.MALFORMED,
                  String.valueOf(e.getMessage())));
        }
      }
      Requests.requireContracts(file.toString(), "row", contracts, diagnostics);
      Instant valuation = given.orElse(latest);
      if (valuation == null) {
        throw new ChainSourceException(
            file + ": no valuation time: no row has a lastTradeDate; give it with the request"
                + " (SourceRequest.withValuationTime or the 'valuationTime' option)");
      }
      Optional<String> givenUnderlying = request.underlying();
      if (givenUnderlying.isEmpty() && contracts.isEmpty()) {
        throw new ChainSourceException(
            file + ": no contract rows after the header, and no underlying symbol to name an empty chain by: "
                + Requests.UNDERLYING_HINT);
      }
      String underlying =
          givenUnderlying.orElseGet(() -> Roots.underlyingOf(contracts.get(0).root()));
      OptionChain.Builder chain = OptionChain.builder(underlying, spot.getAsDouble(), valuation);
      diagnostics.forEach(chain::diagnostic);
      contracts.forEach(chain::add);
      return chain.build();
    }
  }

  private static Optional<Instant> givenValuation(SourceRequest request) {
    if (request.valuationTime().isPresent()) {
      return request.valuationTime();
    }
    Optional<String> parameter = request.parameter("valuationTime");
    if (parameter.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Times.iso(parameter.get()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "parameter valuationTime has value '" + parameter.get() + "': " + e.getMessage(), e);
    }
  }

  /** A lastTradeDate as yfinance writes it: with an offset, or naive UTC. */
  static Instant tradeTime(String text) {
    String t = text.trim();
    if (t.length() > 10 && t.charAt(10) == ' ') {
      t = t.substring(0, 10) + 'T' + t.substring(11).trim();
    }
    if (NAIVE.matcher(t).matches()) {
      try {
        return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("not a valid date and time", e);
      }
    }
    return Times.iso(t);
  }

  /** Where the columns are, from the header. */
  private static final class Columns {
    final int width;
    final int symbol;
    final int openInterest;
    final int iv;
    final int bid;
    final int ask;
    final int last;
    final int volume;
    final int lastTrade;
    final int strike;

    private Columns(int width, Map<String, Integer> index) {
      this.width = width;
      this.symbol = index.getOrDefault("contractsymbol", -1);
      this.openInterest = index.getOrDefault("openinterest", -1);
      this.iv = index.getOrDefault("impliedvolatility", -1);
      this.bid = index.getOrDefault("bid", -1);
      this.ask = index.getOrDefault("ask", -1);
      this.last = index.getOrDefault("lastprice", -1);
      this.volume = index.getOrDefault("volume", -1);
      this.lastTrade = index.getOrDefault("lasttradedate", -1);
      this.strike = index.getOrDefault("strike", -1);
    }

    static Columns of(CsvRecord header, Path file) {
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < header.getFieldCount(); i++) {
        index.putIfAbsent(header.getField(i).trim().toLowerCase(Locale.ROOT), i);
      }
      Columns c = new Columns(header.getFieldCount(), index);
      for (String required : new String[] {"contractSymbol", "openInterest"}) {
        if (!index.containsKey(required.toLowerCase(Locale.ROOT))) {
          throw new ChainSourceException(
              file + " line " + header.getStartingLineNumber() + ": header has no column '" + required
                  + "'; header was '" + CsvInput.text(header) + "'");
        }
      }
      return c;
    }

    @Nullable Instant lastTrade(CsvRecord r) {
      if (lastTrade < 0 || Fields.isAbsent(r.getField(lastTrade))) {
        return null;
      }
      try {
        return tradeTime(r.getField(lastTrade));
      } catch (IllegalArgumentException e) {
        throw new Fields.BadField(
            "lastTradeDate", r.getField(lastTrade), "expected a date-time such as 2023-12-08 20:59:58+00:00");
      }
    }

    OptionContract read(CsvRecord r) {
      String text = r.getField(symbol);
      OccSymbol occ;
      try {
        occ = OccSymbol.parse(text);
      } catch (IllegalArgumentException e) {
        throw new Fields.BadField("contractSymbol", text, String.valueOf(e.getMessage()));
      }
      if (strike >= 0) {
        OptionalDouble k = Fields.number("strike", r.getField(strike));
        if (k.isPresent() && Math.abs(k.getAsDouble() - occ.strike()) > 1e-6) {
          throw new Fields.BadField("strike", r.getField(strike), "differs from the symbol " + text.trim());
        }
      }
      OptionContract.Builder b =
          OptionContract.builder(occ)
              .openInterest(Fields.count("openInterest", r.getField(openInterest)).orElse(0));
      if (iv >= 0) {
        b.impliedVolatility(Fields.impliedVolatility("impliedVolatility", r.getField(iv)));
      }
      if (bid >= 0) {
        Fields.nonNegative("bid", r.getField(bid)).ifPresent(b::bid);
      }
      if (ask >= 0) {
        Fields.nonNegative("ask", r.getField(ask)).ifPresent(b::ask);
      }
      if (last >= 0) {
        Fields.positiveOrAbsent("lastPrice", r.getField(last)).ifPresent(b::last);
      }
      if (volume >= 0) {
        Fields.count("volume", r.getField(volume)).ifPresent(b::volume);
      }
      return b.build();
    }
  }

  @Override
  public String toString() {
    return ID;
  }
}
