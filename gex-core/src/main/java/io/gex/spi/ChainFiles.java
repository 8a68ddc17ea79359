package io.gex.spi;

import io.gex.ChainSourceException;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * Opening a chain file (the checks, gzip, the decompression bound) and telling people what a file is when no
 * source reads it. The logic behind {@link ChainSources#openFile} and {@link ChainSources#detect(Path)}.
 */
final class ChainFiles {

  private static final int BUFFER = 64 * 1024;

  private ChainFiles() {}

  /** See {@link ChainSources#openFile(Path, long)}. */
  static InputStream open(Path file, long maxDecompressedBytes) {
    check(file);
    InputStream raw;
    try {
      raw = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new ChainSourceException(noSuchFile(file), e);
    } catch (AccessDeniedException e) {
      throw new ChainSourceException(unreadable(file), e);
    } catch (IOException e) {
      throw new ChainSourceException("cannot read " + file + ": " + e.getMessage(), e);
    }
    try {
      BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
      in.mark(2);
      int b0 = in.read();
      int b1 = in.read();
      in.reset();
      boolean gzip = b0 == 0x1f && b1 == 0x8b;
      InputStream content = in;
      if (gzip) {
        try {
          content =
              new BufferedInputStream(
                  new Bounded(new GZIPInputStream(in, BUFFER), maxDecompressedBytes, file), BUFFER);
        } catch (IOException e) {
          throw new ChainSourceException(
              file + " starts like a gzip file but its gzip header cannot be read (" + why(e)
                  + "): the file is corrupt or truncated", e);
        }
      }
      content.mark(1);
      int first;
      try {
        first = content.read();
      } catch (IOException e) {
        throw new ChainSourceException("cannot read " + file + ": " + e.getMessage(), e);
      }
      if (first < 0) {
        throw new ChainSourceException(
            file + " is empty" + (gzip ? " once decompressed (a gzip file of no content)" : " (0 bytes)")
                + ": there is no option chain in it");
      }
      content.reset();
      return content;
    } catch (IOException e) {
      closeQuietly(raw);
      throw new ChainSourceException("cannot read " + file + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(raw);
      throw e;
    }
  }

  /** Missing, a directory, unreadable, or empty: each named for what it is. */
  private static void check(Path file) {
    if (Files.isDirectory(file)) {
      throw new ChainSourceException(file + " is a directory, not a file: name a chain file in it");
    }
    if (!Files.exists(file)) {
      throw new ChainSourceException(noSuchFile(file));
    }
    if (!Files.isReadable(file)) {
      throw new ChainSourceException(unreadable(file));
    }
    try {
      if (Files.isRegularFile(file) && Files.size(file) == 0) {
        throw new ChainSourceException(file + " is empty (0 bytes): there is no option chain in it");
      }
    } catch (IOException e) {
      throw new ChainSourceException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** "no such file: x.csv", with the absolute path looked at when the given one is relative. */
  static String noSuchFile(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    String where = absolute.toString().equals(file.toString()) ? "" : " (looked for " + absolute + ")";
    return "no such file: " + file + where;
  }

  /** An exception's message, or its kind when it has none (an EOFException often has none). */
  private static String why(IOException e) {
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }

  private static String unreadable(Path file) {
    return "cannot read " + file + ": permission denied (the file exists but this user may not read it)";
  }

  /**
   * What a file that no source recognises is, when its first bytes say so: a PDF, an archive or other
   * compression, an office document, UTF-16 or binary data. Empty for text.
   */
  static Optional<String> whatItIs(byte[] head) {
    if (startsWith(head, "%PDF-")) {
      return Optional.of("is a PDF document, not an option chain: export the chain as CSV or JSON");
    }
    if (startsWith(head, 'P', 'K', 3, 4)) {
      return Optional.of(
          "is a zip archive (an .xlsx workbook is one too): unzip it or save the sheet as CSV;"
              + " gex reads plain files and gzip (.gz) files");
    }
    String compression = compression(head);
    if (compression != null) {
      return Optional.of(
          "is " + compression + "-compressed: decompress it first, or compress it with gzip instead"
              + " (gex reads .gz files directly)");
    }
    if (startsWith(head, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
      return Optional.of("is a Microsoft Office document (.xls): save the sheet as CSV (UTF-8)");
    }
    if (startsWith(head, "PAR1")) {
      return Optional.of("is a Parquet file: export the table as CSV");
    }
    if (startsWith(head, 0xff, 0xfe) || startsWith(head, 0xfe, 0xff)) {
      return Optional.of("is UTF-16 text: save it as UTF-8 (in Excel: 'CSV UTF-8')");
    }
    int controls = 0;
    for (int i = 0; i < head.length; i++) {
      int b = head[i] & 0xff;
      if (b == 0) {
        return Optional.of(binary(i, b));
      }
      if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
        controls++;
      }
    }
    if (controls * 10 > head.length) {
      return Optional.of("is binary (" + controls + " control bytes in the first " + head.length
          + "), not a text CSV or JSON");
    }
    return Optional.empty();
  }

  private static String binary(int offset, int b) {
    return String.format(
        Locale.ROOT, "is binary (byte 0x%02x at offset %d), not a text CSV or JSON", b, offset);
  }

  private static @Nullable String compression(byte[] head) {
    if (startsWith(head, "BZh")) {
      return "bzip2";
    }
    if (startsWith(head, 0xfd, '7', 'z', 'X', 'Z', 0)) {
      return "xz";
    }
    if (startsWith(head, 0x28, 0xb5, 0x2f, 0xfd)) {
      return "zstd";
    }
    if (startsWith(head, '7', 'z', 0xbc, 0xaf, 0x27, 0x1c)) {
      return "7-zip";
    }
    if (startsWith(head, "Rar!")) {
      return "RAR";
    }
    if (startsWith(head, 0x1f, 0x8b)) {
      return "gzip"; // gzip inside gzip: only one layer is read
    }
    return null;
  }

  /**
   * A hint about text that no source recognises, when the text says something: a web page, JSON in another
   * layout, or a CSV separated by semicolons or tabs. Empty otherwise.
   */
  static Optional<String> textHint(byte[] head) {
    String text = new String(head, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String start = text.stripLeading();
    String lower = start.substring(0, Math.min(start.length(), 64)).toLowerCase(Locale.ROOT);
    if (lower.startsWith("<!doctype html") || lower.startsWith("<html")) {
      return Optional.of(
          "it is an HTML page: a page saved from a browser is not the data; download the chain as CSV or"
              + " JSON");
    }
    if (start.startsWith("{") || start.startsWith("[")) {
      return Optional.of(
          "it is JSON, but not CBOE's delayed-quotes layout (an object with 'data.options' and"
              + " 'data.current_price')");
    }
    String line = start.split("\r?\n", 2)[0];
    if (line.indexOf(',') < 0) {
      if (line.indexOf(';') >= 0) {
        return Optional.of(
            "it looks separated by semicolons: gex reads comma-separated CSV (in Excel: save as"
                + " 'CSV UTF-8 (Comma delimited)')");
      }
      if (line.indexOf('\t') >= 0) {
        return Optional.of("it looks separated by tabs: gex reads comma-separated CSV");
      }
    }
    return Optional.empty();
  }

  /** The first line of a text head, clipped and with control characters shown, for messages. */
  static String firstLine(byte[] head) {
    String text = new String(head, StandardCharsets.UTF_8);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    String line = text.strip().split("\r?\n", 2)[0];
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < line.length() && b.length() < 100; i++) {
      char c = line.charAt(i);
      b.append(Character.isISOControl(c) ? '?' : c);
    }
    return line.length() > b.length() ? b + "..." : b.toString();
  }

  private static boolean startsWith(byte[] head, String prefix) {
    return startsWith(head, prefix.chars().toArray());
  }

  private static boolean startsWith(byte[] head, int... prefix) {
    if (head.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((head[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // Already failing; the first failure is the one to report.
    }
  }

  /** Decompressed content that stops with an error past a size, and names gzip corruption as such. */
  private static final class Bounded extends FilterInputStream {
    private final long max;
    private final Path file;
    private long count;

    Bounded(InputStream in, long max, Path file) {
      super(in);
      this.max = max;
      this.file = file;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n;
      try {
        n = super.read(b, off, (int) Math.min(len, max - count + 1));
      } catch (ZipException | EOFException e) {
        throw new IOException(
            "the gzip data of " + file + " is corrupt or truncated after " + count
                + " decompressed bytes (" + why(e) + ")", e);
      }
      if (n > 0) {
        count += n;
        if (count > max) {
          throw new IOException(
              file + " decompresses to more than " + max + " bytes; reading stops there"
                  + " (a bound against compression bombs)");
        }
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] buffer = new byte[(int) Math.min(n, 8192)];
      int read = read(buffer, 0, buffer.length);
      return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
      return false;
    }
  }
}
