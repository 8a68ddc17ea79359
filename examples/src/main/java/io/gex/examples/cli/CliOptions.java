package io.gex.examples.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A parsed {@code gex} command line. Options are {@code --name value} or {@code --name=value}; {@code --}
 * ends the options. Immutable.
 *
 * @param command the command: analyze, report, sources or help
 * @param file the snapshot file of {@code analyze} and {@code report}
 * @param source the source id given with {@code --source}
 * @param rate the continuous risk-free rate, decimal
 * @param dividendYield the continuous dividend yield, decimal
 * @param valuationTime the valuation-instant override
 * @param format {@code text} or {@code json}
 * @param out the report directory
 * @param webhook the URL alerts are also posted to
 * @param debug whether errors print their stack trace
 */
record CliOptions(
    String command,
    @Nullable Path file,
    @Nullable String source,
    double rate,
    double dividendYield,
    Optional<Instant> valuationTime,
    String format,
    @Nullable Path out,
    @Nullable URI webhook,
    boolean debug) {

  static final String ANALYZE = "analyze";
  static final String REPORT = "report";
  static final String SOURCES = "sources";
  static final String HELP = "help";

  private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

  /** The options with a value, and the commands that take each. */
  private static final Map<String, Set<String>> VALUED =
      Map.of(
          "--source", Set.of(ANALYZE, REPORT),
          "--rate", Set.of(ANALYZE, REPORT),
          "--dividend-yield", Set.of(ANALYZE, REPORT),
          "--valuation-time", Set.of(ANALYZE, REPORT),
          "--format", Set.of(ANALYZE),
          "--out", Set.of(REPORT),
          "--webhook", Set.of(ANALYZE, REPORT));

  /** Whether the arguments ask for the stack traces of errors, looked at before parsing can fail. */
  static boolean wantsDebug(String[] args) {
    for (String a : args) {
      if (a.equals("--")) {
        return false;
      }
      if (a.equals("--debug")) {
        return true;
      }
    }
    return false;
  }

  /**
   * Parses a command line.
   *
   * @throws UsageException with a one-line message if it is not a valid command line
   */
  static CliOptions parse(String[] args) {
    List<String> positional = new ArrayList<>();
    LinkedHashMap<String, String> values = new LinkedHashMap<>();
    boolean debug = false;
    boolean help = false;
    boolean optionsEnded = false;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (optionsEnded || !arg.startsWith("-") || arg.equals("-")) {
        positional.add(arg);
        continue;
      }
      if (arg.equals("--")) {
        optionsEnded = true;
        continue;
      }
      if (arg.equals("--help") || arg.equals("-h")) {
        help = true;
        continue;
      }
      if (arg.equals("--debug")) {
        debug = true;
        continue;
      }
      int eq = arg.indexOf('=');
      String name = eq > 0 ? arg.substring(0, eq) : arg;
      if (!VALUED.containsKey(name)) {
        throw new UsageException("unknown option " + name + " (see gex --help)");
      }
      String value;
      if (eq > 0) {
        value = arg.substring(eq + 1);
      } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
        value = args[++i];
      } else {
        throw new UsageException(name + " needs a value");
      }
      if (values.put(name, value) != null) {
        throw new UsageException(name + " is given twice");
      }
    }

    if (positional.isEmpty() && !help) {
      throw new UsageException("no command given; commands: analyze, report, sources, help (see gex --help)");
    }
    String command = help ? HELP : positional.get(0);
    List<String> operands = positional.isEmpty() ? List.of() : positional.subList(1, positional.size());
    switch (command) {
      case HELP -> {
        return new CliOptions(HELP, null, null, 0, 0, Optional.empty(), "text", null, null, debug);
      }
      case SOURCES -> {
        if (!operands.isEmpty()) {
          throw new UsageException("sources takes no arguments, got " + String.join(" ", operands));
        }
      }
      case ANALYZE, REPORT -> {
        if (operands.size() != 1) {
          throw new UsageException(
              command
                  + " needs one FILE, got "
                  + (operands.isEmpty() ? "none" : operands.size() + ": " + String.join(" ", operands)));
        }
      }
      default ->
          throw new UsageException(
              "unknown command '" + command + "'; commands: analyze, report, sources, help");
    }
    for (String name : values.keySet()) {
      if (!VALUED.getOrDefault(name, Set.of()).contains(command)) {
        throw new UsageException(name + " is not an option of " + command);
      }
    }

    Path file = operands.isEmpty() ? null : path("FILE", operands.get(0));
    String source = values.get("--source");
    if (source != null && source.isBlank()) {
      throw new UsageException("--source must not be blank");
    }
    double rate = decimal("--rate", values.get("--rate"));
    double dividendYield = decimal("--dividend-yield", values.get("--dividend-yield"));
    Optional<Instant> valuationTime = instant(values.get("--valuation-time"));
    String format = values.getOrDefault("--format", "text").toLowerCase(Locale.ROOT);
    if (!format.equals("text") && !format.equals("json")) {
      throw new UsageException("--format must be text or json, was '" + values.get("--format") + "'");
    }
    String outValue = values.get("--out");
    if (command.equals(REPORT) && outValue == null) {
      throw new UsageException("report needs --out DIR");
    }
    Path out = outValue == null ? null : path("--out", outValue);
    URI webhook = url(values.get("--webhook"));
    return new CliOptions(
        command, file, source, rate, dividendYield, valuationTime, format, out, webhook, debug);
  }

  private static Path path(String what, String value) {
    if (value.isBlank()) {
      throw new UsageException(what + " must not be blank");
    }
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw new UsageException(what + " is not a valid path: '" + value + "'");
    }
  }

  private static double decimal(String name, @Nullable String value) {
    if (value == null) {
      return 0;
    }
    if (!DECIMAL.matcher(value.trim()).matches()) {
      throw new UsageException(name + " must be a number, was '" + value + "'");
    }
    double d = Double.parseDouble(value.trim());
    if (!(Math.abs(d) <= 1)) {
      throw new UsageException(
          name + " must be a decimal in [-1, 1] (0.05 for 5%), was " + value.trim());
    }
    return d;
  }

  private static Optional<Instant> instant(@Nullable String value) {
    if (value == null) {
      return Optional.empty();
    }
    String v = value.trim();
    try {
      return Optional.of(Instant.parse(v));
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(OffsetDateTime.parse(v).toInstant());
      } catch (DateTimeParseException e2) {
        throw new UsageException(
            "--valuation-time must be an ISO-8601 instant such as 2022-12-12T21:15:00Z or "
                + "2022-12-12T16:15:00-05:00, was '"
                + value
                + "'");
      }
    }
  }

  private static @Nullable URI url(@Nullable String value) {
    if (value == null) {
      return null;
    }
    try {
      URI uri = new URI(value.trim());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    throw new UsageException("--webhook must be an http(s) URL, was '" + value + "'");
  }
}
