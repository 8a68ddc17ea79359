package io.gex.source;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.gex.ChainSourceException;
import io.gex.chain.ContractDiagnostic;
import io.gex.chain.OccSymbol;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.chain.OptionRight;
import io.gex.chain.SettlementStyle;
import io.gex.spi.OptionChainSource;
import io.gex.spi.SourceRequest;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * Reads a plain CSV with one contract per row ({@code csv}): the format for users' own data.
 *
 * <pre>
 * # underlying=SPX
 * # spot=3990.56
 * # valuation_time=2022-12-12T20:30:00-05:00
 * occ,open_interest,implied_volatility,bid,ask,last,volume,delta,gamma
 * SPXW221216C04000000,1520,0.2012,31.2,31.9,31.5,884,0.4821,0.0043
 * SPX221216P03900000,20314,0.2310,18.1,18.6,,120,-0.3120,0.0031
 * </pre>
 *
 * <p>Layout:
 *
 * <ul>
 *   <li>UTF-8, comma-separated, RFC 4180 quoting, an optional byte-order mark. Lines starting with {@code
 *       #} are comments; before the header, comments of the form {@code # key=value} set the chain's
 *       {@code underlying}, {@code spot} and {@code valuation_time}.
 *   <li>The first other line is the header. Column names are matched case-insensitively, with blanks and
 *       hyphens read as {@code _}, in any order; unknown columns are ignored.
 *   <li>A contract is identified either by {@code occ} (alias {@code symbol}, {@code option}: an OCC
 *       symbol such as {@code SPXW221216C04000000}) or by the four columns {@code root}, {@code expiry}
 *       ({@code yyyy-MM-dd}), {@code right} ({@code C}, {@code P}, {@code call}, {@code put}) and {@code
 *       strike}.
 *   <li>{@code open_interest} (alias {@code oi}) is required: a whole number of contracts.
 *   <li>Optional: {@code implied_volatility} (alias {@code iv}: a decimal, {@code 0.25}, or a percentage,
 *       {@code 25%}; empty or 0 means none), {@code bid}, {@code ask}, {@code last}, {@code volume}, {@code
 *       delta}, {@code gamma} (the vendor's greeks) and {@code settlement} ({@code AM} or {@code PM};
 *       default by root: AM for SPX, NDX, RUT, VIX monthlies, PM otherwise).
 *   <li>Numbers are read leniently: blanks, {@code -} and {@code N/A} mean absent, {@code 1,234} (quoted)
 *       and {@code 22.0} for a count are accepted.
 * </ul>
 *
 * <p>Chain values, first found wins: spot from the request ({@link SourceRequest#withSpot}, parameter
 * {@code spot}), then {@code # spot=}; valuation instant from the request's override, then the {@code
 * valuationTime} parameter, then {@code # valuation_time=} (ISO-8601: {@code 2022-12-13T01:30:00Z}, with an
 * offset, or local date-time read as America/New_York); underlying from the request ({@link
 * SourceRequest#withUnderlying}, parameter {@code underlying}), then {@code # underlying=}, then the first
 * contract's root (SPXW → SPX, NDXP → NDX, RUTW → RUT). A missing spot (the message says how to give it) or
 * valuation time, a missing header or a header without the required columns is a {@link
 * ChainSourceException}; a row that cannot be read is skipped with a {@link
 * ContractDiagnostic.Reason#MALFORMED MALFORMED} diagnostic naming its line, column and value, and a file
 * with no readable row at all is a {@link ChainSourceException} quoting the first three reasons.
 *
 * <p>The file (plain or gzip) is streamed record by record. This class is immutable and thread-safe.
 */
public final class CsvChainSource implements OptionChainSource {

  /** This source's id: {@value}. */
  public static final String ID = "csv";

  private static final Map<String, String> ALIASES =
      Map.of(
          "symbol", "occ",
          "option", "occ",
          "oi", "open_interest",
          "iv", "implied_volatility",
          "underlying_price", "spot_at_quote");

  /** Creates the source (for {@link java.util.ServiceLoader} and direct use). */
  public CsvChainSource() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "plain CSV, one contract per row (occ or root/expiry/right/strike, open_interest, ...)";
  }

  /**
   * Recognises a header (after any {@code #} comments) with an {@code open_interest} column and either an
   * {@code occ} column or a {@code strike} column.
   */
  @Override
  public boolean canRead(byte[] head) {
    String text = Fields.headText(head);
    for (String line : text.split("\r?\n", 64)) {
      String t = line.trim();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      List<String> names = new ArrayList<>();
      for (String name : t.split(",", -1)) {
        names.add(normalise(name.replace("\"", "")));
      }
      return names.contains("open_interest")
          && (names.contains("occ") || (names.contains("strike") && names.contains("right")));
    }
    return false;
  }

  /**
   * Reads a file in the format described above.
   *
   * @param request the file path; parameters {@code spot}, {@code underlying}, {@code valuationTime}
   * @throws ChainSourceException if the file cannot be read, has no header or lacks a required column, or
   *     the spot or valuation time is given nowhere or unreadable; the message names the line and value
   * @throws IllegalArgumentException if the {@code spot} or {@code valuationTime} parameter is invalid
   */
  @Override
  public OptionChain load(SourceRequest request) {
    Objects.requireNonNull(request, "request");
    Path file = request.path();
    try (CsvInput in = CsvInput.open(file, true)) {
      return read(in, request);
    }
  }

  private OptionChain read(CsvInput in, SourceRequest request) {
    Path file = in.file();
    Map<String, String> settings = new HashMap<>();
    Map<String, Long> settingLines = new HashMap<>();
    CsvRecord header = null;
    while (header == null) {
      CsvRecord record = in.next();
      if (record == null) {
        throw new ChainSourceException(
            file + ": no header line (expected e.g. 'occ,open_interest,implied_volatility')");
      }
      if (record.isComment()) {
        String comment = String.join(",", record.getFields()).trim();
        int eq = comment.indexOf('=');
        if (eq > 0) {
          String key = normalise(comment.substring(0, eq));
          settings.putIfAbsent(key, comment.substring(eq + 1).trim());
          settingLines.putIfAbsent(key, record.getStartingLineNumber());
        }
      } else {
        header = record;
      }
    }
    Columns columns = Columns.of(header, file);

    double spot = spot(request, settings, settingLines, file);
    Instant valuation = valuation(request, settings, settingLines, file);

    List<OptionContract> contracts = new ArrayList<>();
    List<ContractDiagnostic> diagnostics = new ArrayList<>();
    for (CsvRecord record = in.next(); record != null; record = in.next()) {
      if (record.isComment()) {
        continue;
      }
      if (record.getFieldCount() != columns.width) {
        diagnostics.add(
            new ContractDiagnostic(
                line(record),
                "row",
                CsvInput.text(record),
                ContractDiagnostic.Reason.MALFORMED,
                "expected " + columns.width + " fields like the header, found " + record.getFieldCount()));
        continue;
      }
      try {
        contracts.add(columns.read(record));
      } catch (Fields.BadField e) {
        diagnostics.add(e.diagnostic(line(record)));
      } catch (IllegalArgumentException e) {
        diagnostics.add(
            new ContractDiagnostic(
                line(record),
                "row",
                CsvInput.text(record),
                ContractDiagnostic.Reason.MALFORMED,
                String.valueOf(e.getMessage())));
      }
    }

    Requests.requireContracts(file.toString(), "row", contracts, diagnostics);
    String underlying = underlying(request, settings, contracts, file);
    OptionChain.Builder chain = OptionChain.builder(underlying, spot, valuation);
    diagnostics.forEach(chain::diagnostic);
    contracts.forEach(chain::add);
    return chain.build();
  }

  private static double spot(
      SourceRequest request, Map<String, String> settings, Map<String, Long> lines, Path file) {
    OptionalDouble given = request.spot();
    if (given.isPresent()) {
      double spot = given.getAsDouble();
      if (!Fields.isSpot(spot)) {
        throw new IllegalArgumentException(
            "parameter spot must be a price in " + Fields.SPOT_RANGE + ", was " + spot);
      }
      return spot;
    }
    String text = settings.get("spot");
    if (text == null) {
      throw new ChainSourceException(
          file
              + ": no spot (the underlying's price): "
              + Requests.SPOT_HINT
              + ", or write a '# spot=<price>' line before the header");
    }
    double spot = positive(text);
    if (!Fields.isSpot(spot)) {
      throw new ChainSourceException(
          file
              + " line "
              + lines.get("spot")
              + ": field 'spot' has value '"
              + Fields.clip(text)
              + "', not a price in "
              + Fields.SPOT_RANGE);
    }
    return spot;
  }

  /** The value as a number, or NaN. */
  private static double positive(String text) {
    try {
      OptionalDouble v = Fields.number("spot", text);
      return v.isPresent() ? v.getAsDouble() : Double.NaN;
    } catch (Fields.BadField e) {
      return Double.NaN;
    }
  }

  private static Instant valuation(
      SourceRequest request, Map<String, String> settings, Map<String, Long> lines, Path file) {
    if (request.valuationTime().isPresent()) {
      return request.valuationTime().get();
    }
    Optional<String> parameter = request.parameter("valuationTime");
    if (parameter.isPresent()) {
      try {
        return Times.iso(parameter.get());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "parameter valuationTime has value '" + parameter.get() + "': " + e.getMessage(), e);
      }
    }
    String text = settings.get("valuation_time");
    if (text == null) {
      throw new ChainSourceException(
          file
              + ": no valuation time: give it with the request or a '# valuation_time=<ISO-8601>' line"
              + " before the header");
    }
    try {
      return Times.iso(text);
    } catch (IllegalArgumentException e) {
      throw new ChainSourceException(
          file
              + " line "
              + lines.get("valuation_time")
              + ": field 'valuation_time' has value '"
              + Fields.clip(text)
              + "': "
              + e.getMessage(),
          e);
    }
  }

  private static String underlying(
      SourceRequest request, Map<String, String> settings, List<OptionContract> contracts, Path file) {
    Optional<String> parameter = request.underlying();
    if (parameter.isPresent()) {
      return parameter.get();
    }
    String setting = settings.get("underlying");
    if (setting != null && !setting.isBlank()) {
      return setting.trim();
    }
    if (!contracts.isEmpty()) {
      return Roots.underlyingOf(contracts.get(0).root());
    }
    throw new ChainSourceException(
        file + ": no contract rows after the header, and no underlying symbol to name an empty chain by: "
            + Requests.UNDERLYING_HINT + ", or write a '# underlying=' line");
  }

  /** Lower case, with blanks and hyphens as underscores, aliases resolved. */
  static String normalise(String name) {
    String n = name.trim().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    return ALIASES.getOrDefault(n, n);
  }

  /** Where the columns are, from the header. */
  private static final class Columns {
    final int width;
    final int occ;
    final int root;
    final int expiry;
    final int right;
    final int strike;
    final int openInterest;
    final int iv;
    final int bid;
    final int ask;
    final int last;
    final int volume;
    final int delta;
    final int gamma;
    final int settlement;
    final int spotAtQuote;

    private Columns(int width, Map<String, Integer> index) {
      this.width = width;
      this.occ = index.getOrDefault("occ", -1);
      this.root = index.getOrDefault("root", -1);
      this.expiry = index.getOrDefault("expiry", -1);
      this.right = index.getOrDefault("right", -1);
      this.strike = index.getOrDefault("strike", -1);
      this.openInterest = index.getOrDefault("open_interest", -1);
      this.iv = index.getOrDefault("implied_volatility", -1);
      this.bid = index.getOrDefault("bid", -1);
      this.ask = index.getOrDefault("ask", -1);
      this.last = index.getOrDefault("last", -1);
      this.volume = index.getOrDefault("volume", -1);
      this.delta = index.getOrDefault("delta", -1);
      this.gamma = index.getOrDefault("gamma", -1);
      this.settlement = index.getOrDefault("settlement", -1);
      this.spotAtQuote = index.getOrDefault("spot_at_quote", -1);
    }

    static Columns of(CsvRecord header, Path file) {
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < header.getFieldCount(); i++) {
        index.putIfAbsent(normalise(header.getField(i)), i);
      }
      Columns c = new Columns(header.getFieldCount(), index);
      boolean byParts = c.root >= 0 && c.expiry >= 0 && c.right >= 0 && c.strike >= 0;
      if (c.occ < 0 && !byParts) {
        throw missing(header, file, "'occ' (or all of 'root', 'expiry', 'right', 'strike')");
      }
      if (c.openInterest < 0) {
        throw missing(header, file, "'open_interest'");
      }
      return c;
    }

    private static ChainSourceException missing(CsvRecord header, Path file, String what) {
      return new ChainSourceException(
          file
              + " line "
              + header.getStartingLineNumber()
              + ": header has no column "
              + what
              + "; header was '"
              + CsvInput.text(header)
              + "'");
    }

    OptionContract read(CsvRecord r) {
      OptionContract.Builder b = OptionContract.builder(symbol(r));
      b.openInterest(Fields.count("open_interest", r.getField(openInterest)).orElse(0));
      if (iv >= 0) {
        b.impliedVolatility(Fields.impliedVolatility("implied_volatility", r.getField(iv)));
      }
      if (bid >= 0) {
        Fields.nonNegative("bid", r.getField(bid)).ifPresent(b::bid);
      }
      if (ask >= 0) {
        Fields.nonNegative("ask", r.getField(ask)).ifPresent(b::ask);
      }
      if (last >= 0) {
        Fields.positiveOrAbsent("last", r.getField(last)).ifPresent(b::last);
      }
      if (volume >= 0) {
        Fields.count("volume", r.getField(volume)).ifPresent(b::volume);
      }
      if (delta >= 0) {
        Fields.delta("delta", r.getField(delta)).ifPresent(b::vendorDelta);
      }
      if (gamma >= 0) {
        Fields.nonNegative("gamma", r.getField(gamma)).ifPresent(b::vendorGamma);
      }
      if (spotAtQuote >= 0) {
        Fields.positiveOrAbsent("spot_at_quote", r.getField(spotAtQuote)).ifPresent(b::spotAtQuote);
      }
      if (settlement >= 0) {
        SettlementStyle style = settlement(r.getField(settlement));
        if (style != null) {
          b.settlement(style);
        }
      }
      return b.build();
    }

    private OccSymbol symbol(CsvRecord r) {
      if (occ >= 0) {
        String text = r.getField(occ);
        try {
          return OccSymbol.parse(text);
        } catch (IllegalArgumentException e) {
          throw new Fields.BadField("occ", text, String.valueOf(e.getMessage()));
        }
      }
      String rootText = r.getField(root).trim().toUpperCase(Locale.ROOT);
      if (rootText.isEmpty()) {
        throw new Fields.BadField("root", r.getField(root), "missing");
      }
      LocalDate expiryDate;
      try {
        expiryDate = LocalDate.parse(r.getField(expiry).trim());
      } catch (DateTimeParseException e) {
        throw new Fields.BadField("expiry", r.getField(expiry), "expected yyyy-MM-dd");
      }
      OptionRight optionRight;
      try {
        optionRight = OptionRight.parse(r.getField(right));
      } catch (IllegalArgumentException e) {
        throw new Fields.BadField("right", r.getField(right), "expected C, P, call or put");
      }
      double strikeValue = Fields.requiredNumber("strike", r.getField(strike));
      try {
        return new OccSymbol(rootText, expiryDate, optionRight, strikeValue);
      } catch (IllegalArgumentException e) {
        throw new Fields.BadField("strike", r.getField(strike), String.valueOf(e.getMessage()));
      }
    }

    private static @Nullable SettlementStyle settlement(String text) {
      String t = text.trim().toUpperCase(Locale.ROOT);
      if (t.isEmpty()) {
        return null;
      }
      if (t.equals("AM") || t.equals("PM")) {
        return SettlementStyle.valueOf(t);
      }
      throw new Fields.BadField("settlement", text, "expected AM or PM");
    }
  }

  /** A diagnostic's location, built only when a row fails. */
  private static String line(CsvRecord record) {
    return "line " + record.getStartingLineNumber();
  }

  @Override
  public String toString() {
    return ID;
  }
}
