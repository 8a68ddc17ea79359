package io.gex.testing;

import io.gex.GexAnalysis;

/** Shared helpers for tests that compare analyses (published in gex-core's test-jar). */
public final class TestAnalyses {

  private TestAnalyses() {}

  /** The analysis with another provenance and every other group the same. */
  public static GexAnalysis withProvenance(GexAnalysis a, GexAnalysis.Provenance provenance) {
    return new GexAnalysis(
        provenance, a.exposures(), a.greeks(), a.profiles(), a.pinRisk(), a.dealer(), a.coverage());
  }
}
