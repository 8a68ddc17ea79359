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
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CboeJsonSourceTest {

  private static final CboeJsonSource SOURCE = new CboeJsonSource();

  @TempDir Path dir;

  private Path write(String json) throws IOException {
    return Files.writeString(dir.resolve("quotes.json"), json, StandardCharsets.UTF_8);
  }

  /** A small document in CBOE's shape (options before the spot, as CBOE writes it). */
  static String document(String options) {
    return "{\"timestamp\":\"2023-09-21 03:17:42\",\"data\":{\"options\":["
        + options
        + "],\"symbol\":\"^RUT\",\"current_price\":1806.1193,"
        + "\"last_trade_time\":\"2023-09-20T16:15:04\",\"tick\":\"no_change\"},\"symbol\":\"_RUT\"}";
  }

  static String option(String occ, String iv, String oi) {
    return "{\"option\":\"" + occ + "\",\"bid\":15.6,\"ask\":16.4,\"iv\":" + iv + ",\"open_interest\":"
        + oi + ",\"volume\":0.0,\"delta\":0.6487,\"gamma\":0.0134,\"tick\":\"up\",\"last_trade_price\":54.32,"
        + "\"last_trade_time\":null,\"greeks\":{\"nested\":[1,2]}}";
  }

  @Test
  void cboeJson_realRutSnapshot_readsSpotTimeAndContracts() {
    OptionChain chain = SOURCE.load(SourceRequest.of(TestData.rutJson()));

    assertThat(chain.underlying()).isEqualTo("RUT");
    assertThat(chain.spot()).isEqualTo(1806.1193);
    assertThat(chain.valuationTime())
        .isEqualTo(ZonedDateTime.of(2023, 9, 20, 16, 15, 4, 0, ZoneId.of("America/New_York")).toInstant())
        .isEqualTo(Instant.parse("2023-09-20T20:15:04Z"));
    assertThat(chain.contracts()).hasSize(6_680);
    assertThat(chain.diagnostics()).isEmpty();
    // 26 expiry dates (the issue text said 20; the file has 26: 17 RUTW and 9 RUT dates)
    assertThat(Chains.expiries(chain)).hasSize(26);
    assertThat(Chains.countByRoot(chain)).isEqualTo(Map.of("RUT", 1_472L, "RUTW", 5_208L));
    assertThat(chain.contracts().stream().filter(c -> c.impliedVolatility() == 0).count())
        .isEqualTo(1_015);
  }

  @Test
  void cboeJson_realRutSnapshot_readsFieldsOfOneContract() {
    OptionChain chain = SOURCE.load(SourceRequest.of(TestData.rutJson()));

    // {"option":"RUT231020P01000000","bid":0.0,"ask":0.15,"iv":0.6836,"open_interest":22.0,"volume":0.0,
    //  "delta":-0.0004,"gamma":0.0,...,"last_trade_price":0.25,...}
    OptionContract put = Chains.contract(chain, "RUT231020P01000000");
    assertThat(put.settlement()).isEqualTo(SettlementStyle.AM);
    assertThat(put.impliedVolatility()).isEqualTo(0.6836);
    assertThat(put.openInterest()).isEqualTo(22);
    assertThat(put.bid()).hasValue(0.0);
    assertThat(put.ask()).hasValue(0.15);
    assertThat(put.last()).hasValue(0.25);
    assertThat(put.volume()).hasValue(0);
    assertThat(put.vendorDelta()).hasValue(-0.0004);
    assertThat(put.vendorGamma()).hasValue(0.0);
    OptionContract weekly = Chains.contract(chain, "RUTW230922C01800000");
    assertThat(weekly.settlement()).isEqualTo(SettlementStyle.PM);
    assertThat(weekly.impliedVolatility()).isEqualTo(0.2089);
    assertThat(weekly.openInterest()).isEqualTo(2);
  }

  @Test
  void cboeJson_badElements_areSkippedWithDiagnosticsNamingIndexFieldAndValue() throws IOException {
    String json =
        document(
            option("RUTW230922C01800000", "0.2089", "2.0")
                + ","
                + option("RUTW230922C01805000", "\"abc\"", "3.0")
                + ","
                + option("RUTW230922C01810000", "0.2", "2.5")
                + ","
                + option("NOT_A_SYMBOL", "0.2", "1")
                + ",42,"
                + option("RUTW230922P01800000", "-0.1", "1")
                + ","
                + option("RUTW230922P01805000", "\"0.21\"", "\"7\""));

    OptionChain chain = SOURCE.load(SourceRequest.of(write(json)));

    assertThat(chain.contracts())
        .extracting(c -> c.symbol().toString())
        .containsExactly("RUTW230922C01800000", "RUTW230922P01805000");
    assertThat(Chains.contract(chain, "RUTW230922P01805000").openInterest()).isEqualTo(7);
    assertThat(chain.diagnostics())
        .extracting(ContractDiagnostic::location, ContractDiagnostic::field, ContractDiagnostic::value)
        .containsExactly(
            tuple("options[1] RUTW230922C01805000", "iv", "abc"),
            tuple("options[2] RUTW230922C01810000", "open_interest", "2.5"),
            tuple("options[3] NOT_A_SYMBOL", "option", "NOT_A_SYMBOL"),
            tuple("options[4]", "option", "42"),
            tuple("options[5] RUTW230922P01800000", "iv", "-0.1"));
  }

  @Test
  void cboeJson_noOptions_throwsNamingTheField() throws IOException {
    Path file = write("{\"data\":{\"symbol\":\"^RUT\",\"current_price\":1806.1}}");

    assertThatThrownBy(() -> SOURCE.load(SourceRequest.of(file)))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("quotes.json")
        .hasMessageContaining("'data.options'");
  }

  @Test
  void cboeJson_optionsNotAnArray_throwsNamingFieldAndValue() throws IOException {
    Path file = write("{\"data\":{\"options\":\"none\",\"current_price\":1806.1}}");

    assertThatThrownBy(() -> SOURCE.load(SourceRequest.of(file)))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("'data.options' is none, not an array");
  }

  @Test
  void cboeJson_badSpot_throwsNamingFieldAndValue() throws IOException {
    Path file = write(document("").replace("1806.1193", "\"n/a!\""));

    assertThatThrownBy(() -> SOURCE.load(SourceRequest.of(file)))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("'data.current_price'")
        .hasMessageContaining("'n/a!'");
  }

  @Test
  void cboeJson_badTradeTime_throwsUnlessOverridden() throws IOException {
    Path file = write(document("").replace("2023-09-20T16:15:04", "yesterday"));
    Instant at = Instant.parse("2023-09-20T20:00:00Z");

    assertThatThrownBy(() -> SOURCE.load(SourceRequest.of(file)))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("'data.last_trade_time'")
        .hasMessageContaining("'yesterday'");
    assertThat(SOURCE.load(SourceRequest.of(file).withValuationTime(at)).valuationTime()).isEqualTo(at);
  }

  @Test
  void cboeJson_requestSpot_winsAndAMissingSpotSaysHowToGiveIt() throws IOException {
    Path file = write(document(option("RUTW230922C01545000", "0.2195", "22.0")).replace("\"current_price\":1806.1193,", ""));

    assertThatThrownBy(() -> SOURCE.load(SourceRequest.of(file)))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("no 'data.current_price'")
        .hasMessageContaining("--spot");
    assertThat(SOURCE.load(SourceRequest.of(file).withSpot(1800)).spot()).isEqualTo(1800);
  }

  @Test
  void cboeJson_everyElementFails_throwsQuotingTheFirstThreeReasons() throws IOException {
    Path file =
        write(
            document(
                option("RUTW23092", "0.2", "1") + "," + option("RUTW230922C01545000", "-0.2", "1") + ","
                    + option("RUTW230922C01550000", "0.2", "1.5") + "," + option("X", "0.2", "1")));

    assertThatThrownBy(() -> SOURCE.load(SourceRequest.of(file)))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("no element of data.options could be read (4 all rejected)")
        .hasMessageContaining("options[0] RUTW23092 field 'option' value 'RUTW23092'")
        .hasMessageContaining("options[1] RUTW230922C01545000 field 'iv' value '-0.2': must be >= 0")
        .hasMessageContaining("options[2] RUTW230922C01550000 field 'open_interest' value '1.5'")
        .hasMessageNotContaining("options[3]");
  }

  @Test
  void cboeJson_truncatedFile_throwsSayingWhere() throws IOException {
    String json = Files.readString(TestData.rutJson());
    Path file = write(json.substring(0, json.length() / 2));

    assertThatThrownBy(() -> SOURCE.load(SourceRequest.of(file)))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("truncated")
        .hasMessageContaining("line 1, column");
  }

  @Test
  void cboeJson_notJson_throwsNamingTheStart() throws IOException {
    Path file = write("Expiration Date,Calls\n");

    assertThatThrownBy(() -> SOURCE.load(SourceRequest.of(file)))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("quotes.json");
  }

  @Test
  void cboeJson_symbolFromDataWins_andParameterOverrides() throws IOException {
    Path file = write(document(option("RUTW230922C01800000", "0.2", "1")));

    assertThat(SOURCE.load(SourceRequest.of(file)).underlying()).isEqualTo("RUT");
    assertThat(SOURCE.load(SourceRequest.of(file).withParameter("underlying", "R2K")).underlying())
        .isEqualTo("R2K");
  }

  @Test
  void symbolUri_indexesGetAnUnderscore() {
    assertThat(CboeJsonSource.symbolUri("SPX", SourceRequest.of("SPX")).toString())
        .isEqualTo("https://cdn.cboe.com/api/global/delayed_quotes/options/_SPX.json");
    assertThat(CboeJsonSource.symbolUri("^rut", SourceRequest.of("x")).toString()).endsWith("/_RUT.json");
    assertThat(
            CboeJsonSource.symbolUri(
                    "AAPL", SourceRequest.of("AAPL").withParameter("baseUrl", "http://127.0.0.1:1/q/"))
                .toString())
        .isEqualTo("http://127.0.0.1:1/q/AAPL.json");
  }

  @Test
  void timeout_acceptsIsoMillisAndSeconds_andRejectsNonsense() {
    assertThat(CboeJsonSource.timeout(SourceRequest.of("x").withParameter("timeout", "PT2S")))
        .hasSeconds(2);
    assertThat(CboeJsonSource.timeout(SourceRequest.of("x").withParameter("timeout", "250ms")))
        .hasMillis(250);
    assertThat(CboeJsonSource.timeout(SourceRequest.of("x").withParameter("timeout", "1.5")))
        .hasMillis(1500);
    assertThat(CboeJsonSource.timeout(SourceRequest.of("x"))).isEqualTo(CboeJsonSource.DEFAULT_TIMEOUT);
    assertThatThrownBy(
            () -> CboeJsonSource.timeout(SourceRequest.of("x").withParameter("timeout", "soon")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeout")
        .hasMessageContaining("'soon'");
  }

  @Test
  void canRead_recognisesCboeJsonOnly() throws IOException {
    assertThat(SOURCE.canRead(CboeCsvSourceTest.head(TestData.rutJson()))).isTrue();
    assertThat(SOURCE.canRead(CboeCsvSourceTest.head(TestData.spxCsv()))).isFalse();
    assertThat(SOURCE.canRead("{\"a\":1}".getBytes(StandardCharsets.UTF_8))).isFalse();
  }
}
