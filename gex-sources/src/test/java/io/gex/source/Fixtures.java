package io.gex.source;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** The hand-made fixtures in {@code src/test/resources/fixtures}, and gzip copies of files. */
final class Fixtures {
  private Fixtures() {}

  /** A fixture, reached from the module directory (Maven runs tests there). */
  static Path path(String name) {
    Path file = Path.of("src", "test", "resources", "fixtures", name);
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("fixture not found at " + file.toAbsolutePath());
    }
    return file;
  }

  static Path yahoo() {
    return path("yahoo-aapl-2023-12-15.csv");
  }

  static Path optionsDx() {
    return path("spx_eod_202212.txt");
  }

  /** Writes a gzip copy of a file. */
  static Path gzip(Path from, Path to) throws IOException {
    return gzip(Files.readAllBytes(from), to);
  }

  /** Writes bytes gzip-compressed. */
  static Path gzip(byte[] content, Path to) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(to))) {
      out.write(content);
    }
    return to;
  }
}
