package io.gex.source;

import de.siegmar.fastcsv.reader.CloseableIterator;
import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.reader.FieldMismatchStrategy;
import io.gex.ChainSourceException;
import io.gex.spi.ChainSources;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A streaming CSV reader over a file (FastCSV, record by record, never the whole file in memory) that turns
 * every reading failure into a {@link ChainSourceException} naming the file and the line.
 */
final class CsvInput implements Closeable {
  private final Path file;
  private final CsvReader<CsvRecord> reader;
  private final CloseableIterator<CsvRecord> records;
  private long lastLine;

  private CsvInput(Path file, CsvReader<CsvRecord> reader) {
    this.file = file;
    this.reader = reader;
    this.records = reader.iterator();
  }

  /**
   * Opens a UTF-8 CSV file, plain or gzip ({@link ChainSources#openFile}: missing, directory, unreadable and
   * empty files fail there); a byte-order mark is skipped; rows may have any number of fields.
   *
   * @param comments whether lines starting with {@code #} are returned as comment records
   * @throws ChainSourceException if the file cannot be opened
   */
  static CsvInput open(Path file, boolean comments) {
    InputStream in = ChainSources.openFile(file);
    CsvReader<CsvRecord> reader =
        CsvReader.builder()
            .commentStrategy(comments ? CommentStrategy.READ : CommentStrategy.NONE)
            .skipEmptyLines(true)
            .extraFieldStrategy(FieldMismatchStrategy.IGNORE)
            .missingFieldStrategy(FieldMismatchStrategy.IGNORE)
            .detectBomHeader(true)
            .ofCsvRecord(in, StandardCharsets.UTF_8);
    return new CsvInput(file, reader);
  }

  /**
   * The next record, or null at the end.
   *
   * @throws ChainSourceException if the file cannot be read or parsed from here on
   */
  @Nullable CsvRecord next() {
    try {
      if (!records.hasNext()) {
        return null;
      }
      CsvRecord record = records.next();
      lastLine = record.getStartingLineNumber();
      return record;
    } catch (CsvParseException e) {
      if (e.getCause() instanceof IOException io) {
        throw new ChainSourceException(
            "cannot read " + file + " after line " + lastLine + ": " + io.getMessage(), e);
      }
      throw new ChainSourceException(
          file + " line " + (lastLine + 1) + " or after: not readable as CSV: " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      IOException cause = e.getCause();
      throw new ChainSourceException(
          "cannot read " + file + " after line " + lastLine + ": "
              + (cause == null ? e.getMessage() : cause.getMessage()), e);
    }
  }

  /** The file, for messages. */
  Path file() {
    return file;
  }

  @Override
  public void close() {
    try {
      records.close();
      reader.close();
    } catch (IOException e) {
      // Reading is over; a failure to release the file does not change the chain that was read.
    }
  }

  /** A record's fields joined back with commas, clipped, for messages. */
  static String text(CsvRecord record) {
    return Fields.clip(String.join(",", record.getFields()));
  }

  /**
   * The first line of a file's first bytes (decompressed) that is neither blank nor a {@code #} comment,
   * stripped, after a byte-order mark; null when there is none.
   */
  static @Nullable String firstLine(byte[] head) {
    for (String line : Fields.headText(head).split("\r?\n", -1)) {
      String t = line.strip();
      if (!t.isEmpty() && !t.startsWith("#")) {
        return t;
      }
    }
    return null;
  }

  /** Whether header names are exactly these columns, in order (case and blanks around names ignored). */
  static boolean isHeader(List<String> names, String[] columns) {
    if (names.size() != columns.length) {
      return false;
    }
    for (int i = 0; i < columns.length; i++) {
      if (!names.get(i).strip().equalsIgnoreCase(columns[i])) {
        return false;
      }
    }
    return true;
  }

  /** Whether every field of a record is blank. */
  static boolean isBlank(CsvRecord record) {
    for (String f : record.getFields()) {
      if (!f.isBlank()) {
        return false;
      }
    }
    return true;
  }

  /** The field at an index, or "" when the record is shorter. */
  static String field(CsvRecord record, int index) {
    return index < record.getFieldCount() ? record.getField(index) : "";
  }
}
