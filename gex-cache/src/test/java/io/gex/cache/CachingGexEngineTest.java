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

    assertThat(b.putGex()).isLessThan(a.putGex());
    assertThat(engine.cache().tieredStats().loads()).isEqualTo(2);
  }
}
