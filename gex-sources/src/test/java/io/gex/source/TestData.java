package io.gex.source;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real snapshots in the repository's {@code data/} folder, reached from a module directory (Maven runs
 * tests there). This is the only place that knows the path.
 */
final class TestData {
  private TestData() {}

  /** The repository's {@code data/} folder. */
  static Path dir() {
    Path dir = Path.of("..", "data");
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException("test data not found at " + dir.toAbsolutePath());
    }
    return dir;
  }

  /** CBOE quote-table CSV, SPX, 2022-12-12 20:30 New York. */
  static Path spxCsv() {
    return dir().resolve("cboe-spx-2022-12-12.csv");
  }

  /** CBOE quote-table CSV, NDX, 2022-12-12 20:31 New York. */
  static Path ndxCsv() {
    return dir().resolve("cboe-ndx-2022-12-12.csv");
  }

  /** CBOE delayed-quotes JSON, RUT, 2023-09-20 16:15:04 New York. */
  static Path rutJson() {
    return dir().resolve("cboe-rut-2023-09-20.json");
  }
}
