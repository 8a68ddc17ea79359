package io.gex.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.gex.ChainSourceException;
import io.gex.chain.ContractDiagnostic;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.chain.SettlementStyle;
import io.gex.spi.ChainSources;
import io.gex.spi.SourceRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YahooCsvSourceTest {

  private static final YahooCsvSource SOURCE = new YahooCsvSource();

  @TempDir Path dir;

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("chain.csv"), text, StandardCharsets.UTF_8);
  }

  @Test
  void yahoo_fixture_isDetectedByContent() {
    ChainSources sources = ChainSources.builder().noSystemProperty().build();

    assertThat(sources.detect(Fixtures.yahoo()).id()).isEqualTo("yahoo-csv");
  }

  @Test
  void yahoo_fixture_readsEveryContractWithSpotFromTheRequest() {
    OptionChain chain = SOURCE.load(SourceRequest.of(Fixtures.yahoo()).withSpot(193.84));

    assertThat(chain.underlying()).isEqualTo("AAPL");
    assertThat(chain.spot()).isEqualTo(193.84);
    // the latest lastTradeDate of the file
    assertThat(chain.valuationTime()).isEqualTo(Instant.parse("2023-12-08T20:59:59Z"));
    assertThat(chain.diagnostics()).isEmpty();
    assertThat(chain.contracts()).hasSize(6);
    OptionContract call = Chains.contract(chain, "AAPL231215C00190000");
    assertThat(call.expiry()).isEqualTo(LocalDate.of(2023, 12, 15));
    assertThat(call.strike()).isEqualTo(190.0);
    assertThat(call.openInterest()).isEqualTo(40211);
    assertThat(call.impliedVolatility()).isEqualTo(0.2012);
    assertThat(call.bid()).hasValue(6.0);
    assertThat(call.ask()).hasValue(6.1);
    assertThat(call.last()).hasValue(6.05);
    assertThat(call.volume()).hasValue(18211);
    assertThat(call.settlement()).isEqualTo(SettlementStyle.PM);
    OptionContract put = Chains.contract(chain, "AAPL231215P00185000");
    assertThat(put.openInterest()).isEqualTo(15873);
    assertThat(put.volume()).isEmpty(); // an empty cell, pandas' NaN
    assertThat(put.impliedVolatility()).isEqualTo(0.2230);
  }

  @Test
  void yahoo_noSpot_throwsSayingHowToGiveIt() {
    assertThatThrownBy(() -> SOURCE.load(SourceRequest.of(Fixtures.yahoo())))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("yahoo-aapl-2023-12-15.csv: no spot")
        .hasMessageContaining("the 'spot' option")
        .hasMessageContaining("--spot");
  }

  @Test
  void yahoo_requestValues_winOverTheFile() {
    Instant at = Instant.parse("2023-12-08T21:15:00Z");

    OptionChain chain =
        SOURCE.load(
            SourceRequest.of(Fixtures.yahoo())
                .withSpot(194)
                .withUnderlying("AAPL.US")
                .withValuationTime(at));

    assertThat(chain.underlying()).isEqualTo("AAPL.US");
    assertThat(chain.valuationTime()).isEqualTo(at);
  }

  @Test
  void yahoo_indexWeeklies_mapBackToTheIndexAndNaiveTimesAreUtc() throws IOException {
    Path file =
        write(
            """
            contractSymbol,lastTradeDate,strike,lastPrice,bid,ask,change,percentChange,volume,openInterest,impliedVolatility,inTheMoney,contractSize,currency
            SPXW231215C04600000,2023-12-08 20:15:00,4600.0,31.0,30.5,31.5,2.0,6.9,NaN,5120.0,0.1190,False,REGULAR,USD
            """);

    OptionChain chain = SOURCE.load(SourceRequest.of(file).withSpot(4604.37));

    assertThat(chain.underlying()).isEqualTo("SPX");
    assertThat(chain.valuationTime()).isEqualTo(Instant.parse("2023-12-08T20:15:00Z"));
    OptionContract c = Chains.contract(chain, "SPXW231215C04600000");
    assertThat(c.openInterest()).isEqualTo(5120);
    assertThat(c.volume()).isEmpty();
  }

  @Test
  void yahoo_badRows_areDiagnosedAndTheRestKept() throws IOException {
    Path file =
        write(
            """
            contractSymbol,lastTradeDate,strike,lastPrice,bid,ask,volume,openInterest,impliedVolatility
            AAPL231215C00190000,2023-12-08 20:59:58+00:00,190.0,6.05,6.0,6.1,18211,40211,0.2012
            AAPL231215C0019000,2023-12-08 20:59:58+00:00,190.0,6.05,6.0,6.1,18211,40211,0.2012
            AAPL231215C00195000,2023-12-08 20:59:58+00:00,195.0,2.71,2.69,2.74,100,12.5,0.1873
            AAPL231215P00195000,2023-12-08 20:59:58+00:00,200.0,3.7,3.65,3.8,410,8120,0.1990
            """);

    OptionChain chain = SOURCE.load(SourceRequest.of(file).withSpot(193.84));

    assertThat(chain.contracts()).hasSize(1);
    assertThat(chain.diagnostics())
        .extracting(
            ContractDiagnostic::location, ContractDiagnostic::field, ContractDiagnostic::value)
        .containsExactly(
            tuple("line 3", "contractSymbol", "AAPL231215C0019000"),
            tuple("line 4", "openInterest", "12.5"),
            tuple("line 5", "strike", "200.0"));
  }

  @Test
  void yahoo_everyRowFails_throwsQuotingTheFirstThreeReasons() throws IOException {
    Path file =
        write(
            """
            contractSymbol,lastTradeDate,strike,openInterest,impliedVolatility
            AAPL1,2023-12-08 20:59:58+00:00,190.0,1,0.2
            AAPL2,2023-12-08 20:59:58+00:00,190.0,1,0.2
            AAPL231215C00190000,2023-12-08 20:59:58+00:00,190.0,-4,0.2
            AAPL4,2023-12-08 20:59:58+00:00,190.0,1,0.2
            """);

    assertThatThrownBy(() -> SOURCE.load(SourceRequest.of(file).withSpot(193.84)))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("no row could be read (4 all rejected)")
        .hasMessageContaining("line 2 field 'contractSymbol' value 'AAPL1'")
        .hasMessageContaining("line 3 field 'contractSymbol' value 'AAPL2'")
        .hasMessageContaining("line 4 field 'openInterest' value '-4': must be >= 0")
        .hasMessageNotContaining("AAPL4")
        .hasMessageNotContaining("\n");
  }

  @Test
  void yahoo_missingOpenInterestColumn_throwsNamingIt() throws IOException {
    Path file = write("contractSymbol,strike,impliedVolatility\nAAPL231215C00190000,190,0.2\n");

    assertThatThrownBy(() -> SOURCE.load(SourceRequest.of(file).withSpot(1)))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("header has no column 'openInterest'");
  }

  @Test
  void yahoo_canRead_onlyItsOwnHeader() {
    assertThat(SOURCE.canRead(bytes(",contractSymbol,lastTradeDate,strike,openInterest,impliedVolatility\n")))
        .isTrue();
    assertThat(SOURCE.canRead(bytes("occ,open_interest,strike\n"))).isFalse();
    assertThat(SOURCE.canRead(bytes(""))).isFalse();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
