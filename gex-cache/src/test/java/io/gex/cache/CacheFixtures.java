package io.gex.cache;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.chain.OptionChain;
import io.gex.settings.GexSettings;
import io.gex.testing.TestChains;
import java.time.Duration;

/** Chains at successive valuation instants and their analyses. */
final class CacheFixtures {
  static final GexEngine ENGINE = GexEngine.builder().build();

  private CacheFixtures() {}

  /** The four-contract chain, {@code minutes} after {@link TestChains#VALUATION}. */
  static OptionChain chainAt(int minutes) {
    OptionChain four = TestChains.fourContracts();
    return OptionChain.of(
        four.underlying(),
        four.spot(),
        TestChains.VALUATION.plus(Duration.ofMinutes(minutes)),
        four.contracts());
  }

  static GexCacheKey keyAt(int minutes) {
    return GexCacheKey.of(chainAt(minutes), GexSettings.DEFAULT);
  }

  static GexAnalysis analysisAt(int minutes) {
    return ENGINE.analyze(chainAt(minutes));
  }
}
