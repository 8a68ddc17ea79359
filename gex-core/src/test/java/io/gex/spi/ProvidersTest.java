package io.gex.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gex.chain.OptionChain;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProvidersTest {

  private static final String PROPERTY = "gex.test.providers";

  @AfterEach
  void clearProperty() {
    System.clearProperty(PROPERTY);
  }

  private static Providers.Lookup<OptionChainSource> lookup(String scenario) {
    return Providers.lookup(OptionChainSource.class, OptionChainSource::id)
        .classLoader(new ServiceFileClassLoader("providers/" + scenario + "/"))
        .systemProperty(PROPERTY);
  }

  private static List<String> ids(Providers.Report<OptionChainSource> report) {
    return report.providers().stream().map(OptionChainSource::id).toList();
  }

  @Test
  void discover_noProvider_selectsNothingAndReportsNoFailure() {
    Providers.Report<OptionChainSource> report = lookup("none").discover();

    assertThat(report.providers()).isEmpty();
    assertThat(report.selected()).isEmpty();
    assertThat(report.selection()).isEqualTo(Providers.Selection.NONE);
    assertThat(report.failures()).isEmpty();
    assertThatThrownBy(report::require)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("io.gex.spi.OptionChainSource");
  }

  @Test
  void discover_noProviderWithFallback_selectsTheFallbackVisibly() {
    OptionChainSource fallback = new Named("in-memory");

    Providers.Report<OptionChainSource> report = lookup("none").fallback(() -> fallback).discover();

    assertThat(report.selected()).containsSame(fallback);
    assertThat(report.selection()).isEqualTo(Providers.Selection.DEFAULT);
    assertThat(report.providers()).isEmpty();
  }

  @Test
  void discover_oneProvider_selectsIt() {
    Providers.Report<OptionChainSource> report = lookup("one").discover();

    assertThat(ids(report)).containsExactly("alpha");
    assertThat(report.selection()).isEqualTo(Providers.Selection.SERVICE_LOADER);
    assertThat(report.require().id()).isEqualTo("alpha");
    assertThat(report.failures()).isEmpty();
    assertThat(report.duplicates()).isEmpty();
  }

  @Test
  void discover_twoProviders_listsBothAndSelectsTheFirst() {
    Providers.Report<OptionChainSource> report = lookup("two").discover();

    assertThat(ids(report)).containsExactly("alpha", "beta");
    assertThat(report.require().id()).isEqualTo("alpha");
    assertThat(report.selection()).isEqualTo(Providers.Selection.SERVICE_LOADER);
  }

  @Test
  void discover_twoProvidersWithOneId_keepsTheFirstAndListsBoth() {
    Providers.Report<OptionChainSource> report = lookup("same-id").discover();

    assertThat(ids(report)).containsExactly("alpha");
    assertThat(report.require().getClass().getName()).isEqualTo("io.gex.spi.fixtures.AlphaSource");
    assertThat(report.duplicates())
        .containsOnlyKeys("alpha")
        .extractingByKey("alpha")
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
        .containsExactly("io.gex.spi.fixtures.AlphaSource", "io.gex.spi.fixtures.AlphaTwinSource");
  }

  @Test
  void discover_brokenProviders_areReportedAndTheLookupGoesOn() {
    Providers.Report<OptionChainSource> report = lookup("broken").discover();

    assertThat(ids(report)).containsExactly("alpha");
    assertThat(report.failures()).hasSize(2);
    assertThat(report.failures().get(0).provider()).isEqualTo("io.gex.spi.fixtures.BrokenSource");
    assertThat(report.failures().get(0).cause()).isPresent();
    assertThat(report.failures().get(0).cause().orElseThrow())
        .hasRootCauseMessage("broken on purpose");
    assertThat(report.failures().get(1).provider()).isEqualTo("io.gex.spi.fixtures.MissingSource");
    assertThat(report.require().id()).isEqualTo("alpha");
  }

  @Test
  void discover_explicitRegistration_winsOverDiscoveredAndTheProperty() {
    System.setProperty(PROPERTY, "beta");
    OptionChainSource mine = new Named("alpha");

    Providers.Report<OptionChainSource> report = lookup("two").register(mine).discover();

    assertThat(report.selected()).containsSame(mine);
    assertThat(report.selection()).isEqualTo(Providers.Selection.EXPLICIT);
    assertThat(ids(report)).containsExactly("alpha", "beta");
    assertThat(report.providers().get(0)).isSameAs(mine);
    assertThat(report.duplicates()).containsKey("alpha");
  }

  @Test
  void discover_systemProperty_selectsTheNamedProviderByIdOrClassName() {
    System.setProperty(PROPERTY, "beta");
    assertThat(lookup("two").discover().require().id()).isEqualTo("beta");
    assertThat(lookup("two").discover().selection()).isEqualTo(Providers.Selection.SYSTEM_PROPERTY);

    System.setProperty(PROPERTY, "io.gex.spi.fixtures.BetaSource");
    assertThat(lookup("two").discover().require().id()).isEqualTo("beta");
  }

  @Test
  void discover_systemPropertyNamingNoProvider_isReportedAndFallsBackToTheServiceLoader() {
    System.setProperty(PROPERTY, "gamma");

    Providers.Report<OptionChainSource> report = lookup("two").discover();

    assertThat(report.require().id()).isEqualTo("alpha");
    assertThat(report.selection()).isEqualTo(Providers.Selection.SERVICE_LOADER);
    assertThat(report.failures())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains(PROPERTY + "=gamma").contains("[alpha, beta]"));
  }

  @Test
  void discover_idFunctionThatThrows_countsAsThatProvidersFailure() {
    Function<OptionChainSource, String> id =
        s -> {
          if (s.id().equals("beta")) {
            throw new IllegalStateException("no id today");
          }
          return s.id();
        };
    Providers.Report<OptionChainSource> report =
        Providers.lookup(OptionChainSource.class, id)
            .classLoader(new ServiceFileClassLoader("providers/two/"))
            .discover();

    assertThat(report.providers()).extracting(OptionChainSource::id).containsExactly("alpha");
    assertThat(report.failures()).singleElement().satisfies(f -> assertThat(f.message()).contains("no id today"));
  }

  @Test
  void discover_serviceLoaderOff_findsOnlyExplicitProviders() {
    Providers.Report<OptionChainSource> report =
        lookup("two").serviceLoader(false).register(new Named("mine")).discover();

    assertThat(ids(report)).containsExactly("mine");
  }

  /** A provider made in the test, for explicit registration. */
  private record Named(String id) implements OptionChainSource {
    @Override
    public OptionChain load(SourceRequest request) {
      return OptionChain.builder(id.toUpperCase(java.util.Locale.ROOT), 1, Instant.EPOCH).build();
    }
  }
}
