package io.gex.examples.cli;

import io.gex.alerts.GexAlert;
import io.gex.charts.GexCharts;
import io.gex.charts.GexReport;
import io.gex.charts.ReportFiles;
import io.gex.server.AnalysisJson;
import io.gex.spi.ChainSources;
import io.gex.spi.OptionChainSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** The subcommands of {@code gex}: {@code analyze}, {@code report} and {@code sources}. */
final class Commands {

  private Commands() {}

  /** What every command needs from outside: the clock and the JVM's system properties. */
  record Environment(Clock clock, Properties systemProperties) {}

  private static final String EXIT_CODES = "%nExit status:%n";

  /** {@code gex analyze FILE}. */
  @Command(
      name = "analyze",
      mixinStandardHelpOptions = true,
      versionProvider = GexCli.Version.class,
      sortOptions = false,
      description = {
        "Analyse an option-chain snapshot and print a summary, one JSON object or the by-strike CSV table.",
        "Exposures are dollars of underlying per 1%% move (text: $bn), levels index points."
      },
      exitCodeListHeading = EXIT_CODES,
      exitCodeList = {
        "0:success",
        "1:FILE (or the --alerts file) cannot be read or analysed",
        "2:bad command line"
      })
  static final class Analyze implements Callable<Integer> {
    private final Environment environment;

    @Spec @Nullable CommandSpec spec;

    @Mixin AnalysisOptions options = new AnalysisOptions();

    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        description =
            "text (default), json (every figure; see examples/README.md) or csv (the table by strike: GEX,"
                + " open interest and dealer delta, vanna and charm)")
    Format format = Format.TEXT;

    Analyze(Environment environment) {
      this.environment = environment;
    }

    @Override
    public Integer call() {
      PrintWriter out = Objects.requireNonNull(spec, "spec").commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      AnalysisRun.Result r =
          AnalysisRun.run(options, environment.clock(), environment.systemProperties(), err);
      switch (format) {
        case JSON -> out.println(AnalysisJson.write(r.analysis(), r.alerts()));
        case CSV -> out.print(AnalysisCsv.format(r.analysis()));
        case TEXT ->
            out.print(AnalysisText.format(r.analysis(), r.alerts(), r.sourceId(), options.window()));
      }
      out.flush();
      return GexCli.EXIT_OK;
    }
  }

  /** The output formats of {@code analyze}. */
  enum Format {
    TEXT,
    JSON,
    CSV;

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** {@code gex report FILE --out DIR}. */
  @Command(
      name = "report",
      mixinStandardHelpOptions = true,
      versionProvider = GexCli.Version.class,
      sortOptions = false,
      description = "Write the PNG charts and index.html of the analysis into DIR and print their paths.",
      exitCodeListHeading = EXIT_CODES,
      exitCodeList = {
        "0:success",
        "1:FILE (or the --alerts file) cannot be read or analysed, or DIR cannot be written",
        "2:bad command line"
      })
  static final class Report implements Callable<Integer> {
    private final Environment environment;

    @Spec @Nullable CommandSpec spec;

    @Mixin AnalysisOptions options = new AnalysisOptions();

    @Option(
        names = "--out",
        paramLabel = "DIR",
        required = true,
        description = "the directory to write into (created if missing)")
    @Nullable Path out;

    Report(Environment environment) {
      this.environment = environment;
    }

    @Override
    public Integer call() {
      PrintWriter stdout = Objects.requireNonNull(spec, "spec").commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Path dir = Objects.requireNonNull(out, "out");
      AnalysisRun.Result r =
          AnalysisRun.run(options, environment.clock(), environment.systemProperties(), err);
      List<String> lines = new ArrayList<>();
      for (GexAlert a : r.alerts()) {
        lines.add(a.severity() + "  " + a.message());
      }
      GexReport report = GexReport.of(
              GexCharts.builder()
                  .strikeWindow(options.window())
                  .profileWindow(options.profileWindow())
                  .build());
      ReportFiles files;
      try {
        files = report.writeTo(r.analysis(), lines, dir);
      } catch (RuntimeException e) {
        throw DataException.of(dir, e);
      }
      for (Path p : files.all()) {
        stdout.println(p);
      }
      stdout.flush();
      return GexCli.EXIT_OK;
    }
  }

  /** {@code gex sources}. */
  @Command(
      name = "sources",
      mixinStandardHelpOptions = true,
      versionProvider = GexCli.Version.class,
      description = "List the option-chain sources found (built-ins and --plugins jars).")
  static final class Sources implements Callable<Integer> {

    @Spec @Nullable CommandSpec spec;

    @Option(
        names = "--plugins",
        paramLabel = "DIR",
        description = "also load every .jar in DIR")
    @Nullable Path plugins;

    @Option(names = "--debug", description = "print the stack trace of an error")
    boolean debug;

    @Override
    public Integer call() {
      PrintWriter out = Objects.requireNonNull(spec, "spec").commandLine().getOut();
      try (Plugins loaded = plugins == null ? Plugins.none() : Plugins.load(plugins)) {
        ChainSources sources = AnalysisRun.sources(loaded);
        // Descriptions in one column, after the longest id (a plugin's may be longer than any built-in's).
        int width = 1;
        for (OptionChainSource s : sources.sources()) {
          width = Math.max(width, s.id().length());
        }
        for (OptionChainSource s : sources.sources()) {
          out.printf("%-" + width + "s  %s%n", s.id(), s.description());
        }
        sources
            .report()
            .failures()
            .forEach(f -> spec.commandLine().getErr().println("gex: warning: plugin not loaded: " + f));
      }
      out.flush();
      return GexCli.EXIT_OK;
    }
  }
}
