package io.gex.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.gex.GexAnalysis;
import io.gex.chain.OccSymbol;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.chain.OptionRight;
import io.gex.settings.GexSettings;
import io.gex.settings.IvSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A resolve that reuses the instruments of the last one shares its columns when only spot moved and the
 * same contracts are priced with the same volatilities, and otherwise builds them afresh; either way its
 * analysis equals a resolve from scratch in every figure.
 */
class ResolvedChainReuseTest {

  private static final Instant NOW = Instant.parse("2024-03-14T15:00:00Z");
  private static final LocalDate EXPIRY = LocalDate.of(2024, 3, 28);

  /** Strikes 4900..5100 by 25; the put quotes 5 vol points above the call at every strike. */
  private static OptionChain chain(double spot) {
    List<OptionContract> contracts = new ArrayList<>();
    for (int k = 4900; k <= 5100; k += 25) {
      for (OptionRight right : OptionRight.values()) {
        double iv = 0.15 + (5100 - k) * 0.0002 + (right == OptionRight.PUT ? 0.05 : 0);
        contracts.add(
            OptionContract.builder(new OccSymbol("SPXW", EXPIRY, right, k))
                .openInterest(1000 + k % 7 * 100)
                .impliedVolatility(iv)
                .build());
      }
    }
    return OptionChain.of("SPX", spot, NOW, contracts);
  }

  private static GexSettings settings(IvSource source) {
    return io.gex.GexEngine.builder().ivSource(source).build().settings();
  }

  private static ResolvedChain resolve(OptionChain c, GexSettings s, ResolvedChain.Instruments reuse) {
    return ResolvedChain.resolve(
        c.underlying(), c.spot(), c.valuationTime(), c.contracts(), c.diagnostics(), s, reuse);
  }

  private static void assertSameFigures(ResolvedChain reused, OptionChain state, GexSettings s) {
    ResolvedChain fresh = ResolvedChain.resolve(state, s);
    assertThat(GexAnalysis.of(reused, NOW)).isEqualTo(GexAnalysis.of(fresh, NOW));
  }

  @Test
  void spotTickWithinAStrikeGap_sharesTheColumns() {
    GexSettings otm = settings(IvSource.OTM);
    ResolvedChain first = ResolvedChain.resolve(chain(5010), otm);
    first.terms(); // the kernel is shared too once built
    OptionChain moved = chain(5020); // no strike between 5010 and 5020: every OTM member stays OTM
    ResolvedChain next = resolve(moved, otm, first.instruments());
    assertThat(next.gexCoef).isSameAs(first.gexCoef);
    assertThat(next.terms().gexCoef).isSameAs(first.terms().gexCoef);
    assertThat(next.terms().spot).isEqualTo(5020);
    assertThat(next.spot()).isEqualTo(5020);
    assertSameFigures(next, moved, otm);
  }

  @Test
  void spotTickAcrossAStrike_repricesThePairUnderOtm() {
    GexSettings otm = settings(IvSource.OTM);
    ResolvedChain first = ResolvedChain.resolve(chain(5010), otm);
    OptionChain moved = chain(5030); // across 5025: that pair now takes the call's IV
    ResolvedChain next = resolve(moved, otm, first.instruments());
    assertThat(next.gexCoef).isNotSameAs(first.gexCoef);
    assertThat(next.strikeIndex).isSameAs(first.strikeIndex); // the same contracts priced
    int changed = 0;
    for (int p = 0; p < next.size(); p++) {
      changed += next.vol[p] != first.vol[p] ? 1 : 0;
    }
    assertThat(changed).isEqualTo(2); // the 5025 call and put
    assertSameFigures(next, moved, otm);
  }

  @Test
  void spotTickAcrossStrikes_underVendor_sharesTheColumns() {
    GexSettings vendor = settings(IvSource.VENDOR);
    ResolvedChain first = ResolvedChain.resolve(chain(5010), vendor);
    OptionChain moved = chain(4960);
    ResolvedChain next = resolve(moved, vendor, first.instruments());
    assertThat(next.gexCoef).isSameAs(first.gexCoef);
    assertSameFigures(next, moved, vendor);
  }

