package io.gex.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.gex.chain.OptionChain;
import io.gex.spi.ChainSources;
import io.gex.spi.OptionChainSource;
import io.gex.spi.Providers;
import io.gex.spi.SourceRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sources are found through the SPI and chosen by content. */
class ChainSourcesDiscoveryTest {

  @TempDir Path dir;

  private static ChainSources sources() {
    return ChainSources.builder().noSystemProperty().build();
  }

  @Test
  void discover_findsTheSixSourcesOfThisModule() {
    ChainSources sources = sources();

    assertThat(sources.ids())
        .containsExactly("cboe-json", "cboe-csv", "csv", "yahoo-csv", "optionsdx-csv", "synthetic");
    assertThat(sources.report().failures()).isEmpty();
    assertThat(sources.report().duplicates()).isEmpty();
    assertThat(sources.sources()).extracting(OptionChainSource::description).doesNotContainNull();
  }

  @Test
  void detect_realSnapshots_pickTheirFormats() throws IOException {
    ChainSources sources = sources();
    Path plain =
        Files.writeString(
            dir.resolve("mine.txt"),
            "# spot=1\n# valuation_time=2022-12-13T01:30:00Z\nocc,open_interest\nSPX221216C04000000,1\n",
            StandardCharsets.UTF_8);

    assertThat(sources.detect(TestData.spxCsv()).id()).isEqualTo("cboe-csv");
    assertThat(sources.detect(TestData.ndxCsv()).id()).isEqualTo("cboe-csv");
    assertThat(sources.detect(TestData.rutJson()).id()).isEqualTo("cboe-json");
    assertThat(sources.detect(plain).id()).isEqualTo("csv");
  }

  @Test
  void load_withoutId_detectsAndReads() {
    OptionChain chain = sources().load(SourceRequest.of(TestData.rutJson()));

    assertThat(chain.underlying()).isEqualTo("RUT");
    assertThat(chain.contracts()).hasSize(6_680);
  }

  @Test
  void explicitRegistration_winsOverTheDiscoveredSourceOfTheSameId() {
    SyntheticChainSource mine = new SyntheticChainSource();

    ChainSources sources = ChainSources.builder().noSystemProperty().register(mine).build();

    assertThat(sources.source("synthetic")).isSameAs(mine);
    assertThat(sources.ids()).startsWith("synthetic");
    assertThat(sources.report().selection()).isEqualTo(Providers.Selection.EXPLICIT);
  }

  @Test
  void systemProperty_namesTheSourceForNonFileLocations() {
    System.setProperty(ChainSources.SYSTEM_PROPERTY, "synthetic");
    try {
      ChainSources sources = ChainSources.discover();
      OptionChain chain =
          sources.load(SourceRequest.of("NDX").withParameter("contracts", "200"));

      assertThat(chain.underlying()).isEqualTo("NDX");
      assertThat(chain.spot()).isEqualTo(15000);
    } finally {
      System.clearProperty(ChainSources.SYSTEM_PROPERTY);
    }
  }
}
