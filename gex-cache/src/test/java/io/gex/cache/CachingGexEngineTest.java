package io.gex.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.chain.OptionChain;
import io.gex.testing.TestChains;
import org.junit.jupiter.api.Test;

class CachingGexEngineTest {

  @Test
  void analyze_sameChainTwice_computesOnceAndMatchesTheEngine() {
    GexEngine plain = GexEngine.builder().build();
    CachingGexEngine engine = CachingGexEngine.wrap(plain, TieredGexCache.builder().build());
    OptionChain chain = TestChains.fourContracts();

    GexAnalysis first = engine.analyze(chain);
    GexAnalysis again = engine.analyze(TestChains.fourContracts());

    assertThat(again).isSameAs(first);
    assertThat(first.totalGex()).isEqualTo(plain.analyze(chain).totalGex());
    assertThat(first.totalGex()).isNotZero();
    assertThat(engine.cache().tieredStats().loads()).isEqualTo(1);
    assertThat(engine.settings()).isEqualTo(plain.settings());
  }

  @Test
  void analyzeIdentified_sameIdentity_isAHitWithoutReadingTheChain_newVersionIsAMiss() {
    GexEngine plain = GexEngine.builder().build();
    CachingGexEngine engine = CachingGexEngine.wrap(plain, TieredGexCache.builder().build());
    OptionChain chain = TestChains.fourContracts();

    GexAnalysis first = engine.analyze(chain, "cboe-json", "etag-1");
    // The identity decides: a hit even for another chain object (the supplier's promise)...
    GexAnalysis again = engine.analyze(TestChains.random(3, 50).withSpot(chain.spot()), "cboe-json", "etag-1");
    assertThat(again).isSameAs(first);
    assertThat(engine.cache().tieredStats().loads()).isEqualTo(1);
    // ...and a new version, or another source, is a new entry, never a content key's entry.
    GexAnalysis next = engine.analyze(chain, "cboe-json", "etag-2");
    GexAnalysis other = engine.analyze(chain, "csv", "etag-1");
    GexAnalysis content = engine.analyze(chain);
    assertThat(next).isNotSameAs(first);
    assertThat(other).isNotSameAs(first).isNotSameAs(next);
    assertThat(content).isNotSameAs(first);
    assertThat(engine.cache().tieredStats().loads()).isEqualTo(4);
    assertThat(next.totalGex()).isEqualTo(plain.analyze(chain).totalGex());
  }

  @Test
  void identified_blankSourceOrVersion_isRejectedNamingIt() {
    String settings = GexCacheKey.settingsFingerprint(io.gex.settings.GexSettings.DEFAULT);
    java.time.Instant t = java.time.Instant.parse("2024-03-01T20:00:00Z");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> GexCacheKey.identified("SPX", t, " ", "1", settings))
        .hasMessageContaining("source");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> GexCacheKey.identified("SPX", t, "feed", "", settings))
        .hasMessageContaining("version");
    assertThat(GexCacheKey.identified("SPX", t, "feed", "7", settings))
        .isEqualTo(GexCacheKey.identified("SPX", t, "feed", "7", settings))
        .isNotEqualTo(GexCacheKey.identified("SPX", t, "feed", "8", settings));
  }

  @Test
  void analyze_enginesWithOtherSettingsSharingACache_neverSeeEachOthersEntries() {
    TieredGexCache cache = TieredGexCache.builder().build();
    CachingGexEngine plain = CachingGexEngine.wrap(GexEngine.builder().build(), cache);
    CachingGexEngine withRate = CachingGexEngine.wrap(GexEngine.builder().rate(0.05).build(), cache);
    OptionChain chain = TestChains.fourContracts();

    GexAnalysis a = plain.analyze(chain);
    GexAnalysis b = withRate.analyze(chain);

    assertThat(b.settings().rate()).isEqualTo(0.05);
    assertThat(a.settings().rate()).isEqualTo(0.0);
    assertThat(b.totalGex()).isNotEqualTo(a.totalGex());
    assertThat(cache.tieredStats().loads()).isEqualTo(2);
  }

  @Test
  void analyze_enginesWithOtherPositionModelsSharingACache_neverSeeEachOthersEntries() {
    TieredGexCache cache = TieredGexCache.builder().build();
    CachingGexEngine oi = CachingGexEngine.wrap(GexEngine.builder().build(), cache);
    CachingGexEngine volume =
        CachingGexEngine.wrap(
            GexEngine.builder().positionModel(io.gex.positions.PositionModels.VOLUME).build(), cache);
    OptionChain chain = TestChains.fourContracts();

    GexAnalysis a = oi.analyze(chain);
    GexAnalysis b = volume.analyze(chain);

    assertThat(volume.positionModel()).isSameAs(io.gex.positions.PositionModels.VOLUME);
    assertThat(volume.executor()).isEmpty();
    java.util.concurrent.Executor pool = java.util.concurrent.ForkJoinPool.commonPool();
    assertThat(CachingGexEngine.wrap(GexEngine.builder().executor(pool).build(), cache).executor())
        .contains(pool); // a live chain of the cached engine splits its analyses as the delegate would
    assertThat(a.provenance().positions().model()).isEqualTo("oi");
    assertThat(b.provenance().positions().model()).isEqualTo("volume");
    assertThat(b.totalGex()).isZero(); // the test chain carries no volume
    assertThat(cache.tieredStats().loads()).isEqualTo(2);
  }

  @Test
  void analyze_withCustomerFlow_isTheWrappedEnginesAnalysis_uncached() {
    GexEngine flow = GexEngine.builder().positionModel(io.gex.positions.PositionModels.FLOW).build();
    CachingGexEngine engine = CachingGexEngine.wrap(flow, TieredGexCache.builder().build());
    OptionChain chain = TestChains.fourContracts();
    java.util.List<io.gex.positions.Trade> tape =
        java.util.List.of(
            new io.gex.positions.Trade(
                TestChains.VALUATION.minusSeconds(60), chain.contracts().get(2).symbol(), 12.5, 100, 12.0,
                12.5));

    GexAnalysis withFlow = engine.analyze(chain, tape);

    assertThat(withFlow.totalGex()).isEqualTo(flow.analyze(chain, tape).totalGex());
    assertThat(withFlow.provenance().positions().trades()).isEqualTo(1);
    assertThat(engine.cache().tieredStats().loads()).isZero();
    assertThat(engine.analyze(chain, io.gex.positions.CustomerFlow.EMPTY)).isSameAs(engine.analyze(chain));
  }

  @Test
  void analyze_chainWithOneMoreContractOfOpenInterest_isANewEntry() {
    CachingGexEngine engine =
        CachingGexEngine.wrap(GexEngine.builder().build(), TieredGexCache.builder().build());
    OptionChain chain = TestChains.fourContracts();
    OptionChain more =
        chain.withContracts(
            java.util.List.of(
                chain.contracts().get(0).withOpenInterest(1001),
                chain.contracts().get(1),
                chain.contracts().get(2),
                chain.contracts().get(3)));

    GexAnalysis a = engine.analyze(chain);
    GexAnalysis b = engine.analyze(more);

    assertThat(b.exposures().putGex()).isLessThan(a.exposures().putGex());
    assertThat(engine.cache().tieredStats().loads()).isEqualTo(2);
  }
}
