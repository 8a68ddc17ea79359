package io.gex.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gex.spi.SourceRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The typed spot and underlying of a request, which every source honours. */
class SourceRequestOptionsTest {

  @Test
  void withSpotAndUnderlying_setTheDocumentedParameters() {
    SourceRequest request = SourceRequest.of("chain.csv").withSpot(4512.25).withUnderlying(" spx ");

    assertThat(request.parameter(SourceRequest.SPOT)).contains("4512.25");
    assertThat(request.parameter(SourceRequest.UNDERLYING)).contains("spx");
    assertThat(request.spot()).hasValue(4512.25);
    assertThat(request.underlying()).contains("spx");
    assertThat(SourceRequest.SPOT).isEqualTo("spot");
    assertThat(SourceRequest.UNDERLYING).isEqualTo("underlying");
  }

  @Test
  void parametersGivenAsText_areReadTheSameWay() {
    SourceRequest request = SourceRequest.of("chain.csv", Map.of("spot", " 3990.56 ", "underlying", "  "));

    assertThat(request.spot()).hasValue(3990.56);
    assertThat(request.underlying()).isEmpty();
    assertThat(SourceRequest.of("chain.csv").spot()).isEmpty();
  }

  @Test
  void invalidSpots_areIllegalArgumentsNamingTheValue() {
    assertThatThrownBy(() -> SourceRequest.of("x").withSpot(0)).hasMessageContaining("spot must be finite and > 0, was 0.0");
    assertThatThrownBy(() -> SourceRequest.of("x").withSpot(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SourceRequest.of("x").withSpot(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
    for (String bad : new String[] {"abc", "-1", "0", "NaN", "Infinity", ""}) {
      SourceRequest request = SourceRequest.of("x").withParameter("spot", bad);
      assertThatThrownBy(request::spot)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("parameter spot must be a positive price")
          .hasMessageContaining("'" + bad + "'");
    }
    assertThatThrownBy(() -> SourceRequest.of("x").withUnderlying(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("underlying must not be blank");
  }

  @Test
  void everyFileSource_honoursTheRequestSpotAndUnderlying() {
    SourceRequest cboe = SourceRequest.of(TestData.rutJson()).withSpot(1800).withUnderlying("RUTX");
    SourceRequest yahoo = SourceRequest.of(Fixtures.yahoo()).withSpot(190).withUnderlying("AAPLX");
    SourceRequest dx =
        SourceRequest.of(Fixtures.optionsDx())
            .withParameter(OptionsDxSource.MISSING_OPEN_INTEREST, "zero")
            .withSpot(3900)
            .withUnderlying("SPXX");
    SourceRequest quoteTable = SourceRequest.of(TestData.ndxCsv()).withSpot(11000).withUnderlying("NDXX");

    assertThat(new CboeJsonSource().load(cboe)).extracting("spot", "underlying").containsExactly(1800.0, "RUTX");
    assertThat(new YahooCsvSource().load(yahoo)).extracting("spot", "underlying").containsExactly(190.0, "AAPLX");
    assertThat(new OptionsDxSource().load(dx)).extracting("spot", "underlying").containsExactly(3900.0, "SPXX");
    assertThat(new CboeCsvSource().load(quoteTable))
        .extracting("spot", "underlying")
        .containsExactly(11000.0, "NDXX");
    assertThat(new SyntheticChainSource().load(SourceRequest.of("SPX").withSpot(4100).withUnderlying("NDX")
            .withParameter("contracts", "200")))
        .extracting("spot", "underlying")
        .containsExactly(4100.0, "NDX");
  }
}
