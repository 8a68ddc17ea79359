package io.gex.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gex.ChainSourceException;
import io.gex.chain.ContractDiagnostic;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.chain.SettlementStyle;
import io.gex.spi.SourceRequest;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvChainSourceTest {

  private static final CsvChainSource SOURCE = new CsvChainSource();

  @TempDir Path dir;

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("mine.csv"), text, StandardCharsets.UTF_8);
  }

  private static final String EXAMPLE =
      """
      # my export
      # underlying=SPX
      # spot=3990.56
      # valuation_time=2022-12-12T20:30:00-05:00
      occ,open_interest,implied_volatility,bid,ask,last,volume,delta,gamma
      SPXW221216C04000000,1520,0.2012,31.2,31.9,31.5,884,0.4821,0.0043
      SPX221216P03900000,20314,0.2310,18.1,18.6,,120,-0.3120,0.0031
      """;

  @Test
  void csv_documentedExample_readsChainValuesAndContracts() throws IOException {
    OptionChain chain = SOURCE.load(SourceRequest.of(write(EXAMPLE)));

    assertThat(chain.underlying()).isEqualTo("SPX");
    assertThat(chain.spot()).isEqualTo(3990.56);
    assertThat(chain.valuationTime()).isEqualTo(Instant.parse("2022-12-13T01:30:00Z"));
    assertThat(chain.diagnostics()).isEmpty();
    assertThat(chain.contracts()).hasSize(2);
    OptionContract call = Chains.contract(chain, "SPXW221216C04000000");
    assertThat(call.openInterest()).isEqualTo(1520);
    assertThat(call.impliedVolatility()).isEqualTo(0.2012);
    assertThat(call.bid()).hasValue(31.2);
    assertThat(call.ask()).hasValue(31.9);
    assertThat(call.last()).hasValue(31.5);
    assertThat(call.volume()).hasValue(884);
    assertThat(call.vendorDelta()).hasValue(0.4821);
    assertThat(call.vendorGamma()).hasValue(0.0043);
    assertThat(call.settlement()).isEqualTo(SettlementStyle.PM);
    OptionContract put = Chains.contract(chain, "SPX221216P03900000");
    assertThat(put.last()).isEmpty();
    assertThat(put.settlement()).isEqualTo(SettlementStyle.AM);
  }

  @Test
  void csv_spotAtQuote_isReadUnderItsNameAndAlias_andBadValuesAreRowDiagnostics() throws IOException {
    for (String column : new String[] {"spot_at_quote", "Underlying Price"}) {
      String text =
          "# spot=3990.56\n# valuation_time=2022-12-13T01:30:00Z\n"
              + "occ,oi,bid,ask," + column + "\n"
              + "SPXW221216C04000000,10,31.2,31.9,3995.25\n"
              + "SPXW221216P04000000,10,40.1,40.9,\n"
              + "SPXW221216C04100000,10,1.2,1.4,0\n"
              + "SPXW221216P04100000,10,100,101,-3\n";
      OptionChain chain = SOURCE.load(SourceRequest.of(write(text)));
      assertThat(Chains.contract(chain, "SPXW221216C04000000").spotAtQuote()).hasValue(3995.25);
      assertThat(Chains.contract(chain, "SPXW221216P04000000").spotAtQuote()).isEmpty();
      assertThat(Chains.contract(chain, "SPXW221216C04100000").spotAtQuote()).isEmpty();
      assertThat(chain.contracts()).hasSize(3);
      assertThat(chain.diagnostics())
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.reason()).isEqualTo(ContractDiagnostic.Reason.MALFORMED);
                assertThat(d.field()).isEqualTo("spot_at_quote");
                assertThat(d.value()).isEqualTo("-3");
              });
    }
  }

  @Test
  void csv_partsColumnsInAnyOrderWithAliases_read() throws IOException {
    String text =
        """
        Strike,Right,Expiry,Root,OI,IV,Settlement,Extra
        4000,call,2022-12-16,spxw,10,25%,AM,x
        3900.5,P,2022-12-16,ABC,"1,234",,,y
        """;

    OptionChain chain =
        SOURCE.load(
            SourceRequest.of(write(text))
                .withParameter("spot", "3990.5")
                .withParameter("valuationTime", "2022-12-12T20:30:00"));

    assertThat(chain.diagnostics()).isEmpty();
    assertThat(chain.underlying()).isEqualTo("SPX");
    assertThat(chain.valuationTime()).isEqualTo(Instant.parse("2022-12-13T01:30:00Z"));
    OptionContract call = Chains.contract(chain, "SPXW221216C04000000");
    assertThat(call.settlement()).isEqualTo(SettlementStyle.AM);
    assertThat(call.impliedVolatility()).isEqualTo(0.25, org.assertj.core.data.Offset.offset(1e-15));
    OptionContract put = Chains.contract(chain, "ABC221216P03900500");
    assertThat(put.openInterest()).isEqualTo(1234);
    assertThat(put.impliedVolatility()).isZero();
    assertThat(put.strike()).isEqualTo(3900.5);
  }

  @Test
  void csv_parametersOverrideComments() throws IOException {
    Instant at = Instant.parse("2022-12-12T16:00:00Z");
    OptionChain chain =
        SOURCE.load(
            SourceRequest.of(write(EXAMPLE))
                .withParameter("spot", "4000")
                .withParameter("underlying", "SPX500")
                .withValuationTime(at));

    assertThat(chain.spot()).isEqualTo(4000);
    assertThat(chain.underlying()).isEqualTo("SPX500");
    assertThat(chain.valuationTime()).isEqualTo(at);
  }

  @Test
  void csv_badRows_areSkippedWithDiagnosticsNamingLineFieldAndValue() throws IOException {
    String text =
        EXAMPLE
            + "SPXW221216C04100000,many,0.2,1,1,1,1,0.4,0.001\n"
            + "SPXW221216C04200000,5,0.2,1,1,1,1,1.7,0.001\n"
            + "SPXW221216C04300000,5,0.2\n"
            + "SPXW221316C04300000,5,0.2,1,1,1,1,0.4,0.001\n"
            + "# a comment between rows is fine\n"
            + "SPXW221216C04000000,1,0.2,1,1,1,1,0.4,0.001\n";

    OptionChain chain = SOURCE.load(SourceRequest.of(write(text)));

    assertThat(chain.contracts()).hasSize(2);
    assertThat(chain.diagnostics())
        .extracting(
            ContractDiagnostic::location,
            ContractDiagnostic::field,
            ContractDiagnostic::value,
            ContractDiagnostic::reason)
        .containsExactly(
            tuple("line 8", "open_interest", "many", ContractDiagnostic.Reason.MALFORMED),
            tuple("line 9", "delta", "1.7", ContractDiagnostic.Reason.MALFORMED),
            tuple("line 10", "row", "SPXW221216C04300000,5,0.2", ContractDiagnostic.Reason.MALFORMED),
            tuple("line 11", "occ", "SPXW221316C04300000", ContractDiagnostic.Reason.MALFORMED),
            tuple(
                "SPXW221216C04000000",
                "symbol",
                "SPXW221216C04000000",
                ContractDiagnostic.Reason.DUPLICATE));
  }

  @Test
  void csv_noSpot_throwsSayingHowToGiveIt() throws IOException {
    Path file = write(EXAMPLE.replace("# spot=3990.56\n", ""));

    assertThatThrownBy(() -> SOURCE.load(SourceRequest.of(file)))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("mine.csv")
        .hasMessageContaining("no spot")
        .hasMessageContaining("# spot=");
  }

  @Test
  void csv_badSpotComment_throwsNamingLineFieldAndValue() throws IOException {
    Path file = write(EXAMPLE.replace("# spot=3990.56", "# spot=three"));

    assertThatThrownBy(() -> SOURCE.load(SourceRequest.of(file)))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("line 3")
        .hasMessageContaining("'spot'")
        .hasMessageContaining("'three'");
  }

  @Test
  void csv_badValuationTime_throwsNamingLineFieldAndValue() throws IOException {
    Path file = write(EXAMPLE.replace("2022-12-12T20:30:00-05:00", "last tuesday"));

    assertThatThrownBy(() -> SOURCE.load(SourceRequest.of(file)))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("line 4")
        .hasMessageContaining("'valuation_time'")
        .hasMessageContaining("'last tuesday'");
  }

  @Test
  void csv_headerWithoutOpenInterest_throwsNamingTheHeaderLine() throws IOException {
    Path file = write("# spot=1\n# valuation_time=2022-12-13T01:30:00Z\nocc,iv\nSPX221216C04000000,0.2\n");

    assertThatThrownBy(() -> SOURCE.load(SourceRequest.of(file)))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("line 3")
        .hasMessageContaining("'open_interest'")
        .hasMessageContaining("header was 'occ,iv'");
  }

  @Test
  void csv_emptyFile_throwsSayingItIsEmpty() throws IOException {
    assertThatThrownBy(() -> SOURCE.load(SourceRequest.of(write(""))))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("mine.csv is empty (0 bytes)");
  }

  @Test
  void csv_onlyComments_throwsNoHeader() throws IOException {
    assertThatThrownBy(() -> SOURCE.load(SourceRequest.of(write("# spot=1\n"))))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("no header");
  }

  @Test
  void csv_noSpot_messageNamesTheOptionAndTheCommandLineFlag() throws IOException {
    Path file = write(EXAMPLE.replace("# spot=3990.56\n", ""));

    assertThatThrownBy(() -> SOURCE.load(SourceRequest.of(file)))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("the 'spot' option (SourceRequest.withSpot; --spot on the command line)")
        .hasMessageNotContaining("\n");
    assertThat(SOURCE.load(SourceRequest.of(file).withSpot(3990.56)).spot()).isEqualTo(3990.56);
  }

  @Test
  void csv_requestSpotAndUnderlying_winOverTheComments() throws IOException {
    OptionChain chain =
        SOURCE.load(SourceRequest.of(write(EXAMPLE)).withSpot(4001.5).withUnderlying("SPXW"));

    assertThat(chain.spot()).isEqualTo(4001.5);
    assertThat(chain.underlying()).isEqualTo("SPXW");
  }

  @Test
  void csv_everyRowFails_throwsQuotingTheFirstThreeReasons() throws IOException {
    Path file =
        write(
            """
            # spot=3990.56
            # valuation_time=2022-12-12T20:30:00-05:00
            occ,open_interest
            SPXW221216C0400000,1
            SPXW221216C04000000,many
            SPXW221216C04100000,-3
            SPXW221216C04200000,1,extra
            """);

    assertThatThrownBy(() -> SOURCE.load(SourceRequest.of(file)))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("mine.csv: no row could be read (4 all rejected); the first: ")
        .hasMessageContaining("line 4 field 'occ' value 'SPXW221216C0400000': not an OCC option symbol")
        .hasMessageContaining("line 5 field 'open_interest' value 'many': not a number")
        .hasMessageContaining("line 6 field 'open_interest' value '-3': must be >= 0")
        .hasMessageNotContaining("line 7")
        .hasMessageNotContaining("cannot tell the underlying")
        .hasMessageNotContaining("\n");
  }

  @Test
  void csv_headerOnly_withUnderlying_isAnEmptyChain_andWithoutOneSaysSo() throws IOException {
    Path file =
        write("# spot=1\n# valuation_time=2022-12-13T01:30:00Z\nocc,open_interest\n");

    assertThat(SOURCE.load(SourceRequest.of(file).withUnderlying("SPX")).contracts()).isEmpty();
    assertThatThrownBy(() -> SOURCE.load(SourceRequest.of(file)))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("no contract rows after the header")
        .hasMessageContaining("--underlying");
  }

  @Test
  void csv_gzipFile_isRead() throws IOException {
    Path gz = Fixtures.gzip(EXAMPLE.getBytes(StandardCharsets.UTF_8), dir.resolve("mine.csv.gz"));

    assertThat(SOURCE.load(SourceRequest.of(gz))).isEqualTo(SOURCE.load(SourceRequest.of(write(EXAMPLE))));
  }

  @Test
  void csv_badSpotParameter_isAnIllegalArgument() throws IOException {
    Path file = write(EXAMPLE);

    assertThatThrownBy(() -> SOURCE.load(SourceRequest.of(file).withParameter("spot", "-1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("spot")
        .hasMessageContaining("'-1'");
  }

  @Test
  void canRead_recognisesTheHeaderAfterComments() {
    assertThat(SOURCE.canRead(EXAMPLE.getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(SOURCE.canRead("root,expiry,right,strike,oi\n".getBytes(StandardCharsets.UTF_8)))
        .isTrue();
    assertThat(SOURCE.canRead("a,b,c\n".getBytes(StandardCharsets.UTF_8))).isFalse();
  }

  /**
   * Streaming: a generated ~20 MB file is read from a path (no whole-file string anywhere in the readers).
   * No time is asserted; on a laptop this takes about a second.
   */
  @Test
  void csv_generatedTwentyMegabyteFile_isReadFromAPath() throws IOException {
    Path file = dir.resolve("big.csv");
    LocalDate first = LocalDate.of(2030, 1, 4);
    int expiries = 100;
    int strikes = 1_500;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("# spot=5000\n# valuation_time=2030-01-02T16:00:00-05:00\n");
      out.write("occ,open_interest,implied_volatility,bid,ask,last,volume,delta,gamma\n");
      StringBuilder row = new StringBuilder(128);
      for (int e = 0; e < expiries; e++) {
        LocalDate d = first.plusWeeks(e);
        String yymmdd =
            String.format(
                Locale.ROOT, "%02d%02d%02d", d.getYear() % 100, d.getMonthValue(), d.getDayOfMonth());
        for (int k = 0; k < strikes; k++) {
          String strike = String.format(Locale.ROOT, "%08d", (2500 + 5 * k) * 1000);
          for (char right : new char[] {'C', 'P'}) {
            // plain concatenation: String.format per row would dominate the test's time
            row.setLength(0);
            row.append("SPXW").append(yymmdd).append(right).append(strike).append(',')
                .append(k * 7 % 1000).append(',')
                .append(0.15 + k / 100_000.0).append(',')
                .append(1 + k).append(".05,")
                .append(1 + k).append(".25,")
                .append(1 + k).append(".15,")
                .append(k % 50).append(',')
                .append(right == 'C' ? "0.5" : "-0.5").append(",0.0012\n");
            out.append(row);
          }
        }
      }
    }
    assertThat(Files.size(file)).isGreaterThan(20_000_000L);

    OptionChain chain = SOURCE.load(SourceRequest.of(file));

    assertThat(chain.contracts()).hasSize(expiries * strikes * 2);
    assertThat(chain.diagnostics()).isEmpty();
    assertThat(chain.underlying()).isEqualTo("SPX");
  }
}
