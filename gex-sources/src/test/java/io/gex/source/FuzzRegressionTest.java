package io.gex.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gex.ChainSourceException;
import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.chain.ContractDiagnostic;
import io.gex.chain.OptionChain;
import io.gex.json.GexJson;
import io.gex.spi.OptionChainSource;
import io.gex.spi.SourceRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distinct failures {@link ParseAnalyseFuzzTest} (and the 30,000-input run) found, each as a
 * minimal input: values a source once accepted and the analysis then crashed on, and rejections that did
 * not say where.
 */
class FuzzRegressionTest {

  private static final GexEngine ENGINE = GexEngine.builder().build();

  @TempDir Path dir;

  private OptionChain load(OptionChainSource source, String text) throws IOException {
    Path file = Files.writeString(dir.resolve("input"), text, StandardCharsets.UTF_8);
    return source.load(SourceRequest.of(file));
  }

  private static String csv(String spot, String time, String... rows) {
    return "# spot=" + spot + "\n# valuation_time=" + time + "\n"
        + "occ,open_interest,implied_volatility\n" + String.join("\n", rows) + "\n";
  }

  private static final String GOOD_ROW = "SPXW221216C04000000,1520,0.2012";

  private static String cboeCsv(String last, String date, String row) {
    return "---Example Data---\n"
        + "Standard & Poors 500 Index,Last: " + last + ",Change:  56.1801\n"
        + "\"Date: " + date + "\",Bid: 3962.01,Ask: 4016.6299,Size: 1*1,Volume: 0\n"
        + "Expiration Date,Calls,Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest,Strike,Puts,"
        + "Last Sale,Net,Bid,Ask,Volume,IV,Delta,Gamma,Open Interest\n"
        + row + "\n";
  }

  private static final String CBOE_ROW =
      "Fri Dec 16 2022,SPXW221216C04000000,40.5,0,40.1,40.9,884,%s,0.48,0.004,%s,4000.00,"
          + "SPXW221216P04000000,45.5,0,45.1,45.9,120,0.21,-0.52,0.004,1200";

  private static GexAnalysis analyse(OptionChain chain) {
    GexAnalysis analysis = ENGINE.analyze(chain);
    assertThat(ParseAnalyseFuzzTest.nonFiniteIn(GexJson.toBytes(analysis))).isNull();
    return analysis;
  }

  // Values a row once carried into a contract, on which analyze threw IllegalArgumentException (NaN delta,
  // NaN gross GEX, infinite expected move) or ArrayIndexOutOfBoundsException: now a row diagnostic.

  @Test
  void csv_subnormalOrHugeImpliedVolatility_isARowDiagnosticAndTheRestIsAnalysed() throws IOException {
    OptionChain chain =
        load(
            new CsvChainSource(),
            csv(
                "3990.56",
                "2022-12-12T20:30:00-05:00",
                GOOD_ROW,
                "SPXW221216P03900000,10,1e-320",
                "SPXW221216P03800000,10,1e300"));
    assertThat(chain.contracts()).hasSize(1);
    assertThat(chain.diagnostics())
        .extracting(ContractDiagnostic::location, ContractDiagnostic::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("line 5", ContractDiagnostic.Reason.MALFORMED),
            org.assertj.core.groups.Tuple.tuple("line 6", ContractDiagnostic.Reason.MALFORMED));
    assertThat(chain.diagnostics().get(0).detail()).contains("impliedVolatility", "1.0E-320");
    assertThat(chain.diagnostics().get(1).detail()).contains("impliedVolatility", "1.0E300");
    assertThat(analyse(chain).coverage().contractsUsed()).isEqualTo(1);
  }

