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
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads OptionsDX end-of-day CSV ({@code optionsdx-csv}): one row per quote date, expiry and strike, with the
 * call's and the put's fields side by side.
 *
 * <pre>
 * [QUOTE_UNIXTIME], [QUOTE_READTIME], [QUOTE_DATE], [QUOTE_TIME_HOURS], [UNDERLYING_LAST], [EXPIRE_DATE], [EXPIRE_UNIX], [DTE], [C_DELTA], [C_GAMMA], ..., [C_IV], [C_VOLUME], [C_LAST], [C_SIZE], [C_BID], [C_ASK], [STRIKE], [P_BID], [P_ASK], [P_SIZE], [P_LAST], [P_DELTA], [P_GAMMA], ..., [P_IV], [P_VOLUME], [STRIKE_DISTANCE], [STRIKE_DISTANCE_PCT]
 * 1670878800, 2022-12-12 16:00, 2022-12-12, 16.000000, 3990.560000, 2022-12-16, 1671224400, 4.000000, 0.482100, 0.004300, ...
 * </pre>
 *
 * <ul>
 *   <li>Columns are found by name, brackets and blanks around them ignored. {@code QUOTE_DATE}, {@code
 *       UNDERLYING_LAST}, {@code EXPIRE_DATE} and {@code STRIKE} are required; per side ({@code C_}, {@code
 *       P_}) {@code IV} (a decimal), {@code BID}, {@code ASK}, {@code LAST}, {@code VOLUME}, {@code DELTA}
 *       and {@code GAMMA} are read when present; the other columns are not used.
 *   <li><b>Open interest.</b> OptionsDX's end-of-day files have no open-interest column, and gamma exposure
 *       weighs every contract by its open interest, so a file without one is refused with a {@link
 *       ChainSourceException} that says so: volume is not a stand-in (it counts the day's trades, opened or
 *       closed, not the contracts outstanding). Columns {@code C_OPEN_INTEREST}/{@code P_OPEN_INTEREST}
 *       (or {@code C_OI}/{@code P_OI}), if a file has them (say, merged in from another vendor), are read.
 *       With the parameter {@value #MISSING_OPEN_INTEREST}{@code =zero} a file without them is read with
 *       open interest 0 for every contract: quotes, volatilities and greeks are kept, and every exposure is
 *       0.
 *   <li>Quote date: a file often holds a month of days; the chain is that of the {@code quoteDate}
 *       parameter ({@code yyyy-MM-dd}), else of the latest quote date in the file. Only that day's rows are
 *       kept in memory.
 *   <li>Spot: the request's ({@link SourceRequest#withSpot}), else {@code UNDERLYING_LAST} of the day's first
 *       row. Valuation instant: the request's override, else {@code QUOTE_UNIXTIME} (epoch seconds), else
 *       {@code QUOTE_READTIME} ({@code 2022-12-12 16:00}, New York), else 16:00 New York on the quote date.
 *   <li>Underlying: the file does not name it. The request's ({@link SourceRequest#withUnderlying}), else
 *       the prefix of OptionsDX's file name ({@code spx_eod_202212.txt} → SPX); otherwise loading fails
 *       saying how to give it.
 *   <li>Roots: the underlying, except that for SPX, NDX and RUT an expiry that is not the month's third
 *       Friday gets the weekly, PM-settled root (SPXW, NDXP, RUTW). OptionsDX does not tell the AM monthly
 *       from the PM weekly of a third Friday; both are read as the AM monthly, and the second row of the
 *       same contract is a {@link ContractDiagnostic.Reason#DUPLICATE DUPLICATE}.
 *   <li>A row or side that cannot be read is skipped with a {@link ContractDiagnostic.Reason#MALFORMED
 *       MALFORMED} diagnostic naming its line and field (such as {@code C_IV}); a day with no readable row
 *       is a {@link ChainSourceException} quoting the first three reasons.
 * </ul>
 *
 * <p>The file (plain or gzip) is streamed record by record. This class is immutable and thread-safe.
 */
public final class OptionsDxSource implements OptionChainSource {

  /** This source's id: {@value}. */
  public static final String ID = "optionsdx-csv";

  /** The parameter that accepts a file without open interest: {@value}; its one value is {@code zero}. */
  public static final String MISSING_OPEN_INTEREST = "missingOpenInterest";

  /** The parameter that chooses the quote date ({@code yyyy-MM-dd}): {@value}. */
  public static final String QUOTE_DATE = "quoteDate";

  private static final Pattern FILE_NAME = Pattern.compile("(?i)([a-z][a-z0-9]{0,5})_eod[_.].*");

  /** Creates the source (for {@link java.util.ServiceLoader} and direct use). */
  public OptionsDxSource() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "OptionsDX end-of-day CSV ([QUOTE_DATE], [UNDERLYING_LAST], [C_IV], [STRIKE], [P_IV], ...)";
  }

  /** Recognises a first line naming {@code [QUOTE_DATE]}, {@code [UNDERLYING_LAST]} and {@code [STRIKE]}. */
  @Override
  public boolean canRead(byte[] head) {
    String text = Fields.headText(head);
    String first = text.strip().split("\r?\n", 2)[0].toUpperCase(Locale.ROOT);
    return first.contains("[QUOTE_DATE]")
        && first.contains("[UNDERLYING_LAST]")
        && first.contains("[STRIKE]");
  }

  /**
   * Reads one quote date of a file in the layout described above.
   *
   * @param request the file path; parameters {@code underlying}, {@code spot}, {@value #QUOTE_DATE}, {@value
   *     #MISSING_OPEN_INTEREST}
   * @throws ChainSourceException if the file cannot be read, lacks a required column or open interest (and
   *     the parameter does not accept that), the underlying is given nowhere, the quote date is not in the
   *     file, or no row of the day can be read
   * @throws IllegalArgumentException if a parameter is invalid (named with its value)
   */
  @Override
  public OptionChain load(SourceRequest request) {
    Objects.requireNonNull(request, "request");
    Path file = request.path();
    OptionalDouble givenSpot = request.spot();
    LocalDate wanted = quoteDate(request);
    boolean zeroOpenInterest = zeroOpenInterest(request);
    String underlying = underlying(request, file);
    try (CsvInput in = CsvInput.open(file, false)) {
      CsvRecord header = in.next();
      if (header == null) {
        throw new ChainSourceException(file + ": no header line");
      }
      Layout layout = Layout.of(header, file, zeroOpenInterest);
      Day day = new Day(underlying, layout);
      List<ContractDiagnostic> undated = new ArrayList<>();
      TreeSet<LocalDate> dates = new TreeSet<>();
      Map<String, LocalDate> parsed = new HashMap<>();
      for (CsvRecord record = in.next(); record != null; record = in.next()) {
        if (record.getFieldCount() != layout.width) {
          undated.add(
              new ContractDiagnostic(line(record), "row", CsvInput.text(record),
                  ContractDiagnostic.Reason.MALFORMED,
                  "expected " + layout.width + " fields like the header, found " + record.getFieldCount()));
          continue;
        }
        String dateText = record.getField(layout.quoteDate).trim();
        LocalDate date = parsed.get(dateText);
        if (date == null) {
          try {
            date = LocalDate.parse(dateText);
          } catch (DateTimeParseException e) {
            undated.add(
                new Fields.BadField("QUOTE_DATE", dateText, "expected yyyy-MM-dd").diagnostic(line(record)));
            continue;
          }
          parsed.put(dateText, date);
        }
        dates.add(date);
        if (wanted != null ? !date.equals(wanted) : day.date != null && date.isBefore(day.date)) {
          continue;
        }
        if (!date.equals(day.date)) {
          day.start(date);
        }
        day.read(record);
      }
      if (day.date == null) {
        if (wanted != null && !dates.isEmpty()) {
          throw new ChainSourceException(
              file + ": no rows for the quote date " + wanted + " (parameter " + QUOTE_DATE + "); the file has "
                  + dates.size() + " date(s), " + dates.first() + " to " + dates.last());
        }
        Requests.requireContracts(file.toString(), "row", day.contracts, undated);
        throw new ChainSourceException(file + ": no contract rows after the header");
      }
      List<ContractDiagnostic> diagnostics = new ArrayList<>(undated);
      diagnostics.addAll(day.diagnostics);
      Requests.requireContracts(
          file + " (quote date " + day.date + ")", "row", day.contracts, diagnostics);
      double spot = givenSpot.isPresent() ? givenSpot.getAsDouble() : day.spot(file);
      Instant valuation = request.valuationTime().orElseGet(day::valuation);
      OptionChain.Builder chain = OptionChain.builder(underlying, spot, valuation);
      diagnostics.forEach(chain::diagnostic);
      day.contracts.forEach(chain::add);
      return chain.build();
    }
  }

  private static @Nullable LocalDate quoteDate(SourceRequest request) {
    Optional<String> text = request.parameter(QUOTE_DATE);
    if (text.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(text.get().trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "parameter " + QUOTE_DATE + " must be a date such as 2022-12-12, was '" + text.get() + "'", e);
    }
  }

  private static boolean zeroOpenInterest(SourceRequest request) {
    Optional<String> text = request.parameter(MISSING_OPEN_INTEREST);
    if (text.isEmpty()) {
      return false;
    }
    if (!text.get().trim().equalsIgnoreCase("zero")) {
      throw new IllegalArgumentException(
          "parameter " + MISSING_OPEN_INTEREST + " accepts only 'zero', was '" + text.get() + "'");
    }
    return true;
  }

  private static String underlying(SourceRequest request, Path file) {
    Optional<String> given = request.underlying();
    if (given.isPresent()) {
      return given.get();
    }
    Path name = file.getFileName();
    Matcher m = FILE_NAME.matcher(name == null ? "" : name.toString());
    if (m.matches()) {
      return m.group(1).toUpperCase(Locale.ROOT);
    }
    throw new ChainSourceException(
        file + ": no underlying symbol: OptionsDX files do not name it and the file name is not like"
            + " 'spx_eod_202212.txt'; " + Requests.UNDERLYING_HINT);
  }

  /** A field without the blank OptionsDX writes after each comma. */
  private static String field(CsvRecord record, int index) {
    return record.getField(index).trim();
  }

  /** A diagnostic's location, built only when a row fails. */
  private static String line(CsvRecord record) {
    return "line " + record.getStartingLineNumber();
  }

  /** Where the columns are, from the header. */
  private static final class Layout {
    final int width;
    final int quoteDate;
    final int unixTime;
    final int readTime;
    final int underlyingLast;
    final int expiry;
    final int strike;
    final List<Side> sides;

    private Layout(int width, Map<String, Integer> index, List<Side> sides) {
      this.width = width;
      this.quoteDate = index.getOrDefault("QUOTE_DATE", -1);
      this.unixTime = index.getOrDefault("QUOTE_UNIXTIME", -1);
      this.readTime = index.getOrDefault("QUOTE_READTIME", -1);
      this.underlyingLast = index.getOrDefault("UNDERLYING_LAST", -1);
      this.expiry = index.getOrDefault("EXPIRE_DATE", -1);
      this.strike = index.getOrDefault("STRIKE", -1);
      this.sides = sides;
    }

    static Layout of(CsvRecord header, Path file, boolean zeroOpenInterest) {
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < header.getFieldCount(); i++) {
        String name = header.getField(i).trim();
        if (name.startsWith("[") && name.endsWith("]")) {
          name = name.substring(1, name.length() - 1).trim();
        }
        index.putIfAbsent(name.toUpperCase(Locale.ROOT), i);
      }
      for (String required : new String[] {"QUOTE_DATE", "UNDERLYING_LAST", "EXPIRE_DATE", "STRIKE"}) {
        if (!index.containsKey(required)) {
          throw new ChainSourceException(
              file + " line " + header.getStartingLineNumber() + ": header has no column '[" + required
                  + "]'; header was '" + CsvInput.text(header) + "'");
        }
      }
      Side call = Side.of("C_", OptionRight.CALL, index);
      Side put = Side.of("P_", OptionRight.PUT, index);
      if ((call.openInterest < 0 || put.openInterest < 0) && !zeroOpenInterest) {
        throw new ChainSourceException(
            file + ": OptionsDX end-of-day data has no open interest (no [C_OPEN_INTEREST] and"
                + " [P_OPEN_INTEREST] columns), and gamma exposure weighs each contract by its open interest;"
                + " volume is no stand-in. To read the quotes, volatilities and greeks anyway, with open"
                + " interest 0 and so every exposure 0, give the option " + MISSING_OPEN_INTEREST + "=zero");
      }
      return new Layout(header.getFieldCount(), index, List.of(call, put));
    }
  }

  /** The columns of one side, {@code C_} or {@code P_}. */
  private static final class Side {
    final String prefix;
    final OptionRight right;
    final int iv;
    final int bid;
    final int ask;
    final int last;
    final int volume;
    final int delta;
    final int gamma;
    final int openInterest;

    private Side(String prefix, OptionRight right, Map<String, Integer> index) {
      this.prefix = prefix;
      this.right = right;
      this.iv = index.getOrDefault(prefix + "IV", -1);
      this.bid = index.getOrDefault(prefix + "BID", -1);
      this.ask = index.getOrDefault(prefix + "ASK", -1);
      this.last = index.getOrDefault(prefix + "LAST", -1);
      this.volume = index.getOrDefault(prefix + "VOLUME", -1);
      this.delta = index.getOrDefault(prefix + "DELTA", -1);
      this.gamma = index.getOrDefault(prefix + "GAMMA", -1);
      this.openInterest =
          index.getOrDefault(prefix + "OPEN_INTEREST", index.getOrDefault(prefix + "OI", -1));
    }

    static Side of(String prefix, OptionRight right, Map<String, Integer> index) {
      return new Side(prefix, right, index);
    }

    OptionContract read(CsvRecord r, OccSymbol symbol) {
      OptionContract.Builder b = OptionContract.builder(symbol);
      if (openInterest >= 0) {
        b.openInterest(Fields.count(prefix + "OPEN_INTEREST", field(r, openInterest)).orElse(0));
      }
      if (iv >= 0) {
        b.impliedVolatility(Fields.impliedVolatility(prefix + "IV", field(r, iv)));
      }
      if (bid >= 0) {
        Fields.nonNegative(prefix + "BID", field(r, bid)).ifPresent(b::bid);
      }
      if (ask >= 0) {
        Fields.nonNegative(prefix + "ASK", field(r, ask)).ifPresent(b::ask);
      }
      if (last >= 0) {
        Fields.positiveOrAbsent(prefix + "LAST", field(r, last)).ifPresent(b::last);
      }
      if (volume >= 0) {
        Fields.count(prefix + "VOLUME", field(r, volume)).ifPresent(b::volume);
      }
      if (delta >= 0) {
        Fields.delta(prefix + "DELTA", field(r, delta)).ifPresent(b::vendorDelta);
      }
      if (gamma >= 0) {
        Fields.nonNegative(prefix + "GAMMA", field(r, gamma)).ifPresent(b::vendorGamma);
      }
      return b.build();
    }
  }

  /** The rows of the quote date being kept. */
  private static final class Day {
    final String underlying;
    final Layout layout;
    @Nullable LocalDate date;
    @Nullable CsvRecord first;
    final List<OptionContract> contracts = new ArrayList<>();
    final List<ContractDiagnostic> diagnostics = new ArrayList<>();
    final Map<String, LocalDate> expiries = new HashMap<>();

    Day(String underlying, Layout layout) {
      this.underlying = underlying;
      this.layout = layout;
    }

    /** Starts over with a later date: the rows of the earlier one are dropped. */
    void start(LocalDate newDate) {
      date = newDate;
      first = null;
      contracts.clear();
      diagnostics.clear();
    }

    void read(CsvRecord r) {
      if (first == null) {
        first = r;
      }
      LocalDate expiry;
      double strike;
      try {
        String expiryText = r.getField(layout.expiry).trim();
        expiry = expiries.get(expiryText);
        if (expiry == null) {
          try {
            expiry = LocalDate.parse(expiryText);
          } catch (DateTimeParseException e) {
            throw new Fields.BadField("EXPIRE_DATE", expiryText, "expected yyyy-MM-dd");
          }
          expiries.put(expiryText, expiry);
        }
        strike = Fields.requiredNumber("STRIKE", field(r, layout.strike));
        if (!(strike > 0)) {
          throw new Fields.BadField("STRIKE", field(r, layout.strike), "must be > 0");
        }
      } catch (Fields.BadField e) {
        diagnostics.add(e.diagnostic(line(r)));
        return;
      }
      String root = Roots.rootFor(underlying, expiry);
      for (Side side : layout.sides) {
        try {
          contracts.add(side.read(r, new OccSymbol(root, expiry, side.right, strike)));
        } catch (Fields.BadField e) {
          diagnostics.add(e.diagnostic(line(r)));
        } catch (IllegalArgumentException e) {
          diagnostics.add(
              new ContractDiagnostic(line(r), side.prefix + "row", CsvInput.text(r),
                  ContractDiagnostic.Reason.MALFORMED, String.valueOf(e.getMessage())));
        }
      }
    }

    double spot(Path file) {
      CsvRecord r = Objects.requireNonNull(first, "first");
      String text = r.getField(layout.underlyingLast);
      double spot;
      try {
        spot = Fields.number("UNDERLYING_LAST", text).orElse(Double.NaN);
      } catch (Fields.BadField e) {
        spot = Double.NaN;
      }
      if (!(spot > 0)) {
        throw new ChainSourceException(
            file + " " + line(r) + ": field 'UNDERLYING_LAST' (the spot) has value '" + Fields.clip(text.trim())
                + "', not a positive price; " + Requests.SPOT_HINT);
      }
      return spot;
    }

    Instant valuation() {
      CsvRecord r = Objects.requireNonNull(first, "first");
      LocalDate day = Objects.requireNonNull(date, "date");
      if (layout.unixTime >= 0) {
        try {
          OptionalDouble seconds = Fields.number("QUOTE_UNIXTIME", r.getField(layout.unixTime));
          if (seconds.isPresent() && seconds.getAsDouble() > 0) {
            Instant t = Instant.ofEpochSecond((long) seconds.getAsDouble());
            if (t.atZone(Times.NEW_YORK).toLocalDate().equals(day)) {
              return t;
            }
          }
        } catch (Fields.BadField e) {
          // fall through to the next column
        }
      }
      if (layout.readTime >= 0) {
        try {
          Instant t = Times.iso(r.getField(layout.readTime));
          if (t.atZone(Times.NEW_YORK).toLocalDate().equals(day)) {
            return t;
          }
        } catch (IllegalArgumentException e) {
          // fall through to the close
        }
      }
      return day.atTime(LocalTime.of(16, 0)).atZone(Times.NEW_YORK).toInstant();
    }
  }

  @Override
  public String toString() {
    return ID;
  }
}
