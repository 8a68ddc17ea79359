package io.gex.source;

import de.siegmar.fastcsv.reader.CsvRecord;
import io.gex.ChainSourceException;
import io.gex.chain.ContractDiagnostic;
import io.gex.chain.OccSymbol;
import io.gex.live.MarketEvent;
import io.gex.spi.ChainSources;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A tick file: market events of one underlying, one per row, read into {@link MarketEvent}s in file order.
 *
 * <pre>
 * time,symbol,field,value
 * 2022-12-12T15:30:00.250Z,SPX,spot,3990.56
 * 2022-12-12T15:30:00.500Z,SPXW221212C04000000,bid,1.35
 * 2022-12-12T15:30:00.500Z,SPXW221212C04000000,ask,1.45
 * 2022-12-12T15:30:01Z,SPXW221212C04000000,iv,0.2215
 * </pre>
 *
 * <ul>
 *   <li>UTF-8, comma-separated, plain or gzip ({@link ChainSources#openFile}); a byte-order mark is skipped;
 *       lines may end in LF or CRLF; blank lines and lines starting with {@code #} are skipped.
 *   <li>The first line is the header {@value #HEADER} (case and blanks around names ignored); it is how a
 *       tick file is told from a chain file ({@link #recognises}).
 *   <li>{@code time}: an ISO-8601 instant such as {@code 2022-12-12T15:30:00.250Z} or with an offset
 *       ({@code 2022-12-12T10:30:00-05:00}); without either it is New York local time.
 *   <li>{@code symbol}: the underlying (such as {@code SPX}, 1 to 10 letters, digits, {@code .} or {@code
 *       ^}) for field {@code spot}; for the other fields an OCC contract symbol as {@link OccSymbol#parse}
 *       reads it ({@code SPXW221212C04000000}).
 *   <li>{@code field}: {@code spot}, {@code bid}, {@code ask}, {@code iv} (decimal, 0.2215 for 22.15%) or
 *       {@code oi} (contracts), case-insensitive.
 *   <li>{@code value}: a decimal number in the range the field accepts ({@link MarketEvent.ContractField});
 *       0 clears a bid, an ask or an implied volatility.
 * </ul>
 *
 * <p><b>Bad rows.</b> A row that cannot be read (a missing or extra field, a bad time, symbol, field name or
 * value, a spot of a second underlying) is not an event: it becomes a {@link ContractDiagnostic} of reason
 * {@link ContractDiagnostic.Reason#MALFORMED} whose location names the file and line ({@code ticks.csv line
 * 7}), with the field and the value as read, and reading goes on. Only a file that cannot be opened or
 * whose first line is not the header fails as a whole ({@link ChainSourceException}).
 *
 * <p><b>Time order.</b> Rows must be in time order (equal times are fine, and keep their file order). A row
 * earlier than the latest time read before it is rejected with a diagnostic on field {@code time} (not
 * sorted in): a replay must not move the clock backwards, and a file out of order is usually two files
 * concatenated by mistake, which a diagnostic shows and a sort would hide.
 *
 * <p>The whole file is read into memory (about 100 bytes per event). At most {@value #MAX_DIAGNOSTICS}
 * diagnostics are kept; {@link #rejectedRows()} counts them all.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class TickFile {

  /** The header line of a tick file: {@value}. */
  public static final String HEADER = "time,symbol,field,value";

  /** The most diagnostics kept: {@value}. */
  public static final int MAX_DIAGNOSTICS = 1000;

  private static final Pattern UNDERLYING = Pattern.compile("[A-Z0-9.^]{1,10}");
  private static final String[] COLUMNS = HEADER.split(",");

  private final Path file;
  private final List<MarketEvent> events;
  private final List<Integer> lines;
  private final List<ContractDiagnostic> diagnostics;
  private final long rejectedRows;
  private final @Nullable String underlying;

  private TickFile(
      Path file,
      List<MarketEvent> events,
      List<Integer> lines,
      List<ContractDiagnostic> diagnostics,
      long rejectedRows,
      @Nullable String underlying) {
    this.file = file;
    this.events = List.copyOf(events);
    this.lines = List.copyOf(lines);
    this.diagnostics = List.copyOf(diagnostics);
    this.rejectedRows = rejectedRows;
    this.underlying = underlying;
  }

  /**
   * Whether the first bytes of a file (decompressed) start with the tick-file header: its first line,
   * after a byte-order mark and blank or {@code #} lines, is {@value #HEADER}.
   *
   * @param head the first bytes of the file
   */
  public static boolean recognises(byte[] head) {
    Objects.requireNonNull(head, "head");
    String first = CsvInput.firstLine(head);
    return first != null && CsvInput.isHeader(Arrays.asList(first.split(",", -1)), COLUMNS);
  }

  /**
   * Whether a file is a tick file ({@link #recognises} on its first {@value ChainSources#DETECTION_BYTES}
   * bytes, decompressed).
   *
   * @throws ChainSourceException if the file is missing, a directory, unreadable, empty or corrupt gzip
   */
  public static boolean isTickFile(Path file) {
    Objects.requireNonNull(file, "file");
    try (InputStream in = ChainSources.openFile(file)) {
      return recognises(in.readNBytes(ChainSources.DETECTION_BYTES));
    } catch (IOException e) {
      throw new ChainSourceException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads a tick file.
   *
   * @throws ChainSourceException if the file cannot be opened or read, or its first line is not the
   *     header {@value #HEADER} (the message names the file and quotes the line)
   */
  public static TickFile read(Path file) {
    Objects.requireNonNull(file, "file");
    Reading r = new Reading(file);
    try (CsvInput in = CsvInput.open(file, true)) {
      boolean header = false;
      for (CsvRecord record = in.next(); record != null; record = in.next()) {
        if (record.isComment() || CsvInput.isBlank(record)) {
          continue;
        }
        if (!header) {
          if (!CsvInput.isHeader(record.getFields(), COLUMNS)) {
            throw new ChainSourceException(
                file + " line " + record.getStartingLineNumber() + ": not a tick file: the header must be '"
                    + HEADER + "', was '" + CsvInput.text(record) + "'");
          }
          header = true;
          continue;
        }
        r.row(record);
      }
      if (!header) {
        throw new ChainSourceException(
            file + ": not a tick file: no header line '" + HEADER + "'");
      }
    }
    return new TickFile(file, r.events, r.lines, r.diagnostics, r.rejected, r.underlying);
  }

  /** The state of one reading. */
  private static final class Reading {
    final Path file;
    final List<MarketEvent> events = new ArrayList<>();
    final List<Integer> lines = new ArrayList<>();
    final List<ContractDiagnostic> diagnostics = new ArrayList<>();
    long rejected;
    @Nullable String underlying;
    @Nullable Instant latest;
    int latestLine;

    Reading(Path file) {
      this.file = file;
    }

    void row(CsvRecord record) {
      int line = (int) Math.min(Integer.MAX_VALUE, record.getStartingLineNumber());
      String location = file + " line " + line;
      try {
        if (record.getFieldCount() != COLUMNS.length) {
          throw new Fields.BadField(
              "row", CsvInput.text(record),
              "expected 4 fields (" + HEADER + "), found " + record.getFieldCount());
        }
        MarketEvent event = event(record);
        if (latest != null && event.time().isBefore(latest)) {
          throw new Fields.BadField(
              "time", record.getField(0).strip(),
              "earlier than " + latest + " on line " + latestLine
                  + "; rows must be in time order");
        }
        latest = event.time();
        latestLine = line;
        events.add(event);
        lines.add(line);
      } catch (Fields.BadField e) {
        reject(e.diagnostic(location));
      }
    }

    private MarketEvent event(CsvRecord record) {
      if (Fields.isAbsent(record.getField(3))) {
        throw new Fields.BadField("value", record.getField(3), "no value: a tick needs a number");
      }
      String timeText = record.getField(0).strip();
      String symbol = record.getField(1).strip().toUpperCase(Locale.ROOT);
      String fieldText = record.getField(2).strip();
      String valueText = record.getField(3);
      Instant time;
      try {
        time = Times.iso(timeText);
      } catch (IllegalArgumentException e) {
        throw new Fields.BadField("time", timeText, String.valueOf(e.getMessage()));
      }
      String field = fieldText.toLowerCase(Locale.ROOT);
      if (field.equals("spot")) {
        if (!UNDERLYING.matcher(symbol).matches()) {
          throw new Fields.BadField(
              "symbol", record.getField(1), "the symbol of a spot row is the underlying, such as SPX");
        }
        if (underlying != null && !underlying.equals(symbol)) {
          throw new Fields.BadField(
              "symbol", record.getField(1),
              "a tick file holds one underlying; earlier spot rows are " + underlying);
        }
        double spot = Fields.requiredNumber("value", valueText);
        if (!Fields.isSpot(spot)) {
          throw new Fields.BadField("value", valueText, "spot must be in " + Fields.SPOT_RANGE);
        }
        underlying = symbol;
        return new MarketEvent.Spot(time, spot);
      }
      MarketEvent.Field f = contractField(field, fieldText);
      OccSymbol contract;
      try {
        contract = OccSymbol.parse(symbol);
      } catch (IllegalArgumentException e) {
        throw new Fields.BadField("symbol", record.getField(1), String.valueOf(e.getMessage()));
      }
      double value = Fields.requiredNumber("value", valueText);
      try {
        return new MarketEvent.ContractField(time, contract, f, value);
      } catch (IllegalArgumentException e) {
        throw new Fields.BadField("value", valueText, String.valueOf(e.getMessage()));
      }
    }

    private static MarketEvent.Field contractField(String field, String text) {
      for (MarketEvent.Field f : MarketEvent.Field.values()) {
        if (f.id().equals(field)) {
          return f;
        }
      }
      throw new Fields.BadField("field", text, "must be spot, bid, ask, iv or oi");
    }

    private void reject(ContractDiagnostic d) {
      rejected++;
      if (diagnostics.size() < MAX_DIAGNOSTICS) {
        diagnostics.add(d);
      }
    }
  }

  /** The file read. */
  public Path file() {
    return file;
  }

  /** The events of the rows read, in file order (which is time order). */
  public List<MarketEvent> events() {
    return events;
  }

  /**
   * The line of the file each event came from: {@code lines().get(i)} is the line of {@code
   * events().get(i)}, counted from 1.
   */
  public List<Integer> lines() {
    return lines;
  }

  /** The rows that were not read, in file order (the first {@value #MAX_DIAGNOSTICS}). */
  public List<ContractDiagnostic> diagnostics() {
    return diagnostics;
  }

  /** How many rows were not read (may exceed the diagnostics kept). */
  public long rejectedRows() {
    return rejectedRows;
  }

  /** The underlying the spot rows name, upper-case; empty when the file has no spot row. */
  public Optional<String> underlying() {
    return Optional.ofNullable(underlying);
  }

  @Override
  public String toString() {
    return "TickFile[" + file + ", " + events.size() + " events, " + rejectedRows + " rows rejected]";
  }
}
