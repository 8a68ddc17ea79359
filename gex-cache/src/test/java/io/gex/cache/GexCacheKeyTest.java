package io.gex.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.gex.GexEngine;
import io.gex.chain.ContractDiagnostic;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.settings.GexSettings;
import io.gex.settings.IvSource;
import io.gex.settings.SignConvention;
import io.gex.testing.TestChains;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GexCacheKeyTest {

  private static final OptionChain FOUR = TestChains.fourContracts();

  @Test
  void of_fourContracts_carriesSymbolInstantAndHexFingerprints() {
    GexCacheKey key = GexCacheKey.of(FOUR, GexSettings.DEFAULT);

    assertThat(key.symbol()).isEqualTo("SPX");
    assertThat(key.valuationTime()).isEqualTo(Instant.parse("2024-03-01T20:00:00Z"));
    assertThat(key.chainFingerprint()).matches("[0-9a-f]{32}");
    assertThat(key.settingsFingerprint()).matches("[0-9a-f]{32}");
    assertThat(key.chainFingerprint()).isNotEqualTo(key.settingsFingerprint());
  }

  @Test
  void of_equalChainsBuiltTwice_areEqualKeys() {
    assertThat(GexCacheKey.of(TestChains.random(7, 500), GexSettings.DEFAULT))
        .isEqualTo(GexCacheKey.of(TestChains.random(7, 500), GexSettings.DEFAULT));
  }

  @Test
  void chainFingerprint_contractsShuffled_isUnchanged() {
    OptionChain chain = TestChains.random(3, 2_000);
    List<OptionContract> shuffled = new ArrayList<>(chain.contracts());
    Collections.shuffle(shuffled, new Random(11));

    assertThat(GexCacheKey.chainFingerprint(chain.withContracts(shuffled)))
        .isEqualTo(GexCacheKey.chainFingerprint(chain));
  }

  @Test
  void chainFingerprint_eachFieldChanged_differs() {
    OptionContract base =
        OptionContract.builder("SPXW240328C04000000").openInterest(800).impliedVolatility(0.18).build();
    List<OptionContract> variants =
        List.of(
            base,
            base.withOpenInterest(801),
            base.withImpliedVolatility(0.1800001),
            OptionContract.builder("SPXW240328C04000000").openInterest(800).impliedVolatility(0.18).bid(0).build(),
            OptionContract.builder("SPXW240328C04000000").openInterest(800).impliedVolatility(0.18).ask(0).build(),
            OptionContract.builder("SPXW240328C04000000").openInterest(800).impliedVolatility(0.18).last(0).build(),
            OptionContract.builder("SPXW240328C04000000").openInterest(800).impliedVolatility(0.18).volume(0).build(),
            OptionContract.builder("SPXW240328C04000000").openInterest(800).impliedVolatility(0.18).vendorDelta(0).build(),
            OptionContract.builder("SPXW240328C04000000").openInterest(800).impliedVolatility(0.18).vendorGamma(0).build(),
            OptionContract.builder("SPXW240328C04000000")
                .openInterest(800)
                .impliedVolatility(0.18)
                .settlement(io.gex.chain.SettlementStyle.AM)
                .build(),
            OptionContract.builder("SPXW240328P04000000").openInterest(800).impliedVolatility(0.18).build(),
            OptionContract.builder("SPXW240328C04005000").openInterest(800).impliedVolatility(0.18).build(),
            OptionContract.builder("SPXW240329C04000000").openInterest(800).impliedVolatility(0.18).build(),
            OptionContract.builder("SPX240328C04000000").openInterest(800).impliedVolatility(0.18).build());
    List<String> fingerprints = new ArrayList<>();
    for (OptionContract c : variants) {
      fingerprints.add(GexCacheKey.chainFingerprint(OptionChain.of("SPX", 4000, TestChains.VALUATION, List.of(c))));
    }

    assertThat(fingerprints).hasSize(14).doesNotHaveDuplicates();
  }

  @Test
  void chainFingerprint_spotInstantUnderlyingOrDiagnosticsChanged_differs() {
    String base = GexCacheKey.chainFingerprint(FOUR);
    OptionChain withDiagnostic =
        new OptionChain(
            "SPX",
            4000,
            TestChains.VALUATION,
            FOUR.contracts(),
            List.of(
                new ContractDiagnostic(
                    "row 9", "iv", "abc", ContractDiagnostic.Reason.values()[0], "unreadable")));

    assertThat(GexCacheKey.chainFingerprint(FOUR.withSpot(4000.01))).isNotEqualTo(base);
    assertThat(
            GexCacheKey.chainFingerprint(
                OptionChain.of("SPX", 4000, TestChains.VALUATION.plusNanos(1), FOUR.contracts())))
        .isNotEqualTo(base);
    assertThat(
            GexCacheKey.chainFingerprint(
                OptionChain.of("NDX", 4000, TestChains.VALUATION, FOUR.contracts())))
        .isNotEqualTo(base);
    assertThat(GexCacheKey.chainFingerprint(withDiagnostic)).isNotEqualTo(base);
    assertThat(GexCacheKey.chainFingerprint(FOUR.withContracts(FOUR.contracts().subList(0, 3))))
        .isNotEqualTo(base);
  }

  @Test
  void chainFingerprint_anyContractsOpenInterestChanged_differs() {
    qt().withExamples(60)
        .forAll(longs().between(1, 1_000_000), integers().between(0, 299), integers().between(1, 5000))
        .checkAssert(
            (seed, index, delta) -> {
              OptionChain chain = TestChains.random(seed, 300);
              List<OptionContract> changed = new ArrayList<>(chain.contracts());
              OptionContract c = changed.get(index);
              changed.set(index, c.withOpenInterest(c.openInterest() + delta));

              assertThat(GexCacheKey.chainFingerprint(chain.withContracts(changed)))
                  .isNotEqualTo(GexCacheKey.chainFingerprint(chain));
            });
  }

  @Test
  void settingsFingerprint_anySettingChanged_differs() {
    String base = GexCacheKey.settingsFingerprint(GexSettings.DEFAULT);

    assertThat(GexCacheKey.settingsFingerprint(GexEngine.builder().build().settings())).isEqualTo(base);
    assertThat(GexCacheKey.settingsFingerprint(GexEngine.builder().rate(0.045).build().settings()))
        .isNotEqualTo(base);
    assertThat(GexCacheKey.settingsFingerprint(GexEngine.builder().profilePoints(202).build().settings()))
        .isNotEqualTo(base);
    assertThat(
            GexCacheKey.settingsFingerprint(
                GexEngine.builder().signConvention(SignConvention.values()[1]).build().settings()))
        .isNotEqualTo(base);
    assertThat(
            GexCacheKey.settingsFingerprint(
                GexEngine.builder().ivSource(IvSource.MID).build().settings()))
        .isNotEqualTo(base);
  }

  @Test
  void new_badFingerprintOrBlankSymbol_throwsNamingTheField() {
    String ok = "0123456789abcdef0123456789abcdef";

    assertThatThrownBy(() -> new GexCacheKey(" ", TestChains.VALUATION, ok, ok))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("symbol");
    assertThatThrownBy(() -> new GexCacheKey("SPX", TestChains.VALUATION, "XYZ", ok))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("chainFingerprint")
        .hasMessageContaining("XYZ");
    assertThatThrownBy(() -> new GexCacheKey("SPX", TestChains.VALUATION, ok, ok.toUpperCase()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("settingsFingerprint");
  }
}