  @Test
  void cboeJson_subnormalImpliedVolatility_isARowDiagnosticAndTheRestIsAnalysed() throws IOException {
    // Found by the fuzz on the old code: "delta, vanna and charm must be finite, were 5.9E9, NaN and NaN".
    OptionChain chain =
        load(
            new CboeJsonSource(),
            CboeJsonSourceTest.document(
                CboeJsonSourceTest.option("RUT231020C01800000", "0.2", "10")
                    + ","
                    + CboeJsonSourceTest.option("RUT231020P01800000", "4.9e-324", "10")));
    assertThat(chain.contracts()).hasSize(1);
    assertThat(chain.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.reason()).isEqualTo(ContractDiagnostic.Reason.MALFORMED);
      assertThat(d.location()).contains("RUT231020P01800000");
      assertThat(d.detail()).contains("impliedVolatility", "4.9E-324");
    });
    assertThat(analyse(chain).coverage().contractsUsed()).isEqualTo(1);
  }

  @Test
  void cboeCsv_hugeOpenInterest_isARowDiagnosticAndTheRestIsAnalysed() throws IOException {
    OptionChain chain =
        load(
            new CboeCsvSource(),
            cboeCsv(
                "3990.5601",
                "December 12, 2022 at 8:30 PM EST",
                String.format(CBOE_ROW, "0.2", "9000000000000000")));
    assertThat(chain.contracts()).hasSize(1); // the put
    assertThat(chain.diagnostics()).singleElement().satisfies(d -> {
      assertThat(d.location()).isEqualTo("line 5");
      assertThat(d.detail()).contains("openInterest must be <= 10000000000, was 9000000000000000");
    });
    assertThat(analyse(chain).coverage().contractsUsed()).isEqualTo(1);
  }

  // Chain values out of range: a ChainSourceException naming the line and field, where before the chain
  // was built (spot 1e308: NaN exposures) or construction threw IllegalArgumentException (valuation time).

  @Test
  void csv_valuationTimeInYear9999_isRejectedNamingLineAndField() {
    assertThatThrownBy(
            () -> load(new CsvChainSource(), csv("3990.56", "9999-12-12T20:30:00-05:00", GOOD_ROW)))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("valuation_time")
        .hasMessageContaining("9999-12-12T20:30:00-05:00")
        .hasMessageContaining("valuationTime must be from 1900-01-01T00:00:00Z to 2300-01-01T00:00:00Z");
  }

  @Test
  void csv_spot1e308_isRejectedNamingLineAndField() {
    assertThatThrownBy(
            () -> load(new CsvChainSource(), csv("1e308", "2022-12-12T20:30:00-05:00", GOOD_ROW)))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("line 1")
        .hasMessageContaining("field 'spot' has value '1e308', not a price in [1.0E-6, 1.0E9]");
  }

  @Test
  void cboeCsv_dateLineInYear2301_isRejectedNamingLineAndField() {
    assertThatThrownBy(
            () ->
                load(
                    new CboeCsvSource(),
                    cboeCsv("3990.56", "December 12, 2301 at 8:30 PM EST", String.format(CBOE_ROW, "0.2", "1"))))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("line 3: field 'Date'")
        .hasMessageContaining("was 2301-12-13T01:30:00Z");
  }

  @Test
  void cboeCsv_spot1e308_isRejectedNamingLineAndField() {
    assertThatThrownBy(
            () ->
                load(
                    new CboeCsvSource(),
                    cboeCsv("1e308", "December 12, 2022 at 8:30 PM EST", String.format(CBOE_ROW, "0.2", "1"))))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("line 2: field 'Last' (the spot) has value '1e308', not a price in");
  }

  @Test
  void cboeJson_lastTradeTimeInYear1899AndSpot1e308_areRejectedNamingTheField() {
    String option = CboeJsonSourceTest.option("RUT231020C01800000", "0.2", "10");
    String early = CboeJsonSourceTest.document(option).replace("2023-09-20T16:15:04", "1899-09-20T16:15:04");
    assertThatThrownBy(() -> load(new CboeJsonSource(), early))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("field 'data.last_trade_time' has value '1899-09-20T16:15:04'")
        .hasMessageContaining("valuationTime must be from 1900-01-01T00:00:00Z");
    String huge = CboeJsonSourceTest.document(option).replace("1806.1193", "1e308");
    assertThatThrownBy(() -> load(new CboeJsonSource(), huge))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("field 'data.current_price' has value '1e308', not a price in");
  }

  // Rejections that did not say where.

  @Test
  void cboeJson_nestingBeyondTheReadersLimit_isRejectedNamingThePosition() {
    String deep = "[".repeat(2000) + "]".repeat(2000);
    String json =
        CboeJsonSourceTest.document(CboeJsonSourceTest.option("RUT231020C01800000", "0.2", "10"))
            .replace("\"tick\":\"no_change\"", "\"tick\":" + deep);
    assertThatThrownBy(() -> load(new CboeJsonSource(), json))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("JSON beyond the reader's limits at line 1, column ")
        .hasMessageContaining("nesting depth");
  }

  @Test
  void cboeJson_notStartingWithAnObject_isRejectedNamingThePosition() {
    assertThatThrownBy(() -> load(new CboeJsonSource(), "\n\"\"\"\"{}"))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("at line 2, column ")
        .hasMessageContaining("not a CBOE delayed-quotes JSON object: starts with ''");
  }
}
