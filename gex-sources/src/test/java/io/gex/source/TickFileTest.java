package io.gex.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gex.ChainSourceException;
import io.gex.chain.ContractDiagnostic;
import io.gex.chain.OccSymbol;
import io.gex.live.MarketEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TickFileTest {

  @TempDir Path dir;

  private static final String EXAMPLE =
      """
      time,symbol,field,value
      2022-12-12T15:30:00.250Z,SPX,spot,3990.56
      2022-12-12T15:30:00.500Z,SPXW221212C04000000,bid,1.35
      2022-12-12T15:30:00.500Z,SPXW221212C04000000,ask,1.45
      2022-12-12T15:30:01Z,SPXW221212C04000000,iv,0.2215
      2022-12-12T10:30:02-05:00,SPX221216P03900000,oi,20314
      """;

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void read_documentedExample_givesEventsInFileOrderWithLines() throws IOException {
    TickFile ticks = TickFile.read(write("ticks.csv", EXAMPLE));

    OccSymbol call = OccSymbol.parse("SPXW221212C04000000");
    assertThat(ticks.events())
        .containsExactly(
            new MarketEvent.Spot(Instant.parse("2022-12-12T15:30:00.250Z"), 3990.56),
            new MarketEvent.ContractField(
                Instant.parse("2022-12-12T15:30:00.500Z"), call, MarketEvent.Field.BID, 1.35),
            new MarketEvent.ContractField(
                Instant.parse("2022-12-12T15:30:00.500Z"), call, MarketEvent.Field.ASK, 1.45),
            new MarketEvent.ContractField(
                Instant.parse("2022-12-12T15:30:01Z"), call, MarketEvent.Field.IV, 0.2215),
            new MarketEvent.ContractField(
                Instant.parse("2022-12-12T15:30:02Z"),
                OccSymbol.parse("SPX221216P03900000"),
                MarketEvent.Field.OI,
                20314));
    assertThat(ticks.lines()).containsExactly(2, 3, 4, 5, 6);
    assertThat(ticks.diagnostics()).isEmpty();
    assertThat(ticks.rejectedRows()).isZero();
    assertThat(ticks.underlying()).hasValue("SPX");
  }

  @Test
  void read_hostileRows_becomeDiagnosticsNamingFileLineFieldAndValue() throws IOException {
    Path file =
        write(
            "bad.csv",
            "\uFEFFtime,symbol,field,value\r\n"
                + "2022-12-12T15:30:00Z,SPX,spot,3990.56\r\n" // 2 good
                + "2022-12-12T15:30:01Z,SPX,spot,NaN\r\n" // 3 NaN
                + "2022-12-12T15:30:02Z,SPXW221212C04000000,bid,\r\n" // 4 empty
                + "2022-12-12T15:30:03Z,SPXW221212C04000000,gamma,0.1\r\n" // 5 unknown field
                + "2022-12-12T15:30:04Z,SPXW2212C4000,ask,1.2\r\n" // 6 bad symbol
                + "yesterday,SPX,spot,3991\r\n" // 7 bad time
                + "2022-12-12T15:30:05Z,SPXW221212C04000000,iv,-0.2\r\n" // 8 negative
                + "2022-12-12T15:30:06Z,SPXW221212C04000000,oi,12.5\r\n" // 9 fractional oi
                + "2022-12-12T15:30:07Z,NDX,spot,11000\r\n" // 10 second underlying
                + "2022-12-12T15:30:08Z,SPX,spot\r\n" // 11 short row
                + "2022-12-12T15:29:00Z,SPX,spot,3989\r\n" // 12 out of order
                + "2022-12-12T15:30:09Z,SPX,spot,1e300\r\n" // 13 out of range
                + "2022-12-12T15:30:10Z,SPXW221212C04000000,ask,1.45\r\n"); // 14 good

    TickFile ticks = TickFile.read(file);

    assertThat(ticks.events()).hasSize(2);
    assertThat(ticks.lines()).containsExactly(2, 14);
    assertThat(ticks.events().get(1))
        .isEqualTo(
            new MarketEvent.ContractField(
                Instant.parse("2022-12-12T15:30:10Z"),
                OccSymbol.parse("SPXW221212C04000000"),
                MarketEvent.Field.ASK,
                1.45));
    assertThat(ticks.rejectedRows()).isEqualTo(11);
    assertThat(ticks.diagnostics())
        .extracting(ContractDiagnostic::location, ContractDiagnostic::field, ContractDiagnostic::value)
        .containsExactly(
            tuple(file + " line 3", "value", "NaN"),
            tuple(file + " line 4", "value", ""),
            tuple(file + " line 5", "field", "gamma"),
            tuple(file + " line 6", "symbol", "SPXW2212C4000"),
            tuple(file + " line 7", "time", "yesterday"),
            tuple(file + " line 8", "value", "-0.2"),
            tuple(file + " line 9", "value", "12.5"),
            tuple(file + " line 10", "symbol", "NDX"),
            tuple(file + " line 11", "row", "2022-12-12T15:30:08Z,SPX,spot"),
            tuple(file + " line 12", "time", "2022-12-12T15:29:00Z"),
            tuple(file + " line 13", "value", "1e300"));
    assertThat(ticks.diagnostics())
        .allMatch(d -> d.reason() == ContractDiagnostic.Reason.MALFORMED);
    assertThat(ticks.diagnostics().get(0).detail()).isEqualTo("no value: a tick needs a number");
    assertThat(ticks.diagnostics().get(2).detail()).isEqualTo("must be spot, bid, ask, iv or oi");
    assertThat(ticks.diagnostics().get(9).detail())
        .isEqualTo(
            "earlier than 2022-12-12T15:30:00Z on line 2; rows must be in time order");
  }

  @Test
  void read_gzipWithCommentsAndBlankLines_readsTheSameEvents() throws IOException {
    Path gz = dir.resolve("ticks.csv.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(("# exported\n" + EXAMPLE.replace("\n2022-12-12T15:30:01Z", "\n\n2022-12-12T15:30:01Z"))
          .getBytes(StandardCharsets.UTF_8));
    }
    TickFile plain = TickFile.read(write("ticks.csv", EXAMPLE));

    TickFile zipped = TickFile.read(gz);

    assertThat(zipped.events()).isEqualTo(plain.events());
    assertThat(zipped.lines()).containsExactly(3, 4, 5, 7, 8);
    assertThat(TickFile.isTickFile(gz)).isTrue();
  }

  @Test
  void recognises_onlyTheHeader() {
    assertThat(TickFile.recognises(bytes("time,symbol,field,value\n"))).isTrue();
    assertThat(TickFile.recognises(bytes("\uFEFF# c\r\n Time , SYMBOL,Field,value\r\n"))).isTrue();
    assertThat(TickFile.recognises(bytes("time,symbol,field\n"))).isFalse();
    assertThat(TickFile.recognises(bytes("occ,open_interest,implied_volatility\n"))).isFalse();
    assertThat(TickFile.recognises(bytes(""))).isFalse();
  }

  @Test
  void read_withoutHeader_failsNamingFileAndLine() throws IOException {
    Path file = write("chain.csv", "occ,open_interest\nSPXW221216C04000000,1520\n");

    assertThatThrownBy(() -> TickFile.read(file))
        .isInstanceOf(ChainSourceException.class)
        .hasMessage(
            file + " line 1: not a tick file: the header must be 'time,symbol,field,value', was"
                + " 'occ,open_interest'");
  }

  @Test
  void read_missingFile_failsNamingIt() {
    Path file = dir.resolve("nope.csv");

    assertThatThrownBy(() -> TickFile.read(file))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("no such file: " + file);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
