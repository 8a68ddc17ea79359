package io.gex.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --positions} and {@code --trades} on the bundled synthetic tape, and {@code gex tape}. */
class PositionsCliTest {

  /** The bundled tape: 20,000 synthetic trades over the SPX snapshot (see data/README.md). */
  static final Path TAPE = Path.of("..", "data", "tapes", "synthetic-spx-2022-12-12-trades.csv");

  @Test
  void analyze_withTheBundledTapeUnderFlow_carriesTheProvenance() throws IOException {
    Cli.Result r =
        Cli.run("analyze", Cli.SPX.toString(), "--trades", TAPE.toString(), "--positions", "flow", "--format", "json");
    assertThat(r.exit()).as("stderr: %s", r.err()).isZero();
    assertThat(r.err()).isEmpty();
    JsonNode p = Cli.json(r).get("positions");
    assertThat(p.get("model").asText()).isEqualTo("flow");
    assertThat(p.get("trades").asLong()).isEqualTo(20_000);
    assertThat(p.get("classified").asLong() + p.get("unclassified").asLong() + p.get("stale").asLong())
        .isEqualTo(20_000);
    assertThat(p.get("classified").asLong()).isGreaterThan(18_000);
    assertThat(p.get("tradesOutsideChain").asLong()).isZero();
    assertThat(p.get("netAboveVolume").asLong()).isZero();
    assertThat(p.get("flowGexShare").asDouble()).isStrictlyBetween(0.0, 0.1);
    assertThat(p.get("flagged").size()).isEqualTo(20);

    // The flow moves the figures away from the open-interest analysis, a little.
    JsonNode oi = Cli.json(Cli.run("analyze", Cli.SPX.toString(), "--format", "json"));
    assertThat(oi.get("positions").get("model").asText()).isEqualTo("oi");
    assertThat(oi.get("positions").get("trades").asLong()).isZero();
    double flowTotal = Cli.json(r).get("totalGex").asDouble();
    assertThat(flowTotal).isNotEqualTo(oi.get("totalGex").asDouble());
    assertThat(flowTotal).isCloseTo(oi.get("totalGex").asDouble(), within(0.1 * Math.abs(flowTotal)));
  }

  @Test
  void analyze_text_showsThePositionsLine_onlyWhenNotOpenInterestAlone() {
    Cli.Result flow =
        Cli.run("analyze", Cli.SPX.toString(), "--trades", TAPE.toString(), "--positions", "flow");
    assertThat(flow.out()).contains("Positions          flow: 20,000 trades, ");
    Cli.Result volume = Cli.run("analyze", Cli.SPX.toString(), "--positions", "volume");
    assertThat(volume.exit()).isZero();
    assertThat(volume.out()).contains("Positions          volume\n");
    assertThat(Cli.run("analyze", Cli.SPX.toString()).out()).doesNotContain("Positions");
  }

  @Test
  void badUse_isExplained() {
    Cli.Result unknown = Cli.run("analyze", Cli.SPX.toString(), "--positions", "nope");
    assertThat(unknown.exit()).isEqualTo(GexCli.EXIT_USAGE);
    assertThat(unknown.err()).contains("--positions nope").contains("no position model with id 'nope'");
    Cli.Result noTape = Cli.run("analyze", Cli.SPX.toString(), "--positions", "flow");
    assertThat(noTape.exit()).isZero();
    assertThat(noTape.err()).contains("--positions flow without --trades");
    Cli.Result missing = Cli.run("analyze", Cli.SPX.toString(), "--trades", "no-such-tape.csv");
    assertThat(missing.exit()).isEqualTo(GexCli.EXIT_FAILED);
    assertThat(missing.err()).contains("no-such-tape.csv: no such file");
  }

  @Test
  void tape_writesASyntheticTape_thatAnalyzeReads(@TempDir Path dir) throws IOException {
    Path tape = dir.resolve("t.csv");
    Cli.Result r = Cli.run("tape", Cli.SPX.toString(), "--out", tape.toString(), "--trades", "300", "--seed", "9");
    assertThat(r.exit()).as("stderr: %s", r.err()).isZero();
    assertThat(r.out()).contains("300 synthetic trades (seed 9)");
    assertThat(Files.readAllLines(tape)).hasSize(301).first().isEqualTo("time,option,price,size,bid,ask");
    Cli.Result a =
        Cli.run("analyze", Cli.SPX.toString(), "--trades", tape.toString(), "--positions", "flow", "--format", "json");
    assertThat(Cli.json(a).get("positions").get("trades").asLong()).isEqualTo(300);
  }
}
