package io.gex.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gex.ChainSourceException;
import io.gex.chain.OptionChain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainSourcesTest {

  @TempDir Path dir;

  @AfterEach
  void clearProperty() {
    System.clearProperty(ChainSources.SYSTEM_PROPERTY);
  }

  private static ChainSources.Builder twoDiscovered() {
    return ChainSources.builder().classLoader(new ServiceFileClassLoader("providers/two/"));
  }

  @Test
  void build_twoDiscoveredSources_areBothAvailableById() {
    ChainSources sources = twoDiscovered().build();

    assertThat(sources.ids()).containsExactly("alpha", "beta");
    assertThat(sources.source("beta").id()).isEqualTo("beta");
    assertThat(sources.find("gamma")).isEmpty();
  }

  @Test
  void source_unknownId_throwsListingTheAvailableIds() {
    ChainSources sources = twoDiscovered().build();

    assertThatThrownBy(() -> sources.source("gamma"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'gamma'")
        .hasMessageContaining("[alpha, beta]");
  }

  @Test
  void register_sameIdAsDiscovered_winsAndComesFirst() {
    OptionChainSource mine = new Fixed("beta", "BETA");

    ChainSources sources = twoDiscovered().register(mine).build();

    assertThat(sources.ids()).containsExactly("beta", "alpha");
    assertThat(sources.source("beta")).isSameAs(mine);
    assertThat(sources.report().duplicates()).containsKey("beta");
  }

  @Test
  void detect_byContent_picksTheSourceThatRecognisesTheFile() throws IOException {
    ChainSources sources = twoDiscovered().build();
    Path file = Files.writeString(dir.resolve("x.dat"), "BETA,1,2,3\n");

    assertThat(sources.detect(file).id()).isEqualTo("beta");
    assertThat(sources.load(SourceRequest.of(file)).underlying()).isEqualTo("BETA");
  }

  @Test
  void detect_unrecognisedContent_throwsListingTheSourcesTried() throws IOException {
    ChainSources sources = twoDiscovered().build();
    Path file = Files.writeString(dir.resolve("x.dat"), "GAMMA\n");

    assertThatThrownBy(() -> sources.detect(file))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("x.dat")
        .hasMessageContaining("[alpha, beta]");
  }

  @Test
  void detect_missingFile_throwsChainSourceException() {
    ChainSources sources = twoDiscovered().build();

    assertThatThrownBy(() -> sources.detect(dir.resolve("missing.csv")))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("missing.csv");
  }

  @Test
  void detect_sourceWhoseSniffingThrows_isPassedOver() {
    OptionChainSource broken =
        new Fixed("broken", "X") {
          @Override
          public boolean canRead(byte[] head) {
            throw new IllegalStateException("boom");
          }
        };
    ChainSources sources = twoDiscovered().register(broken).build();

    assertThat(sources.detect("ALPHA".getBytes(StandardCharsets.US_ASCII)))
        .hasValueSatisfying(s -> assertThat(s.id()).isEqualTo("alpha"));
  }

  @Test
  void load_systemProperty_namesTheSourceForAnyLocation() {
    System.setProperty(ChainSources.SYSTEM_PROPERTY, "beta");
    ChainSources sources = twoDiscovered().build();

    assertThat(sources.load(SourceRequest.of("SPX")).underlying()).isEqualTo("BETA");
  }

  @Test
  void load_notAFileAndNoSourceNamed_throwsNamingTheLocation() {
    ChainSources sources = twoDiscovered().noSystemProperty().build();

    assertThatThrownBy(() -> sources.load(SourceRequest.of("SPX", Map.of())))
        .isInstanceOf(ChainSourceException.class)
        .hasMessageContaining("'SPX'");
  }

  @Test
  void build_noProviderAnywhere_isEmptyButUsable() {
    ChainSources sources =
        ChainSources.builder().classLoader(new ServiceFileClassLoader("providers/none/")).build();

    assertThat(sources.sources()).isEmpty();
    assertThat(sources.detect(new byte[] {1, 2})).isEmpty();
  }

  @Test
  void sourceRequest_copiesParametersAndValidatesLocation() {
    SourceRequest request =
        SourceRequest.of("SPX").withParameter("seed", "7").withValuationTime(Instant.EPOCH);

    assertThat(request.parameter("seed")).contains("7");
    assertThat(request.valuationTime()).contains(Instant.EPOCH);
    assertThat(request.isHttp()).isFalse();
    assertThat(SourceRequest.of("https://example.invalid/x.json").isHttp()).isTrue();
    assertThatThrownBy(() -> SourceRequest.of(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("location");
  }

  /** A source made in the test, for explicit registration. */
  private static class Fixed implements OptionChainSource {
    private final String id;
    private final String underlying;

    Fixed(String id, String underlying) {
      this.id = id;
      this.underlying = underlying;
    }

    @Override
    public OptionChain load(SourceRequest request) {
      return OptionChain.builder(underlying, 1, Instant.EPOCH).build();
    }

    @Override
    public String id() {
      return id;
    }
  }
}
