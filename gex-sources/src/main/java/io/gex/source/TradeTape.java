package io.gex.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.gex.ChainSourceException;
import io.gex.chain.ContractDiagnostic;
import io.gex.chain.OccSymbol;
import io.gex.positions.Trade;
import io.gex.spi.ChainSources;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A tape of option trades, read into {@link Trade}s in file order: the input of the position model {@code
 * flow} ({@code ./gex analyze FILE --trades TAPE --positions flow}).
 *
 * <pre>
 * time,option,price,size,bid,ask
 * 2024-03-15T14:00:00.250Z,SPXW240315C05100000,12.50,25,12.10,12.50
 * 2024-03-15T14:00:01Z,SPXW240315P05000000,8.05,3,,
 * </pre>
 *
 * <ul>
 *   <li>CSV: UTF-8, plain or gzip ({@link ChainSources#openFile}); a byte-order mark is skipped; blank lines
 *       and lines starting with {@code #} are skipped. The first line is the header {@value #HEADER} (case
 *       and blanks around names ignored).
 *   <li>JSON lines: the same fields as one object per line, {@code {"time":"2024-03-15T14:00:00Z",
 *       "option":"SPXW240315C05100000","price":12.5,"size":25,"bid":12.1,"ask":12.5}}; a file whose first
 *       non-blank character is <code>{</code> is read this way. Numbers may be JSON numbers or strings;
 *       {@code bid} and {@code ask} may be missing or {@code null}; other keys are ignored.
 *   <li>{@code time}: an ISO-8601 instant, or New York local time without an offset.
 *   <li>{@code option}: an OCC option symbol as {@link OccSymbol#parse} reads it.
 *   <li>{@code price}: the trade price; {@code size}: contracts, a whole number {@code >= 1}.
 *   <li>{@code bid}, {@code ask}: the NBBO when the trade printed; empty (or {@code 0}) when unknown.
 * </ul>
 *
 * <p><b>Bad rows.</b> A row that cannot be read becomes a {@link ContractDiagnostic} of reason {@link
 * ContractDiagnostic.Reason#MALFORMED} whose location names the file and line ({@code tape.csv line 7}),
 * with the field and the value as read, and reading goes on. Rows must be in time order (the tick test
 * compares a trade with the one before it): a row earlier than the latest before it is rejected on field
 * {@code time}. Only a file that cannot be opened, or a CSV whose first line is not the header, fails as a
 * whole ({@link ChainSourceException}). At most {@value #MAX_DIAGNOSTICS} diagnostics are kept; {@link
 * #rejectedRows()} counts them all.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class TradeTape {

  /** The header line of a CSV tape: {@value}. */
  public static final String HEADER = "time,option,price,size,bid,ask";

  /**
   * Whether the first bytes of a file are those of a trade tape: its first line that is neither blank nor a
   * comment is the CSV header {@value #HEADER} (case and blanks around names ignored), or a JSON object with
   * the keys {@code "time"}, {@code "option"} and {@code "size"}. A snapshot in any format read by the
   * chain sources is not one.
   *
   * @throws NullPointerException if head is null
   */
  public static boolean recognises(byte[] head) {
    Objects.requireNonNull(head, "head");
    String first = CsvInput.firstLine(head);
    if (first == null) {
      return false;
    }
    if (first.startsWith("{")) {
      return first.contains("\"time\"") && first.contains("\"option\"") && first.contains("\"size\"");
    }
    return CsvInput.isHeader(Arrays.asList(first.split(",", -1)), COLUMNS);
  }

  /**
   * Whether a file is a trade tape ({@link #recognises} on its first {@value ChainSources#DETECTION_BYTES}
   * bytes, decompressed).
   *
   * @throws ChainSourceException if the file is missing, a directory, unreadable, empty or corrupt gzip
   */
  public static boolean isTradeTape(Path file) {
    Objects.requireNonNull(file, "file");
    try (java.io.InputStream in = ChainSources.openFile(file)) {
      return recognises(in.readNBytes(ChainSources.DETECTION_BYTES));
    } catch (IOException e) {
      throw new ChainSourceException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The most diagnostics kept: {@value}. */
  public static final int MAX_DIAGNOSTICS = 1000;

  private static final String[] COLUMNS = HEADER.split(",");
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private final Path file;
  private final List<Trade> trades;
  private final List<ContractDiagnostic> diagnostics;
  private final long rejectedRows;

  private TradeTape(Path file, List<Trade> trades, List<ContractDiagnostic> diagnostics, long rejected) {
    this.file = file;
    this.trades = List.copyOf(trades);
    this.diagnostics = List.copyOf(diagnostics);
    this.rejectedRows = rejected;
  }

  /**
   * Reads a tape, CSV or JSON lines.
   *
   * @throws ChainSourceException if the file cannot be opened or read, or a CSV's first line is not the
   *     header (the message names the file and quotes the line)
   * @throws NullPointerException if file is null
   */
  public static TradeTape read(Path file) {
    Objects.requireNonNull(file, "file");
    return isJsonLines(file) ? readJsonLines(file) : readCsv(file);
  }

  private static boolean isJsonLines(Path file) {
    try (java.io.InputStream in = ChainSources.openFile(file)) {
      return Fields.headText(in.readNBytes(ChainSources.DETECTION_BYTES)).stripLeading().startsWith("{");
    } catch (IOException e) {
      throw new ChainSourceException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static TradeTape readCsv(Path file) {
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
                file + " line " + record.getStartingLineNumber() + ": not a trade tape: the header must be '"
                    + HEADER + "', was '" + CsvInput.text(record) + "'");
          }
          header = true;
          continue;
        }
        int line = (int) Math.min(Integer.MAX_VALUE, record.getStartingLineNumber());
        if (record.getFieldCount() != COLUMNS.length) {
          r.reject(
              new Fields.BadField(
                  "row", CsvInput.text(record),
                  "expected 6 fields (" + HEADER + "), found " + record.getFieldCount()),
              line);
          continue;
        }
        r.row(line, record.getFields().toArray(new String[0]));
      }
      if (!header) {
        throw new ChainSourceException(file + ": not a trade tape: no header line '" + HEADER + "'");
      }
    }
    return r.tape();
  }

  private static TradeTape readJsonLines(Path file) {
    Reading r = new Reading(file);
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(ChainSources.openFile(file), StandardCharsets.UTF_8))) {
      int line = 0;
      for (String text = in.readLine(); text != null; text = in.readLine()) {
        line++;
        String t = line == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (t.isBlank()) {
          continue;
        }
        String[] fields;
        try {
          fields = jsonFields(t);
        } catch (Fields.BadField e) {
          r.reject(e, line);
          continue;
        }
        r.row(line, fields);
      }
    } catch (IOException | UncheckedIOException e) {
      throw new ChainSourceException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return r.tape();
  }

  /** The six fields of one JSON object, as text ("" when missing or null). */
  private static String[] jsonFields(String line) {
    String[] fields = {"", "", "", "", "", ""};
    try (JsonParser p = JSON.createParser(line)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new Fields.BadField("row", Fields.clip(line), "not a JSON object");
      }
      for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
        if (t != JsonToken.FIELD_NAME) {
          throw new Fields.BadField("row", Fields.clip(line), "not a flat JSON object");
        }
        String name = p.currentName().toLowerCase(Locale.ROOT);
        JsonToken v = p.nextToken();
        if (v == JsonToken.START_OBJECT || v == JsonToken.START_ARRAY) {
          p.skipChildren();
          continue;
        }
        for (int i = 0; i < COLUMNS.length; i++) {
          if (COLUMNS[i].equals(name)) {
            fields[i] = v == JsonToken.VALUE_NULL ? "" : p.getText();
          }
        }
      }
      if (p.nextToken() != null) {
        throw new Fields.BadField("row", Fields.clip(line), "text after the JSON object");
      }
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new Fields.BadField("row", Fields.clip(line), "not JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new Fields.BadField("row", Fields.clip(line), "not JSON: " + e.getMessage());
    }
    return fields;
  }

  /** The state of one reading. */
  private static final class Reading {
    final Path file;
    final List<Trade> trades = new ArrayList<>();
    final List<ContractDiagnostic> diagnostics = new ArrayList<>();
    long rejected;
    @Nullable Instant latest;
    int latestLine;

    Reading(Path file) {
      this.file = file;
    }

    void row(int line, String[] f) {
      try {
        Trade trade = trade(f);
        if (latest != null && trade.time().isBefore(latest)) {
          throw new Fields.BadField(
              "time", f[0].strip(),
              "earlier than " + latest + " on line " + latestLine + "; rows must be in time order");
        }
        latest = trade.time();
        latestLine = line;
        trades.add(trade);
      } catch (Fields.BadField e) {
        reject(e, line);
      }
    }

    private static Trade trade(String[] f) {
      Instant time;
      try {
        time = Times.iso(f[0]);
      } catch (IllegalArgumentException e) {
        throw new Fields.BadField("time", f[0], String.valueOf(e.getMessage()));
      }
      OccSymbol option;
      try {
        option = OccSymbol.parse(f[1]);
      } catch (IllegalArgumentException e) {
        throw new Fields.BadField("option", f[1], String.valueOf(e.getMessage()));
      }
      double price = Fields.requiredNumber("price", f[2]);
      long size = Fields.count("size", f[3]).orElseThrow(() -> new Fields.BadField("size", f[3], "missing"));
      double bid = Fields.nonNegative("bid", f[4]).orElse(0);
      double ask = Fields.nonNegative("ask", f[5]).orElse(0);
      try {
        return new Trade(time, option, price, size, bid, ask);
      } catch (IllegalArgumentException e) {
        String m = String.valueOf(e.getMessage());
        String field =
            m.startsWith("price") ? "price" : m.startsWith("size") ? "size" : m.startsWith("bid") ? "bid" : "ask";
        String value = field.equals("price") ? f[2] : field.equals("size") ? f[3] : field.equals("bid") ? f[4] : f[5];
        throw new Fields.BadField(field, value, m);
      }
    }

    void reject(Fields.BadField e, int line) {
      rejected++;
      if (diagnostics.size() < MAX_DIAGNOSTICS) {
        diagnostics.add(e.diagnostic(file + " line " + line));
      }
    }

    TradeTape tape() {
      return new TradeTape(file, trades, diagnostics, rejected);
    }
  }

  /**
   * Writes trades as a CSV tape (header {@value #HEADER}; an unknown bid or ask as an empty field), to be
   * read back by {@link #read}.
   *
   * @throws UncheckedIOException if the file cannot be written
   */
  public static void write(Path file, List<Trade> trades) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(trades, "trades");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write(HEADER);
      w.write('\n');
      for (Trade t : trades) {
        w.write(t.time().toString());
        w.write(',');
        w.write(occ(t.option()));
        w.write(',');
        w.write(plain(t.price()));
        w.write(',');
        w.write(Long.toString(t.size()));
        w.write(',');
        w.write(t.bid() > 0 ? plain(t.bid()) : "");
        w.write(',');
        w.write(t.ask() > 0 ? plain(t.ask()) : "");
        w.write('\n');
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** The OCC symbol without padding: root, YYMMDD, C or P, strike × 1000 in eight digits. */
  static String occ(OccSymbol s) {
    return s.toString().replace(" ", "");
  }

  private static String plain(double v) {
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  /** The file read. */
  public Path file() {
    return file;
  }

  /** The trades read, in file order. */
  public List<Trade> trades() {
    return trades;
  }

  /** Why each rejected row was rejected (at most {@value #MAX_DIAGNOSTICS}). */
  public List<ContractDiagnostic> diagnostics() {
    return diagnostics;
  }

  /** The number of rows rejected. */
  public long rejectedRows() {
    return rejectedRows;
  }

  @Override
  public String toString() {
    return "TradeTape[" + file + ", " + trades.size() + " trades, " + rejectedRows + " rejected]";
  }
}