  @Test
  void changedOpenInterest_isNotShared() {
    GexSettings otm = GexSettings.DEFAULT;
    OptionChain before = chain(5010);
    ResolvedChain first = ResolvedChain.resolve(before, otm);
    List<OptionContract> contracts = new ArrayList<>(before.contracts());
    contracts.set(3, contracts.get(3).withOpenInterest(99_999));
    OptionChain after = OptionChain.of("SPX", 5010, NOW, contracts);
    ResolvedChain next = resolve(after, otm, first.instruments());
    assertThat(next.gexCoef).isNotSameAs(first.gexCoef);
    assertThat(next.strikeIndex).isSameAs(first.strikeIndex);
    assertSameFigures(next, after, otm);
  }

  @Test
  void aContractLeftUnpriced_buildsTheColumnsAfresh() {
    GexSettings vendor = settings(IvSource.VENDOR);
    OptionChain before = chain(5010);
    ResolvedChain first = ResolvedChain.resolve(before, vendor);
    List<OptionContract> contracts = new ArrayList<>(before.contracts());
    contracts.set(3, contracts.get(3).withImpliedVolatility(0));
    OptionChain after = OptionChain.of("SPX", 5010, NOW, contracts);
    ResolvedChain next = resolve(after, vendor, first.instruments());
    assertThat(next.size()).isEqualTo(first.size() - 1);
    assertThat(next.strikeIndex).isNotSameAs(first.strikeIndex);
    assertSameFigures(next, after, vendor);
  }

  @Test
  void atSpot_withinAStrikeGap_sharesEverything_andEqualsAFreshResolve() {
    GexSettings otm = settings(IvSource.OTM);
    ResolvedChain first = ResolvedChain.resolve(chain(5010), otm);
    first.terms();
    ResolvedChain moved = first.atSpot(5024.99).orElseThrow();
    assertThat(moved.spot()).isEqualTo(5024.99);
    assertThat(moved.gexCoef).isSameAs(first.gexCoef);
    assertThat(moved.terms().gexCoef).isSameAs(first.terms().gexCoef);
    assertThat(moved.diagnostics()).isSameAs(first.diagnostics());
    assertSameFigures(moved, chain(5024.99), otm);
    assertThat(first.atSpot(5010)).containsSame(first);
    assertThat(first.atSpot(5000.01)).isPresent(); // down to just above the strike 5000
  }

  @Test
  void atSpot_isEmpty_whenAStrikeLiesBetween_orAMidWasSolvedAtTheChainsSpot() {
    GexSettings otm = settings(IvSource.OTM);
    ResolvedChain first = ResolvedChain.resolve(chain(5010), otm);
    assertThat(first.atSpot(5000)).isEmpty(); // at 5000 the 5000 call is out of the money, put in
    assertThat(first.atSpot(5030)).isEmpty(); // past 5025
    // Up to 5025 itself nothing changes moneyness (a call at the spot counts as out of the money).
    assertSameFigures(first.atSpot(5025).orElseThrow(), chain(5025), otm);
    // A pair whose volatility is solved from a mid: quoted at the chain's spot, it follows spot (empty);
    // quoted at a spot of its own, it does not (shared, and equal to a fresh resolve).
    for (boolean stamped : new boolean[] {false, true}) {
      List<OptionContract> contracts = new ArrayList<>(chain(5010).contracts());
      for (int i = 0; i < contracts.size(); i++) {
        OptionContract c = contracts.get(i);
        if (c.strike() == 5050) {
          OptionContract.Builder b =
              OptionContract.builder(c.symbol()).openInterest(c.openInterest()).bid(20).ask(22);
          if (stamped) {
            b.spotAtQuote(5010);
          }
          contracts.set(i, b.build());
        }
      }
      ResolvedChain solved = ResolvedChain.resolve(OptionChain.of("SPX", 5010, NOW, contracts), otm);
      assertThat(solved.dataQuality(1).contractsSubstituted()).isEqualTo(2);
      assertThat(solved.atSpot(5020).isPresent()).isEqualTo(stamped);
      if (stamped) {
        assertSameFigures(
            solved.atSpot(5020).orElseThrow(), OptionChain.of("SPX", 5020, NOW, contracts), otm);
      }
    }
  }
}
