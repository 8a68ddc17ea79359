package io.gex.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.gex.examples.cli.Cli.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exit statuses and error lines: 2 only for a bad command line, naming the option and the value; 1 for data
 * that cannot be read or analysed, naming the file (and the row when the library says it); always one line
 * on stderr, no stack trace without {@code --debug}, never "unexpected".
 */
class GexCliErrorsTest {

  private static final String SPX = Cli.SPX.toString();

  @Test
  void badCommandLines_exitTwo_namingTheOptionAndValue() {
    usage(Cli.run("analyze", SPX, "--rate", "abc"), "gex: Invalid value for option '--rate': 'abc' is not a number");
    usage(
        Cli.run("analyze", SPX, "--rate", "5"),
        "gex: Invalid value for option '--rate': must be a decimal in [-1, 1] (0.05 for 5%), was '5'");
    usage(Cli.run("analyze", SPX, "--dividend-yield=1e"), "gex: Invalid value for option '--dividend-yield': '1e' is not a number");
    usage(
        Cli.run("analyze", SPX, "--expiries", "soon"),
        "gex: Invalid value for option '--expiries': must be all, 0dte, ex-0dte, to-monthly or a days-to-expiry"
            + " range MIN-MAX such as 0-7, was 'soon'");
    usage(
        Cli.run("analyze", SPX, "--expiries", "9-2"),
        "gex: Invalid value for option '--expiries': the days-to-expiry range must run from low to high, was '9-2'");
    usage(
        Cli.run("analyze", SPX, "--convention", "long"),
        "gex: Invalid value for option '--convention': must be dealer-long-calls or dealer-short-calls, was 'long'");
    usage(Cli.run("analyze", SPX, "--iv", "last"), "gex: Invalid value for option '--iv': must be vendor, otm or mid, was 'last'");
    usage(
        Cli.run("analyze", SPX, "--window", "0"),
        "gex: Invalid value for option '--window': must be a percentage of spot in (0, 100] (10 for ±10%), was '0'");
    usage(Cli.run("analyze", SPX, "--spot", "-5"), "gex: Invalid value for option '--spot': must be a price > 0, was '-5'");
    usage(
        Cli.run("analyze", SPX, "--format", "xml"),
        "gex: Invalid value for option '--format': expected one of [TEXT, JSON, CSV] (case-insensitive) but was 'xml'");
    usage(
        Cli.run("analyze", SPX, "--valuation-time", "yesterday"),
        "gex: Invalid value for option '--valuation-time': must be an ISO-8601 instant such as 2022-12-12T21:15:00Z"
            + " or 2022-12-12T16:15:00-05:00, was 'yesterday'");
    usage(
        Cli.run("analyze", SPX, "--webhook", "ftp://x"),
        "gex: Invalid value for option '--webhook': must be an http(s) URL, was 'ftp://x'");
    usage(Cli.run("analyze", SPX, "--verbose"), "gex: Unknown option: '--verbose'");
    usage(Cli.run("analyze", SPX, "--format"), "gex: Missing required parameter for option '--format' (FORMAT)");
    usage(Cli.run("analyze"), "gex: Missing required parameter: 'FILE'");
    usage(Cli.run("analyze", SPX, "--rate", "0.01", "--rate", "0.02"), "gex: option '--rate' (R) should be specified only once");
    usage(Cli.run("report", SPX), "gex: Missing required option: '--out=DIR'");
    usage(Cli.run("report", SPX, "--out", "x", "--format", "json"), "gex: Unknown options: '--format', 'json'");
    usage(
        Cli.run("frobnicate"),
        "gex: unknown command 'frobnicate'; commands: analyze, report, live, serve, sources, completion, help (see gex --help)");
    usage(Cli.run(), "gex: no command given; commands: analyze, report, live, serve, sources, completion, help (see gex --help)");
    usage(
        Cli.run("analyze", SPX, "--source", "bloomberg"),
        "gex: --source bloomberg: no such option-chain source; available: [cboe-json, cboe-csv, csv, yahoo-csv, optionsdx-csv, synthetic]");
    usage(Cli.run("analyze", SPX, "--plugins", "no-such-dir"), "gex: --plugins no-such-dir: no such directory");
    usage(
        Cli.run("analyze", SPX, "-Dcolor=red"),
        "gex: -Dcolor=red: -D sets only alert settings, keys starting with gex.alerts.");
    usage(
        Cli.run("analyze", SPX, "-Dgex.alerts.cooldown=soon"),
        "gex: -D options: invalid alert settings: gex.alerts.cooldown=soon: expected an ISO-8601 duration such as"
            + " PT15M or PT0.25S, was 'soon'");
    usage(
        Cli.run("analyze", SPX, "-Dgex.alerts.nosuch.x=1"),
        "gex: invalid alert settings: gex.alerts.nosuch.*: no rule with id 'nosuch' is registered or discovered;"
            + " the rules are [example.zero-gamma-shift, gamma-flip-proximity, gex-concentration, pin-risk,"
            + " regime-change, dealer-short-gamma, wall-breach]");
    Properties system = new Properties();
    system.setProperty("gex.alerts.max-alerts-per-rule", "many");
    Result r = Cli.run(system, "analyze", SPX);
    assertThat(r.exit()).isEqualTo(GexCli.EXIT_USAGE);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).startsWith("gex: system properties: invalid alert settings: gex.alerts.max-alerts-per-rule");
  }

  @Test
  void missingOrUnreadableData_exitsOne_namingTheFile(@TempDir Path dir) throws IOException {
    data(Cli.run("analyze", "no-such-file.csv"), "gex: no-such-file.csv: no such file");
    data(Cli.run("report", "no-such-file.csv", "--out", dir.toString()), "gex: no-such-file.csv: no such file");
    data(Cli.run("analyze", ".."), "gex: ..: not a regular file");

    Path empty = Files.writeString(dir.resolve("empty.csv"), "");
    Result r = Cli.run("analyze", empty.toString());
    assertThat(r.exit()).isEqualTo(GexCli.EXIT_FAILED);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).startsWith("gex: ").contains("empty.csv is empty (0 bytes)");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void malformedData_exitsOne_namingTheFileAndTheProblem_neverUnexpected(@TempDir Path dir) throws IOException {
    Path garbage = Files.writeString(dir.resolve("garbage.csv"), "hello,world\n1,2\n3,4\n");
    Result forced = Cli.run("analyze", garbage.toString(), "--source", "cboe-csv");
    assertThat(forced.exit()).isEqualTo(GexCli.EXIT_FAILED);
    assertThat(forced.errLines()).hasSize(1);
    assertThat(forced.err()).startsWith("gex: ").contains(garbage.toString()).doesNotContain("unexpected");
    assertThat(forced.err()).doesNotContain("\tat ");
    assertThat(forced.out()).isEmpty();

    // A chain with no contract left after the expiry selection: the analysis itself fails.
    Result none = Cli.run("analyze", SPX, "--expiries", "0dte");
    assertThat(none.exit()).as("stderr: %s", none.err()).isEqualTo(GexCli.EXIT_FAILED);
    assertThat(none.errLines()).hasSize(1);
    assertThat(none.err()).contains(SPX).doesNotContain("unexpected").doesNotContain("\tat ");
  }

  @Test
  void badRows_areNamedWithTheirLine(@TempDir Path dir) throws IOException {
    // The SPX file with its spot line broken: the source names the line.
    java.util.List<String> lines = Files.readAllLines(Cli.SPX, StandardCharsets.UTF_8);
    lines.set(1, lines.get(1).replaceAll("[0-9]+\\.[0-9]+", "abc"));
    Path broken = Files.write(dir.resolve("broken.csv"), lines, StandardCharsets.UTF_8);

    Result r = Cli.run("analyze", broken.toString(), "--source", "cboe-csv");

    assertThat(r.exit()).as("stdout: %s", r.out()).isEqualTo(GexCli.EXIT_FAILED);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains(broken.toString()).containsIgnoringCase("line").doesNotContain("unexpected");
  }

  @Test
  void alertSettingsFile_problems_exitOne_namingTheFile(@TempDir Path dir) throws IOException {
    data(
        Cli.run("analyze", SPX, "--alerts", dir.resolve("missing.properties").toString()),
        "gex: --alerts " + dir.resolve("missing.properties") + ": no such file");

    Path bad = Files.writeString(dir.resolve("bad.properties"), "gex.alerts.cooldown=soon\n", StandardCharsets.UTF_8);
    Result r = Cli.run("analyze", SPX, "--alerts", bad.toString());
    assertThat(r.exit()).isEqualTo(GexCli.EXIT_FAILED);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).startsWith("gex: --alerts " + bad + ": ").contains("gex.alerts.cooldown").contains("soon");

    Path unknownRule =
        Files.writeString(dir.resolve("rule.properties"), "gex.alerts.nosuch.x=1\n", StandardCharsets.UTF_8);
    Result u = Cli.run("analyze", SPX, "--alerts", unknownRule.toString());
    assertThat(u.exit()).isEqualTo(GexCli.EXIT_FAILED);
    assertThat(u.err()).startsWith("gex: --alerts " + unknownRule + ": ").contains("nosuch");
  }

  @Test
  void debug_addsTheStackTrace(@TempDir Path dir) throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.csv"), "");

    Result r = Cli.run("analyze", empty.toString(), "--debug");

    assertThat(r.exit()).isEqualTo(GexCli.EXIT_FAILED);
    assertThat(r.errLines().get(0)).startsWith("gex: ").contains("empty.csv is empty (0 bytes)");
    assertThat(r.err()).contains("io.gex.ChainSourceException").contains("\tat ");

    Result usage = Cli.run("analyze", SPX, "--rate", "x", "--debug");
    assertThat(usage.exit()).isEqualTo(GexCli.EXIT_USAGE);
    assertThat(usage.err()).contains("\tat ");
  }

  private static void usage(Result r, String line) {
    assertThat(r.exit()).as("exit of %s; stderr %s", line, r.err()).isEqualTo(GexCli.EXIT_USAGE);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).startsWith(line);
    assertThat(r.out()).isEmpty();
  }

  private static void data(Result r, String line) {
    assertThat(r.exit()).as("exit of %s; stderr %s", line, r.err()).isEqualTo(GexCli.EXIT_FAILED);
    assertThat(r.errLines()).containsExactly(line);
    assertThat(r.out()).isEmpty();
  }
}
