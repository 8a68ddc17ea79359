package io.gex.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;

/** Runs the command line in-process, on the real snapshots in {@code ../data}. */
final class Cli {

  static final Path SPX = Path.of("..", "data", "cboe-spx-2022-12-12.csv");
  static final Path NDX = Path.of("..", "data", "cboe-ndx-2022-12-12.csv");
  static final Path RUT = Path.of("..", "data", "cboe-rut-2023-09-20.json");

  static final Clock CLOCK = Clock.fixed(Instant.parse("2024-01-02T15:00:00Z"), ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  private Cli() {}

  /** What one run printed and returned. */
  record Result(int exit, String out, String err) {
    List<String> errLines() {
      return err.isEmpty() ? List.of() : List.of(err.split("\\R"));
    }
  }

  /** A run with no {@code gex.alerts.*} system property. */
  static Result run(String... args) {
    return run(new Properties(), args);
  }

  /** A run that sees these properties as the JVM's system properties. */
  static Result run(Properties systemProperties, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      exit = new GexCli(CLOCK, systemProperties).run(args, o, e);
    }
    return new Result(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The JSON document of a successful run. */
  static JsonNode json(Result r) throws IOException {
    assertThat(r.exit()).as("exit; stderr: %s", r.err()).isZero();
    return JSON.readTree(r.out());
  }

  /** The JSON document of {@code analyze FILE --format json} with more options. */
  static JsonNode analyzeJson(Path file, String... options) throws IOException {
    String[] args = new String[options.length + 4];
    args[0] = "analyze";
    args[1] = file.toString();
    args[2] = "--format";
    args[3] = "json";
    System.arraycopy(options, 0, args, 4, options.length);
    return json(run(args));
  }
}
