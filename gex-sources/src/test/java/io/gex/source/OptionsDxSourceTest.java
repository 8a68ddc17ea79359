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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsDxSourceTest {

  private static final OptionsDxSource SOURCE = new OptionsDxSource();

  @TempDir Path dir;

  private static SourceRequest zeroOi(Path file) {
    return SourceRequest.of(file).withParameter(OptionsDxSource.MISSING_OPEN_INTEREST, "zero");
  }

  @Test
  void optionsDx_fixture_isDetectedByContent() {
    ChainSources sources = ChainSources.builder().noSystemProperty().build();

    assertThat(sources.detect(Fixtures.optionsDx()).id()).isEqualTo("optionsdx-csv");
  }

  @Test
  void optionsDx_withoutOpenInterest_throwsExplainingWhyAndTheWayOut() {
    assertThatThrownBy(() -> SOURCE.load(SourceRequest.of(Fixtures.optionsDx())))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("spx_eod_202212.txt")
        .hasMessageContaining("has no open interest")
        .hasMessageContaining("volume is no stand-in")
        .hasMessageContaining("missingOpenInterest=zero")
        .hasMessageNotContaining("\n");
  }

  @Test
  void optionsDx_zeroOpenInterest_readsTheLatestQuoteDate() {
    OptionChain chain = SOURCE.load(zeroOi(Fixtures.optionsDx()));

    assertThat(chain.underlying()).isEqualTo("SPX"); // from the file name
    assertThat(chain.spot()).isEqualTo(3990.56);
    assertThat(chain.valuationTime()).isEqualTo(Instant.parse("2022-12-12T21:00:00Z"));
    // 4 rows of 2022-12-12, two sides each, less the call whose C_IV is unreadable
    assertThat(chain.contracts()).hasSize(7);
    assertThat(chain.contracts()).allSatisfy(c -> assertThat(c.openInterest()).isZero());
    assertThat(chain.diagnostics())
        .extracting(
            ContractDiagnostic::location,
            ContractDiagnostic::field,
            ContractDiagnostic::value,
            ContractDiagnostic::reason)
        .containsExactly(tuple("line 7", "C_IV", "bad", ContractDiagnostic.Reason.MALFORMED));

    // Wednesday expiry: the weekly, PM-settled root
    OptionContract weekly = Chains.contract(chain, "SPXW221214C04000000");
    assertThat(weekly.settlement()).isEqualTo(SettlementStyle.PM);
    assertThat(weekly.impliedVolatility()).isEqualTo(0.198);
    assertThat(weekly.bid()).hasValue(20.8);
    assertThat(weekly.ask()).hasValue(21.3);
    assertThat(weekly.last()).hasValue(21.1);
    assertThat(weekly.volume()).hasValue(2210);
    assertThat(weekly.vendorDelta()).hasValue(0.45);
    assertThat(weekly.vendorGamma()).hasValue(0.0061);
    // third Friday: the AM monthly root
    OptionContract monthlyPut = Chains.contract(chain, "SPX221216P04000000");
    assertThat(monthlyPut.settlement()).isEqualTo(SettlementStyle.AM);
    assertThat(monthlyPut.impliedVolatility()).isEqualTo(0.21);
    assertThat(monthlyPut.last()).isEmpty();
    assertThat(monthlyPut.vendorDelta()).hasValue(-0.52);
    assertThat(Chains.contract(chain, "SPX221216P04050000").bid()).hasValue(69.4);
  }

  @Test
  void optionsDx_quoteDateParameter_choosesAnEarlierDay() {
    OptionChain chain =
        SOURCE.load(zeroOi(Fixtures.optionsDx()).withParameter(OptionsDxSource.QUOTE_DATE, "2022-12-09"));

    assertThat(chain.spot()).isEqualTo(3934.38);
    assertThat(chain.valuationTime()).isEqualTo(Instant.parse("2022-12-09T21:00:00Z"));
    assertThat(chain.contracts()).hasSize(4);
    assertThat(chain.diagnostics()).isEmpty();
    assertThat(Chains.contract(chain, "SPXW221214P03950000").impliedVolatility()).isEqualTo(0.238);
  }

  @Test
  void optionsDx_quoteDateNotInTheFile_throwsListingTheDates() {
    SourceRequest request =
        zeroOi(Fixtures.optionsDx()).withParameter(OptionsDxSource.QUOTE_DATE, "2022-12-13");

    assertThatThrownBy(() -> SOURCE.load(request))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("no rows for the quote date 2022-12-13")
        .hasMessageContaining("2 date(s), 2022-12-09 to 2022-12-12");
  }

  @Test
  void optionsDx_badQuoteDateParameter_isAnIllegalArgument() {
    SourceRequest request =
        zeroOi(Fixtures.optionsDx()).withParameter(OptionsDxSource.QUOTE_DATE, "12/12/2022");

    assertThatThrownBy(() -> SOURCE.load(request))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("quoteDate")
        .hasMessageContaining("'12/12/2022'");
  }

  @Test
  void optionsDx_openInterestColumns_areReadWithoutTheParameter() throws IOException {
    List<String> lines = Files.readAllLines(Fixtures.optionsDx(), StandardCharsets.UTF_8);
    StringBuilder b = new StringBuilder(lines.get(0)).append(", [C_OPEN_INTEREST], [P_OPEN_INTEREST]\n");
    for (int i = 1; i < lines.size(); i++) {
      b.append(lines.get(i)).append(", ").append(100 * i).append(", ").append(1000 * i).append('\n');
    }
    Path file = Files.writeString(dir.resolve("spx_eod_202212.txt"), b);

    OptionChain chain = SOURCE.load(SourceRequest.of(file));

    assertThat(Chains.contract(chain, "SPXW221214C03950000").openInterest()).isEqualTo(300);
    assertThat(Chains.contract(chain, "SPXW221214P03950000").openInterest()).isEqualTo(3000);
  }

  @Test
  void optionsDx_fileNameWithoutUnderlying_throwsSayingHowToGiveIt() throws IOException {
    Path file = Files.copy(Fixtures.optionsDx(), dir.resolve("export.txt"));

    assertThatThrownBy(() -> SOURCE.load(zeroOi(file)))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("export.txt: no underlying symbol")
        .hasMessageContaining("the 'underlying' option")
        .hasMessageContaining("--underlying");
    assertThat(SOURCE.load(zeroOi(file).withUnderlying("SPX")).contracts()).hasSize(7);
  }

  @Test
  void optionsDx_requestSpot_winsOverUnderlyingLast() {
    OptionChain chain = SOURCE.load(zeroOi(Fixtures.optionsDx()).withSpot(4000));

    assertThat(chain.spot()).isEqualTo(4000);
  }

  @Test
  void optionsDx_gzipCopy_readsTheSameChain() throws IOException {
    Path gz = Fixtures.gzip(Fixtures.optionsDx(), dir.resolve("spx_eod_202212.txt.gz"));

    OptionChain chain = SOURCE.load(zeroOi(gz));

    assertThat(chain).isEqualTo(SOURCE.load(zeroOi(Fixtures.optionsDx())));
  }

  @Test
  void optionsDx_everyRowOfTheDayFails_throwsQuotingTheReasons() throws IOException {
    List<String> lines = Files.readAllLines(Fixtures.optionsDx(), StandardCharsets.UTF_8);
    StringBuilder b = new StringBuilder(lines.get(0)).append('\n');
    for (int i = 1; i < lines.size(); i++) {
      b.append(lines.get(i).replace(" 2022-12-14,", " 2022-14-14,").replace(" 2022-12-16,", " soon,"))
          .append('\n');
    }
    Path file = Files.writeString(dir.resolve("spx_eod_202212.txt"), b);

    assertThatThrownBy(() -> SOURCE.load(zeroOi(file)))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("(quote date 2022-12-12): no row could be read (4 all rejected)")
        .hasMessageContaining("line 4 field 'EXPIRE_DATE' value '2022-14-14': expected yyyy-MM-dd")
        .hasMessageContaining("line 6 field 'EXPIRE_DATE' value 'soon'");
  }
}
