package io.gex.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.analysis.ExpiryPinRisk;
import io.gex.chain.ContractDiagnostic;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.settings.IvSource;
import io.gex.spi.SourceRequest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Max pain and the implied-volatility source on the bundled CBOE snapshots: max pain of every unexpired
 * expiry against a brute-force oracle over all open interest (priced or not), the same under every IV
 * source; and the comb of zero crossings that placeholder IVs make under {@code vendor}, gone under {@code
 * otm}.
 */
class RealSnapshotIvAndMaxPainTest {

  private static OptionChain spx;
  private static OptionChain ndx;
  private static OptionChain rut;

  @BeforeAll
  static void load() {
    spx = new CboeCsvSource().load(SourceRequest.of(TestData.spxCsv()));
    ndx = new CboeCsvSource().load(SourceRequest.of(TestData.ndxCsv()));
    rut = new CboeJsonSource().load(SourceRequest.of(TestData.rutJson()));
  }

  private static GexAnalysis analyze(OptionChain chain, IvSource source) {
    return GexEngine.builder().ivSource(source).build().analyze(chain);
  }

  /**
   * The oracle: for each expiry with a contract not yet settled, the listed strike with the smallest payout
   * Σ OI × intrinsic over every such contract, ties to the strike nearest spot, then the lower. CBOE strikes
   * are multiples of 0.5 and open interest is an integer, so every sum is exact in doubles.
   */
  private static Map<LocalDate, double[]> oracle(OptionChain chain) {
    Set<String> settled = new HashSet<>();
    for (ContractDiagnostic d : analyze(chain, IvSource.VENDOR).coverage().diagnostics()) {
      if (d.reason() == ContractDiagnostic.Reason.SETTLED) {
        settled.add(d.location());
      }
    }
    TreeMap<LocalDate, List<OptionContract>> byExpiry = new TreeMap<>();
    for (OptionContract c : chain.contracts()) {
      if (!settled.contains(c.symbol().toString())) {
        byExpiry.computeIfAbsent(c.expiry(), e -> new ArrayList<>()).add(c);
      }
    }
    TreeMap<LocalDate, double[]> out = new TreeMap<>();
    double spot = chain.spot();
    for (Map.Entry<LocalDate, List<OptionContract>> e : byExpiry.entrySet()) {
      List<OptionContract> contracts = e.getValue();
      double best = Double.NaN;
      double bestPayout = Double.POSITIVE_INFINITY;
      for (OptionContract candidate : contracts) {
        double s = candidate.strike();
        double payout = 0;
        for (OptionContract c : contracts) {
          payout += c.openInterest() * Math.max(c.isCall() ? s - c.strike() : c.strike() - s, 0);
        }
        double d = Math.abs(s - spot);
        double bestD = Math.abs(best - spot);
        if (payout < bestPayout
            || (payout == bestPayout && (d < bestD || (d == bestD && s < best)))) {
          best = s;
          bestPayout = payout;
        }
      }
      out.put(e.getKey(), new double[] {best, bestPayout});
    }
    return out;
  }

  private static void assertMaxPainMatchesOracleUnderEverySource(OptionChain chain) {
    Map<LocalDate, double[]> expected = oracle(chain);
    for (IvSource source : IvSource.values()) {
      List<ExpiryPinRisk> expiries = analyze(chain, source).pinRisk().expiries();
      assertThat(expiries)
          .as("%s %s expiries", chain.underlying(), source)
          .extracting(ExpiryPinRisk::expiry)
          .containsExactlyElementsOf(expected.keySet());
      for (ExpiryPinRisk e : expiries) {
        double[] want = Objects.requireNonNull(expected.get(e.expiry()));
        assertThat(e.maxPain()).as("%s %s %s", chain.underlying(), source, e.expiry()).isEqualTo(want[0]);
        assertThat(e.maxPainPayout()).isEqualTo(want[1] * 100);
      }
    }
  }

