package io.gex.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gex.ChainSourceException;
import io.gex.chain.ContractDiagnostic;
import io.gex.chain.OccSymbol;
import io.gex.chain.OptionChain;
import io.gex.positions.Trade;
import io.gex.spi.SourceRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TradeTapeTest {

  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    return f;
  }

  private static final OccSymbol C5100 = OccSymbol.parse("SPXW240315C05100000");

  @Test
  void csv_readsTradesWithAndWithoutQuotes() throws IOException {
    TradeTape tape =
        TradeTape.read(
            file(
                "t.csv",
                "time,option,price,size,bid,ask\n"
                    + "# a comment\n"
                    + "2024-03-15T14:00:00.250Z,SPXW240315C05100000,12.50,25,12.10,12.50\n"
                    + "\n"
                    + "2024-03-15T10:00:01,SPXW240315P05000000,8.05,3,,\n"));
    assertThat(tape.diagnostics()).isEmpty();
    assertThat(tape.trades())
        .containsExactly(
            new Trade(Instant.parse("2024-03-15T14:00:00.250Z"), C5100, 12.5, 25, 12.1, 12.5),
            new Trade(
                Instant.parse("2024-03-15T14:00:01Z"),
                OccSymbol.parse("SPXW240315P05000000"), 8.05, 3, 0, 0));
  }

  @Test
  void jsonLines_readTheSameFields() throws IOException {
    TradeTape tape =
        TradeTape.read(
            file(
                "t.jsonl",
                "{\"time\":\"2024-03-15T14:00:00.250Z\",\"option\":\"SPXW240315C05100000\",\"price\":12.5,"
                    + "\"size\":25,\"bid\":12.1,\"ask\":\"12.50\",\"venue\":\"CBOE\"}\n"
                    + "{\"time\":\"2024-03-15T14:00:01Z\",\"option\":\"SPXW240315C05100000\",\"price\":12.4,"
                    + "\"size\":2,\"bid\":null}\n"));
    assertThat(tape.diagnostics()).isEmpty();
    assertThat(tape.trades())
        .containsExactly(
            new Trade(Instant.parse("2024-03-15T14:00:00.250Z"), C5100, 12.5, 25, 12.1, 12.5),
            new Trade(Instant.parse("2024-03-15T14:00:01Z"), C5100, 12.4, 2, 0, 0));
  }

  @Test
  void badRows_becomeDiagnosticsNamingTheRowAndField_andReadingGoesOn() throws IOException {
    Path f =
        file(
            "bad.csv",
            "time,option,price,size,bid,ask\n"
                + "2024-03-15T14:00:00Z,SPXW240315C05100000,12.50,25,12.10,12.50\n"
                + "yesterday,SPXW240315C05100000,12.50,25,,\n"
                + "2024-03-15T14:00:01Z,NOTASYMBOL,12.50,25,,\n"
                + "2024-03-15T14:00:01Z,SPXW240315C05100000,abc,25,,\n"
                + "2024-03-15T14:00:01Z,SPXW240315C05100000,12.5,2.5,,\n"
                + "2024-03-15T14:00:01Z,SPXW240315C05100000,12.5,0,,\n"
                + "2024-03-15T14:00:01Z,SPXW240315C05100000,12.5,1,-1,\n"
                + "2024-03-15T14:00:01Z,SPXW240315C05100000,12.5,1\n"
                + "2024-03-15T13:59:59Z,SPXW240315C05100000,12.5,1,,\n"
                + "2024-03-15T14:00:02Z,SPXW240315C05100000,12.6,1,,\n");
    TradeTape tape = TradeTape.read(f);
    assertThat(tape.trades()).hasSize(2);
    assertThat(tape.rejectedRows()).isEqualTo(8);
    assertThat(tape.diagnostics())
        .extracting(ContractDiagnostic::location, ContractDiagnostic::field)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(f + " line 3", "time"),
            org.assertj.core.groups.Tuple.tuple(f + " line 4", "option"),
            org.assertj.core.groups.Tuple.tuple(f + " line 5", "price"),
            org.assertj.core.groups.Tuple.tuple(f + " line 6", "size"),
            org.assertj.core.groups.Tuple.tuple(f + " line 7", "size"),
            org.assertj.core.groups.Tuple.tuple(f + " line 8", "bid"),
            org.assertj.core.groups.Tuple.tuple(f + " line 9", "row"),
            org.assertj.core.groups.Tuple.tuple(f + " line 10", "time"));
    assertThat(tape.diagnostics()).allMatch(d -> d.reason() == ContractDiagnostic.Reason.MALFORMED);
  }

  @Test
  void aBadJsonLine_isADiagnostic() throws IOException {
    TradeTape tape =
        TradeTape.read(
            file(
                "t.jsonl",
                "{\"time\":\"2024-03-15T14:00:00Z\",\"option\":\"SPXW240315C05100000\",\"price\":1,\"size\":1}\n"
                    + "{\"time\": oops}\n"
                    + "[1,2]\n"));
    assertThat(tape.trades()).hasSize(1);
    assertThat(tape.diagnostics()).extracting(ContractDiagnostic::field).containsExactly("row", "row");
  }

  @Test
  void aCsvWithoutTheHeader_failsAsAWhole() throws IOException {
    Path f = file("x.csv", "time,symbol,field,value\n");
    assertThatThrownBy(() -> TradeTape.read(f))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("not a trade tape")
        .hasMessageContaining(TradeTape.HEADER);
  }

  @Test
  void aWrittenTape_readsBackTheSameTrades() {
    OptionChain chain = new CboeCsvSource().load(SourceRequest.of(TestData.spxCsv()));
    List<Trade> trades = SyntheticTape.of(chain, 5, 300).trades();
    Path f = dir.resolve("synthetic.csv");
    TradeTape.write(f, trades);
    TradeTape back = TradeTape.read(f);
    assertThat(back.diagnostics()).isEmpty();
    assertThat(back.trades()).isEqualTo(trades);
  }

  @Test
  void recognises_tapesOnly_notSnapshotsOrTickFiles(@TempDir Path dir) throws IOException {
    try (var files = Files.list(TestData.dir())) {
      for (Path snapshot : files.filter(f -> f.toString().matches(".*\\.(csv|json)$")).toList()) {
        assertThat(TradeTape.isTradeTape(snapshot)).as("%s", snapshot).isFalse();
      }
    }
    assertThat(TradeTape.isTradeTape(TestData.dir().resolve("tapes/synthetic-spx-2022-12-12-trades.csv")))
        .isTrue();
    Path lines = dir.resolve("tape.jsonl");
    Files.writeString(
        lines,
        "{\"time\":\"2024-03-15T14:00:00Z\",\"option\":\"SPXW240315C05100000\",\"price\":12.5,"
            + "\"size\":25}\n");
    assertThat(TradeTape.isTradeTape(lines)).isTrue();
    Path ticks = dir.resolve("ticks.csv");
    Files.writeString(ticks, "time,symbol,field,value\n2024-03-15T14:00:00Z,SPX,spot,5000\n");
    assertThat(TradeTape.isTradeTape(ticks)).isFalse();
    assertThat(TradeTape.recognises(" Time , Option,price,SIZE,bid,ask\n".getBytes())).isTrue();
  }
}
