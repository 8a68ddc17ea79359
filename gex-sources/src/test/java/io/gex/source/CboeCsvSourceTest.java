package io.gex.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.gex.ChainSourceException;
import io.gex.chain.ContractDiagnostic;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.chain.SettlementStyle;
import io.gex.spi.SourceRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CboeCsvSourceTest {

  private static final CboeCsvSource SOURCE = new CboeCsvSource();
  private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  @TempDir Path dir;

  /** The SPX file's first lines (banner, spot, date, header and {@code rows} data rows). */
  private static List<String> spxHead(int rows) throws IOException {
    try (var lines = Files.lines(TestData.spxCsv())) {
      return new ArrayList<>(lines.limit(4L + rows).toList());
    }
  }

  private Path write(List<String> lines) throws IOException {
    return Files.write(dir.resolve("chain.csv"), lines, StandardCharsets.UTF_8);
  }

  @Test
  void cboeCsv_realSpxSnapshot_readsSpotTimeAndContracts() {
    OptionChain chain = SOURCE.load(SourceRequest.of(TestData.spxCsv()));

    assertThat(chain.underlying()).isEqualTo("SPX");
    assertThat(chain.spot()).isEqualTo(3990.5601);
    assertThat(chain.valuationTime())
        .isEqualTo(ZonedDateTime.of(2022, 12, 12, 20, 30, 0, 0, NEW_YORK).toInstant())
        .isEqualTo(Instant.parse("2022-12-13T01:30:00Z"));
    // 9,578 rows x (call + put); the file has no duplicate contract and no unreadable row.
    assertThat(chain.contracts()).hasSize(19_156);
    assertThat(chain.diagnostics()).isEmpty();
    assertThat(Chains.countByRoot(chain)).isEqualTo(Map.of("SPX", 6_394L, "SPXW", 12_762L));
    assertThat(Chains.sameDateRightStrikeAcrossRoots(chain)).isEqualTo(3_112);
    assertThat(Chains.expiries(chain)).hasSize(51);
  }

  @Test
  void cboeCsv_realSpxSnapshot_keepsSettledExpiriesAndZeroIvContracts() {
    OptionChain chain = SOURCE.load(SourceRequest.of(TestData.spxCsv()));

    // Mon Dec 12 2022 had settled at 16:00, before the 20:30 snapshot: still listed, still read.
    OptionContract settled = Chains.contract(chain, "SPXW221212C01000000");
    assertThat(settled.expiry()).isEqualTo(LocalDate.of(2022, 12, 12));
    assertThat(settled.impliedVolatility()).isZero();
    assertThat(settled.openInterest()).isEqualTo(1);
    assertThat(settled.last()).hasValue(2943.2);
    assertThat(settled.volume()).hasValue(8);
    assertThat(chain.contracts().stream().filter(c -> c.impliedVolatility() == 0).count())
        .isEqualTo(2_303);
  }

  @Test
  void cboeCsv_realSpxSnapshot_readsBothSidesOfARowAsDecimals() {
    OptionChain chain = SOURCE.load(SourceRequest.of(TestData.spxCsv()));

    // Fri Dec 16 2022,SPX221216C04000000,58.34,24.04,0,0,11834,0.4027,0.4803,0.0025,149697,4000.00,
    //   SPX221216P04000000,70.96,-18.69,0,0,10937,0.4019,-0.5197,0.0025,159685
    OptionContract call = Chains.contract(chain, "SPX221216C04000000");
    assertThat(call.settlement()).isEqualTo(SettlementStyle.AM);
    assertThat(call.impliedVolatility()).isEqualTo(0.4027);
    assertThat(call.openInterest()).isEqualTo(149_697);
    assertThat(call.vendorDelta()).hasValue(0.4803);
    assertThat(call.vendorGamma()).hasValue(0.0025);
    assertThat(call.bid()).hasValue(0);
    assertThat(call.volume()).hasValue(11_834);
    OptionContract put = Chains.contract(chain, "SPX221216P04000000");
    assertThat(put.impliedVolatility()).isEqualTo(0.4019);
    assertThat(put.openInterest()).isEqualTo(159_685);
    assertThat(put.vendorDelta()).hasValue(-0.5197);
    OptionContract weekly = Chains.contract(chain, "SPXW221216C04000000");
    assertThat(weekly.settlement()).isEqualTo(SettlementStyle.PM);
    assertThat(weekly.openInterest()).isEqualTo(4_941);
  }

  @Test
  void cboeCsv_realNdxSnapshot_readsSpotTimeAndContracts() {
    OptionChain chain = SOURCE.load(SourceRequest.of(TestData.ndxCsv()));

    assertThat(chain.underlying()).isEqualTo("NDX");
    assertThat(chain.spot()).isEqualTo(11706.4395);
    assertThat(chain.valuationTime())
        .isEqualTo(ZonedDateTime.of(2022, 12, 12, 20, 31, 0, 0, NEW_YORK).toInstant());
    assertThat(chain.contracts()).hasSize(19_118);
    assertThat(chain.diagnostics()).isEmpty();
    assertThat(Chains.countByRoot(chain)).isEqualTo(Map.of("NDX", 6_096L, "NDXP", 13_022L));
    assertThat(Chains.expiries(chain)).hasSize(41);
  }

  @Test
  void cboeCsv_valuationOverride_replacesTheDateLine() {
    Instant at = Instant.parse("2022-12-12T15:00:00Z");

    OptionChain chain = SOURCE.load(SourceRequest.of(TestData.spxCsv()).withValuationTime(at));

    assertThat(chain.valuationTime()).isEqualTo(at);
  }

  @Test
  void cboeCsv_underlyingParameter_wins() throws IOException {
    Path file = write(spxHead(3));

    OptionChain chain =
        SOURCE.load(SourceRequest.of(file).withParameter("underlying", "SPX500"));

    assertThat(chain.underlying()).isEqualTo("SPX500");
  }

  @Test
  void cboeCsv_duplicateRow_isDroppedWithADuplicateDiagnostic() throws IOException {
    List<String> lines = spxHead(3);
    lines.add(lines.get(5));

    OptionChain chain = SOURCE.load(SourceRequest.of(write(lines)));

    assertThat(chain.contracts()).hasSize(6);
    assertThat(chain.diagnostics())
        .hasSize(2)
        .allSatisfy(d -> assertThat(d.reason()).isEqualTo(ContractDiagnostic.Reason.DUPLICATE));
  }

  @Test
  void cboeCsv_badFields_areSkippedWithDiagnosticsNamingLineFieldAndValue() throws IOException {
    List<String> lines = spxHead(6);
    // line 5: call IV unreadable -> the call is skipped, the put is kept
    lines.set(4, lines.get(4).replaceFirst(",8,0,0,0,1,1000.00,", ",8,abc,0,0,1,1000.00,"));
    // line 6: put open interest negative
    lines.set(5, lines.get(5).replaceFirst(",0$", ",-3"));
    // line 7: a short row
    lines.set(6, "Mon Dec 12 2022,SPXW221212C01400000,1");
    // line 8: expiry column disagrees with the symbols
    lines.set(7, lines.get(7).replaceFirst("^Mon Dec 12 2022", "Tue Dec 13 2022"));
    // line 9: call symbol is garbage
    lines.set(8, lines.get(8).replaceFirst("SPXW221212C0\\d+", "NOT-A-SYMBOL"));

    OptionChain chain = SOURCE.load(SourceRequest.of(write(lines)));

    assertThat(chain.diagnostics())
        .extracting(ContractDiagnostic::location, ContractDiagnostic::field, ContractDiagnostic::value)
        .containsExactly(
            tuple("line 5", "Calls IV", "abc"),
            tuple("line 6", "Puts Open Interest", "-3"),
            tuple("line 7", "row", "Mon Dec 12 2022,SPXW221212C01400000,1"),
            tuple("line 8", "Expiration Date", "Tue Dec 13 2022"),
            tuple("line 8", "Expiration Date", "Tue Dec 13 2022"),
            tuple("line 9", "Calls", "NOT-A-SYMBOL"));
    assertThat(chain.diagnostics())
        .allSatisfy(d -> assertThat(d.reason()).isEqualTo(ContractDiagnostic.Reason.MALFORMED));
    // 6 rows x 2 = 12, minus the call of line 5, the put of line 6, both of 7 and 8, the call of 9
    assertThat(chain.contracts()).hasSize(5);
  }

  @Test
  void cboeCsv_lenientNumbers_acceptFloatsPercentAndBlanks() throws IOException {
    List<String> lines = spxHead(1);
    // call: OI "1.0", IV "25%", last sale blank; put: delta "-", volume "N/A"
    lines.set(
        4,
        "Mon Dec 12 2022,SPXW221212C01000000,,0.25,0,0,8,25%,0,0,1.0,1000.00,"
            + "SPXW221212P01000000,0,0,0,0,N/A,0,-,0,0");

    OptionChain chain = SOURCE.load(SourceRequest.of(write(lines)));

    assertThat(chain.diagnostics()).isEmpty();
    OptionContract call = Chains.contract(chain, "SPXW221212C01000000");
    assertThat(call.openInterest()).isEqualTo(1);
    assertThat(call.impliedVolatility()).isCloseTo(0.25, within(1e-15));
    assertThat(call.last()).isEmpty();
    OptionContract put = Chains.contract(chain, "SPXW221212P01000000");
    assertThat(put.vendorDelta()).isEmpty();
    assertThat(put.volume()).isEmpty();
  }

  @Test
  void cboeCsv_noLastLine_throwsNamingLineTwo() throws IOException {
    List<String> lines = spxHead(2);
    lines.set(1, "Standard & Poors 500 Index,Change:  56.1801");

    assertThatThrownBy(() -> SOURCE.load(SourceRequest.of(write(lines))))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("chain.csv")
        .hasMessageContaining("'Last: <price>'")
        .hasMessageContaining("line 2 was 'Standard & Poors 500 Index,Change:  56.1801'");
  }

  @Test
  void cboeCsv_noLastLineButASpotInTheRequest_reads() throws IOException {
    List<String> lines = spxHead(2);
    lines.set(1, "Standard & Poors 500 Index,Change:  56.1801");
    Path file = write(lines);

    assertThatThrownBy(() -> SOURCE.load(SourceRequest.of(file)))
        .hasMessageContaining("the 'spot' option (SourceRequest.withSpot; --spot on the command line)");
    assertThat(SOURCE.load(SourceRequest.of(file).withSpot(3990.56)).spot()).isEqualTo(3990.56);
  }

  @Test
  void cboeCsv_requestSpot_winsOverTheLastLine() {
    assertThat(SOURCE.load(SourceRequest.of(TestData.spxCsv()).withSpot(4000)).spot()).isEqualTo(4000);
  }

  @Test
  void cboeCsv_everyRowFails_throwsQuotingTheFirstThreeReasons() throws IOException {
    List<String> lines = spxHead(4);
    for (int i = 4; i < lines.size(); i++) {
      lines.set(i, lines.get(i).replaceFirst("^Mon Dec 12 2022,", "Someday,"));
    }

    assertThatThrownBy(() -> SOURCE.load(SourceRequest.of(write(lines))))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("chain.csv: no row could be read (4 all rejected)")
        .hasMessageContaining("line 5 field 'Expiration Date' value 'Someday'")
        .hasMessageContaining("line 7 field 'Expiration Date' value 'Someday'")
        .hasMessageNotContaining("line 8");
  }

  @Test
  void cboeCsv_unreadableSpot_throwsNamingLineFieldAndValue() throws IOException {
    List<String> lines = spxHead(2);
    lines.set(1, "Standard & Poors 500 Index,Last: 39x0.56,Change:  56.1801");

    assertThatThrownBy(() -> SOURCE.load(SourceRequest.of(write(lines))))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("'Last'")
        .hasMessageContaining("'39x0.56'");
  }

  @Test
  void cboeCsv_unreadableDate_throwsNamingLineFieldAndValue() throws IOException {
    List<String> lines = spxHead(2);
    lines.set(2, "\"Date: Decembr 12, 2022 at 8:30 PM EST\",Bid: 0");

    assertThatThrownBy(() -> SOURCE.load(SourceRequest.of(write(lines))))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("line 3")
        .hasMessageContaining("'Date'")
        .hasMessageContaining("Decembr 12, 2022");
  }

  @Test
  void cboeCsv_noDateLineButAnOverride_reads() throws IOException {
    List<String> lines = spxHead(2);
    lines.set(2, "Bid: 0,Ask: 0");
    Instant at = Instant.parse("2022-12-12T21:00:00Z");

    assertThat(SOURCE.load(SourceRequest.of(write(lines)).withValuationTime(at)).valuationTime())
        .isEqualTo(at);
    assertThatThrownBy(() -> SOURCE.load(SourceRequest.of(write(lines))))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("no valuation time");
  }

  @Test
  void cboeCsv_noHeader_throwsNamingTheFirstLine() throws IOException {
    List<String> lines = spxHead(2);
    lines.remove(3);

    assertThatThrownBy(() -> SOURCE.load(SourceRequest.of(write(lines))))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("no header line")
        .hasMessageContaining("line 1 was '---Example Data---'");
  }

  @Test
  void cboeCsv_headerWithoutPutIv_throwsNamingTheColumn() throws IOException {
    List<String> lines = spxHead(2);
    lines.set(3, lines.get(3).replaceFirst("(Puts.*),IV,", "$1,Vol,"));

    assertThatThrownBy(() -> SOURCE.load(SourceRequest.of(write(lines))))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("line 4")
        .hasMessageContaining("'IV' column for the Puts");
  }

  @Test
  void cboeCsv_missingFile_throwsNamingIt() {
    assertThatThrownBy(() -> SOURCE.load(SourceRequest.of(dir.resolve("nope.csv"))))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("nope.csv")
        .hasMessageContaining("no such file");
  }

  @Test
  void canRead_recognisesTheQuoteTableOnly() throws IOException {
    assertThat(SOURCE.canRead(head(TestData.spxCsv()))).isTrue();
    assertThat(SOURCE.canRead(head(TestData.ndxCsv()))).isTrue();
    assertThat(SOURCE.canRead(head(TestData.rutJson()))).isFalse();
    assertThat(SOURCE.canRead("occ,open_interest\n".getBytes(StandardCharsets.UTF_8))).isFalse();
  }

  static byte[] head(Path file) throws IOException {
    try (var in = Files.newInputStream(file)) {
      return in.readNBytes(8192);
    }
  }
}
