package io.gex.source;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.gex.ChainSourceException;
import io.gex.chain.ContractDiagnostic;
import io.gex.chain.OccSymbol;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.chain.OptionRight;
import io.gex.spi.OptionChainSource;
import io.gex.spi.SourceRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Reads CBOE's quote-table CSV ({@code cboe-csv}): the download of an index's whole chain with calls and
 * puts side by side.
 *
 * <pre>
 * ---Example Data---
 * Standard &amp; Poors 500 Index,Last: 3990.5601,Change:  56.1801
 * "Date: December 12, 2022 at 8:30 PM EST",Bid: 3962.01,Ask: 4016.6299,Size: 1*1,Volume: 0
 * Expiration Date,Calls,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest,Strike,Puts,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest
 * Mon Dec 12 2022,SPXW221212C01000000,2943.2,0.25,0,0,8,0,0,0,1,1000.00,SPXW221212P01000000,0,0,0,0,0,0,0,0,0
 * </pre>
 *
 * <ul>
 *   <li>Spot: the {@code Last:} field before the header (line 2). Valuation instant: the request's
 *       override, else the {@code Date:} field (line 3) read as America/New_York time (the printed {@code
 *       EST} is ignored).
 *   <li>Header: the first line starting with {@code Expiration Date}, within the first {@value
 *       #MAX_PREAMBLE_LINES} lines. Columns are found by name: the call side is the columns after {@code
 *       Calls}, the put side those after {@code Puts}; {@code IV} and {@code Open Interest} are required on
 *       both sides, {@code Last Sale}, {@code Bid}, {@code Ask}, {@code Volume}, {@code Delta}, {@code Gamma}
 *       are read when present.
 *   <li>Each row gives two contracts, identified by the OCC symbols in the {@code Calls} and {@code Puts}
 *       columns (so the root tells SPX from SPXW and the settlement style); the {@code Expiration Date}
 *       ({@code Mon Dec 12 2022}) and {@code Strike} columns must agree with the symbols. IV is a decimal
 *       ({@code 0.2544}); 0 means none, and such contracts are kept (the engine skips them with a
 *       diagnostic). A last sale of 0 means no trade. Expiries that had already settled at the snapshot time
 *       are kept too.
 *   <li>Underlying: the {@code underlying} parameter; else the first readable contract's root with the
 *       index weekly roots mapped back (SPXW → SPX, NDXP → NDX, RUTW → RUT, VIXW → VIX); else the index name
 *       on line 2 (S&amp;P 500 → SPX, NASDAQ 100 → NDX, Russell 2000 → RUT).
 *   <li>A row with a different number of fields than the header, or a side with an unreadable field, is
 *       skipped with a {@link ContractDiagnostic.Reason#MALFORMED MALFORMED} diagnostic located {@code line
 *       N} and naming the field (such as {@code Calls IV}) and its value. A missing header, {@code Last:}
 *       field or {@code Date:} field fails with a {@link ChainSourceException}.
 * </ul>
 *
 * <p>The request's spot ({@link SourceRequest#withSpot}) and underlying ({@link
 * SourceRequest#withUnderlying}) win over the file's. A file with no readable row is a {@link
 * ChainSourceException} quoting the first three reasons. The file (plain or gzip) is streamed record by
 * record. This class is immutable and thread-safe.
 */
public final class CboeCsvSource implements OptionChainSource {

  /** This source's id: {@value}. */
  public static final String ID = "cboe-csv";

  /** How many lines may precede the header: {@value}. */
  public static final int MAX_PREAMBLE_LINES = 20;

  private static final DateTimeFormatter EXPIRY =
      DateTimeFormatter.ofPattern("EEE MMM d yyyy", Locale.US);