  @Test
  void maxPain_spx_everyExpiryMatchesOracleOverAllOpenInterestUnderEveryIvSource() {
    assertMaxPainMatchesOracleUnderEverySource(spx);
  }

  @Test
  void maxPain_ndx_everyExpiryMatchesOracleOverAllOpenInterestUnderEveryIvSource() {
    assertMaxPainMatchesOracleUnderEverySource(ndx);
  }

  @Test
  void maxPain_rut_everyExpiryMatchesOracleOverAllOpenInterestUnderEveryIvSource() {
    assertMaxPainMatchesOracleUnderEverySource(rut);
  }

  @Test
  void maxPain_spxLeaps_areNearSpotAndNoneIsMissing() {
    // Counting only priced contracts gave 800 for 2027-12-17 (spot 3990.56) and dropped 2024-06-21,
    // 2025-12-19 and 2026-12-18, whose contracts CBOE quotes without an IV.
    Map<LocalDate, Double> byExpiry = new TreeMap<>();
    for (ExpiryPinRisk e : analyze(spx, IvSource.VENDOR).pinRisk().expiries()) {
      byExpiry.put(e.expiry(), e.maxPain());
    }
    assertThat(byExpiry)
        .containsEntry(LocalDate.of(2027, 12, 17), 4000.0)
        .containsEntry(LocalDate.of(2024, 6, 21), 4000.0)
        .containsEntry(LocalDate.of(2025, 12, 19), 4000.0)
        .containsKey(LocalDate.of(2026, 12, 18));
  }

  /**
   * Placeholder IVs (0.02 on 2,456 NDX calls deep in the money) give those contracts a gamma spike at their
   * strike that, swept across the profile, makes a comb of zero crossings under {@code vendor}. Under {@code
   * otm} they take their put's IV. A dealer-gamma profile over 0.5 to 1.5 × spot changes sign where the put
   * side takes over below spot, and at most once more far out in a wing: more than two crossings is the
   * signature of bad inputs, not of positioning (every snapshot shows exactly one under otm).
   */
  @Test
  void crossings_placeholderIvsMakeACombUnderVendorButNotUnderOtm() {
    GexAnalysis ndxVendor = analyze(ndx, IvSource.VENDOR);
    assertThat(ndxVendor.zeroGammaCrossings().size()).isGreaterThanOrEqualTo(5);
    for (OptionChain chain : List.of(spx, ndx, rut)) {
      GexAnalysis otm = analyze(chain, IvSource.OTM);
      assertThat(otm.zeroGammaCrossings().size()).as(chain.underlying()).isBetween(1, 2);
      // The flip stays within 10% of spot.
      assertThat(Math.abs(otm.flipDistancePercent().orElseThrow())).as(chain.underlying()).isLessThan(10);
    }
  }

  @Test
  void otm_repairsOrSkipsEveryPlaceholderAndCountsIt() {
    GexAnalysis otm = analyze(ndx, IvSource.OTM);
    // Every 0.02 call has a put with a usable IV: first rule, no substitution; only wing contracts with
    // IVs above 500% and no usable partner are left out.
    assertThat(otm.skippedByReason())
        .containsOnlyKeys(ContractDiagnostic.Reason.SETTLED, ContractDiagnostic.Reason.IMPLAUSIBLE_IMPLIED_VOLATILITY);
    GexAnalysis spxOtm = analyze(spx, IvSource.OTM);
    // SPX LEAPS quoted without IVs are priced from their mids: substitutions, not skips.
    assertThat(spxOtm.coverage().dataQuality().substitutionsByReason())
        .containsKey(ContractDiagnostic.Reason.SUBSTITUTED_SOLVED_IV);
    assertThat(spxOtm.contractsSkipped() + spxOtm.coverage().contractsUsed()).isEqualTo(spx.contracts().size());
    assertThat(spxOtm.coverage().dataQuality().substitutedGexShare()).isBetween(0.0, 0.05);
  }
}