  /** Creates the source (for {@link java.util.ServiceLoader} and direct use). */
  public CboeCsvSource() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "CBOE quote-table CSV (calls and puts side by side, 'Last:' and 'Date:' lines)";
  }

  /** Recognises the header line {@code Expiration Date,Calls,...,Puts,...} near the top. */
  @Override
  public boolean canRead(byte[] head) {
    String text = new String(head, StandardCharsets.ISO_8859_1);
    String[] lines = text.split("\r?\n", MAX_PREAMBLE_LINES + 2);
    for (int i = 0; i < Math.min(lines.length, MAX_PREAMBLE_LINES + 1); i++) {
      String line = lines[i].replace("\"", "");
      if (line.startsWith("\u00ef\u00bb\u00bf")) {
        line = line.substring(3);
      }
      if (line.startsWith("Expiration Date,") && line.contains(",Calls") && line.contains(",Puts")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Reads a quote-table CSV file.
   *
   * @param request the file path; the optional valuation instant replaces the {@code Date:} line
   * @throws ChainSourceException if the file cannot be read, has no header, no {@code Last:} spot, or no
   *     readable {@code Date:} line while no valuation instant is given; the message names the line and value
   */
  @Override
  public OptionChain load(SourceRequest request) {
    Objects.requireNonNull(request, "request");
    Path file = request.path();
    try (CsvInput in = CsvInput.open(file, false)) {
      return read(in, request);
    }
  }

  private OptionChain read(CsvInput in, SourceRequest request) {
    Path file = in.file();
    List<CsvRecord> preamble = new ArrayList<>();
    CsvRecord header = null;
    while (header == null) {
      CsvRecord record = in.next();
      if (record == null) {
        throw new ChainSourceException(
            file
                + ": no header line starting 'Expiration Date,Calls,...' (the file ends at line "
                + lastLine(preamble)
                + firstLineNote(preamble)
                + ")");
      }
      if (CsvInput.field(record, 0).trim().equalsIgnoreCase("Expiration Date")) {
        header = record;
      } else if (preamble.size() >= MAX_PREAMBLE_LINES) {
        throw new ChainSourceException(
            file
                + ": no header line starting 'Expiration Date,Calls,...' in the first "
                + MAX_PREAMBLE_LINES
                + " lines"
                + firstLineNote(preamble));
      } else {
        preamble.add(record);
      }
    }
    Layout layout = Layout.of(header, file);
    OptionalDouble givenSpot = request.spot();
    double spot = givenSpot.isPresent() ? givenSpot.getAsDouble() : spot(preamble, header, file);
    Instant valuation =
        request.valuationTime().isPresent()
            ? request.valuationTime().get()
            : valuationTime(preamble, header, file);

    List<OptionContract> contracts = new ArrayList<>();
    List<ContractDiagnostic> diagnostics = new ArrayList<>();
    Map<String, LocalDate> expiries = new HashMap<>();
    for (CsvRecord record = in.next(); record != null; record = in.next()) {
      readRow(record, layout, expiries, contracts, diagnostics);
    }

    Requests.requireContracts(file.toString(), "row", contracts, diagnostics);
    String underlying = underlying(request, contracts, preamble, file);
    OptionChain.Builder chain = OptionChain.builder(underlying, spot, valuation);
    diagnostics.forEach(chain::diagnostic);
    contracts.forEach(chain::add);
    return chain.build();
  }

  private static void readRow(
      CsvRecord record,
      Layout layout,
      Map<String, LocalDate> expiries,
      List<OptionContract> contracts,
      List<ContractDiagnostic> diagnostics) {
    if (record.getFieldCount() != layout.width) {
      diagnostics.add(
          new ContractDiagnostic(
              line(record),
              "row",
              CsvInput.text(record),
              ContractDiagnostic.Reason.MALFORMED,
              "expected "
                  + layout.width
                  + " fields like the header, found "
                  + record.getFieldCount()));
      return;
    }
    LocalDate expiry;
    double strike;
    try {
      String expiryText = record.getField(layout.expiry).trim();
      LocalDate cached = expiries.get(expiryText);
      if (cached == null) {
        try {
          cached = LocalDate.parse(expiryText, EXPIRY);
        } catch (DateTimeParseException e) {
          throw new Fields.BadField(
              "Expiration Date", expiryText, "expected a date such as 'Mon Dec 12 2022'");
        }
        expiries.put(expiryText, cached);
      }
      expiry = cached;
      strike = Fields.requiredNumber("Strike", record.getField(layout.strike));
    } catch (Fields.BadField e) {
      diagnostics.add(e.diagnostic(line(record)));
      return;
    }
    for (Side side : layout.sides) {
      try {
        contracts.add(
            side.read(
                record, expiry, record.getField(layout.expiry), strike, record.getField(layout.strike)));
      } catch (Fields.BadField e) {
        diagnostics.add(e.diagnostic(line(record)));
      } catch (IllegalArgumentException e) {
        // The contract's own validation; the pre-checks make this rare.
        diagnostics.add(
            new ContractDiagnostic(
                line(record),
                side.name,
                CsvInput.text(record),
                ContractDiagnostic.Reason.MALFORMED,
                String.valueOf(e.getMessage())));
      }
    }
  }

  private static double spot(List<CsvRecord> preamble, CsvRecord header, Path file) {
    for (CsvRecord record : preamble) {
      for (String field : record.getFields()) {
        String f = field.trim();
        if (f.startsWith("Last:")) {
          String value = f.substring("Last:".length()).trim();
          OptionalDouble spot;
          try {
            spot = Fields.number("Last", value);
          } catch (Fields.BadField e) {
            spot = OptionalDouble.empty();
          }
          if (spot.isEmpty() || !Fields.isSpot(spot.getAsDouble())) {
            throw new ChainSourceException(
                file
                    + " line "
                    + record.getStartingLineNumber()
                    + ": field 'Last' (the spot) has value '"
                    + Fields.clip(value)
                    + "', not a price in "
                    + Fields.SPOT_RANGE);
          }
          return spot.getAsDouble();
        }
      }
    }
    throw new ChainSourceException(
        file
            + ": no spot: expected a 'Last: <price>' field on line 2, before the header on line "
            + header.getStartingLineNumber()
            + lineNote(preamble, 2)
            + "; or "
            + Requests.SPOT_HINT);
  }

  private static Instant valuationTime(List<CsvRecord> preamble, CsvRecord header, Path file) {
    for (CsvRecord record : preamble) {
      for (String field : record.getFields()) {
        if (field.trim().startsWith("Date:")) {
          try {
            return Times.cboeDateLine(field);
          } catch (IllegalArgumentException e) {
            throw new ChainSourceException(
                file
                    + " line "
                    + record.getStartingLineNumber()
                    + ": field 'Date' has value '"
                    + Fields.clip(field.trim())
                    + "': "
                    + e.getMessage(),
                e);
          }
        }
      }
    }
    throw new ChainSourceException(
        file
            + ": no valuation time: expected a 'Date: <Month D, YYYY> at <h:mm AM/PM> EST' field on line 3,"
            + " before the header on line "
            + header.getStartingLineNumber()
            + lineNote(preamble, 3)
            + "; or give the valuation time with the request");
  }

  private static String underlying(
      SourceRequest request, List<OptionContract> contracts, List<CsvRecord> preamble, Path file) {
    var given = request.underlying();
    if (given.isPresent()) {
      return given.get();
    }
    if (!contracts.isEmpty()) {
      return Roots.underlyingOf(contracts.get(0).root());
    }
    for (CsvRecord record : preamble) {
      var named = Roots.fromIndexName(CsvInput.field(record, 0));
      if (named.isPresent()) {
        return named.get();
      }
    }
    throw new ChainSourceException(
        file + ": cannot tell the underlying: no readable contract and no known index name on line 2"
            + lineNote(preamble, 2) + "; " + Requests.UNDERLYING_HINT);
  }

  private static long lastLine(List<CsvRecord> records) {
    return records.isEmpty() ? 0 : records.get(records.size() - 1).getStartingLineNumber();
  }

  private static String firstLineNote(List<CsvRecord> preamble) {
    return preamble.isEmpty() ? "" : "; line 1 was '" + CsvInput.text(preamble.get(0)) + "'";
  }

  private static String lineNote(List<CsvRecord> preamble, long line) {
    for (CsvRecord record : preamble) {
      if (record.getStartingLineNumber() == line) {
        return "; line " + line + " was '" + CsvInput.text(record) + "'";
      }
    }
    return "";
  }

  /** Where the columns are, from the header. */
  private static final class Layout {
    final int width;
    final int expiry;
    final int strike;
    final List<Side> sides;

    private Layout(int width, int expiry, int strike, List<Side> sides) {
      this.width = width;
      this.expiry = expiry;
      this.strike = strike;
      this.sides = sides;
    }

    static Layout of(CsvRecord header, Path file) {
      List<String> names = new ArrayList<>();
      for (String f : header.getFields()) {
        names.add(f.trim());
      }
      int expiry = require(names, "Expiration Date", header, file);
      int calls = require(names, "Calls", header, file);
      int strike = require(names, "Strike", header, file);
      int puts = require(names, "Puts", header, file);
      int[] markers = {expiry, calls, strike, puts};
      Side call = Side.of("Calls", OptionRight.CALL, calls, names, markers, header, file);
      Side put = Side.of("Puts", OptionRight.PUT, puts, names, markers, header, file);
      return new Layout(names.size(), expiry, strike, List.of(call, put));
    }

    static int require(List<String> names, String name, CsvRecord header, Path file) {
      int i = indexOf(names, name, 0, names.size());
      if (i < 0) {
        throw new ChainSourceException(
            file
                + " line "
                + header.getStartingLineNumber()
                + ": header has no column '"
                + name
                + "'; header was '"
                + CsvInput.text(header)
                + "'");
      }
      return i;
    }

    static int indexOf(List<String> names, String name, int from, int to) {
      for (int i = from; i < to; i++) {
        if (names.get(i).equalsIgnoreCase(name)) {
          return i;
        }
      }
      return -1;
    }
  }

  /** The columns of one side (calls or puts) of the table. */
  private static final class Side {
    final String name;
    final OptionRight right;
    final int symbol;
    final int iv;
    final int openInterest;
    final int last;
    final int bid;
    final int ask;
    final int volume;
    final int delta;
    final int gamma;
    final String ivField;
    final String oiField;

    private Side(String name, OptionRight right, int symbol, int[] columns) {
      this.name = name;
      this.right = right;
      this.symbol = symbol;
      this.iv = columns[0];
      this.openInterest = columns[1];
      this.last = columns[2];
      this.bid = columns[3];
      this.ask = columns[4];
      this.volume = columns[5];
      this.delta = columns[6];
      this.gamma = columns[7];
      this.ivField = name + " IV";
      this.oiField = name + " Open Interest";
    }

    static Side of(
        String name,
        OptionRight right,
        int symbol,
        List<String> names,
        int[] markers,
        CsvRecord header,
        Path file) {
      int end = names.size();
      for (int m : markers) {
        if (m > symbol && m < end) {
          end = m;
        }
      }
      String[] wanted = {"IV", "Open Interest", "Last Sale", "Bid", "Ask", "Volume", "Delta", "Gamma"};
      int[] columns = new int[wanted.length];
      for (int i = 0; i < wanted.length; i++) {
        columns[i] = Layout.indexOf(names, wanted[i], symbol + 1, end);
        if (columns[i] < 0 && i < 2) {
          throw new ChainSourceException(
              file
                  + " line "
                  + header.getStartingLineNumber()
                  + ": header has no '"
                  + wanted[i]
                  + "' column for the "
                  + name
                  + "; header was '"
                  + CsvInput.text(header)
                  + "'");
        }
      }
      return new Side(name, right, symbol, columns);
    }

    OptionContract read(
        CsvRecord record, LocalDate expiry, String expiryText, double strike, String strikeText) {
      String symbolText = record.getField(symbol);
      OccSymbol occ;
      try {
        occ = OccSymbol.parse(symbolText);
      } catch (IllegalArgumentException e) {
        throw new Fields.BadField(name, symbolText, String.valueOf(e.getMessage()));
      }
      if (occ.right() != right) {
        throw new Fields.BadField(name, symbolText, "not a " + right.name().toLowerCase(Locale.ROOT));
      }
      if (!occ.expiry().equals(expiry)) {
        throw new Fields.BadField(
            "Expiration Date", expiryText, "differs from the symbol " + symbolText.trim());
      }
      if (Math.abs(occ.strike() - strike) > 1e-6) {
        throw new Fields.BadField("Strike", strikeText, "differs from the symbol " + symbolText.trim());
      }
      OptionContract.Builder b =
          OptionContract.builder(occ)
              .openInterest(Fields.count(oiField, record.getField(openInterest)).orElse(0))
              .impliedVolatility(Fields.impliedVolatility(ivField, record.getField(iv)));
      optional(record, last, "Last Sale", true).ifPresent(b::last);
      optional(record, bid, "Bid", false).ifPresent(b::bid);
      optional(record, ask, "Ask", false).ifPresent(b::ask);
      if (volume >= 0) {
        OptionalLong v = Fields.count(name + " Volume", record.getField(volume));
        v.ifPresent(b::volume);
      }
      if (delta >= 0) {
        Fields.delta(name + " Delta", record.getField(delta)).ifPresent(b::vendorDelta);
      }
      if (gamma >= 0) {
        Fields.nonNegative(name + " Gamma", record.getField(gamma)).ifPresent(b::vendorGamma);
      }
      return b.build();
    }

    private OptionalDouble optional(CsvRecord record, int column, String field, boolean zeroIsNone) {
      if (column < 0) {
        return OptionalDouble.empty();
      }
      String f = name + " " + field;
      return zeroIsNone
          ? Fields.positiveOrAbsent(f, record.getField(column))
          : Fields.nonNegative(f, record.getField(column));
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
