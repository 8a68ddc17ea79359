package io.gex.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.gex.GexAnalysis;
import io.gex.chain.OccSymbol;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.chain.OptionRight;
import io.gex.chain.SettlementStyle;
import io.gex.settings.ExpirySelection;
import io.gex.settings.GexSettings;
import io.gex.settings.IvSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * An {@link OptionChain} keeps its contracts in columns that its constructor fills; a resolve of a chain
 * given by its parts (a plain list, as a live chain holds) fills its own from the contract objects. Both
 * must give the same analysis, on chains in any order: calls and puts side by side or apart, AM and PM
 * settlements of one date interleaved, contracts settled before the valuation time, quotes without IVs.
 */
class ResolvedColumnsTest {

  private static final Instant NOW = Instant.parse("2024-03-15T15:00:00Z"); // after the 15th's AM settlement

  private static OptionChain chain(long seed) {
    Random random = new Random(seed);
    LocalDate today = LocalDate.of(2024, 3, 15);
    List<OptionContract> list = new ArrayList<>();
    for (int e = 0; e < 4; e++) {
      LocalDate expiry = e == 0 ? today : today.plusDays(random.nextInt(40)); // today: AM settled
      for (String root : new String[] {"SPX", "SPXW"}) {
        SettlementStyle style = root.equals("SPX") ? SettlementStyle.AM : SettlementStyle.PM;
        for (int k = 0; k < 12; k++) {
          double strike = 5000 + 25 * (k - 6);
          for (OptionRight right : OptionRight.values()) {
            OccSymbol symbol = new OccSymbol(root, expiry, right, strike);
            if (list.stream().anyMatch(c -> c.symbol().equals(symbol)) || random.nextInt(8) == 0) {
              continue;
            }
            OptionContract.Builder b =
                OptionContract.builder(symbol).settlement(style).openInterest(random.nextInt(3000));
            if (random.nextInt(5) > 0) {
              b.impliedVolatility(0.1 + 0.3 * random.nextDouble());
            }
            if (random.nextBoolean()) {
              double mid = 5 + 60 * random.nextDouble();
              b.bid(mid * 0.95).ask(mid * 1.05);
            }
            list.add(b.build());
          }
        }
      }
    }
    if (random.nextBoolean()) {
      Collections.shuffle(list, random); // no pair side by side, no expiry grouped
    }
    return OptionChain.of("SPX", 5000 + random.nextInt(100) - 50, NOW, list);
  }

  @Test
  void chainColumns_andColumnsFromAPlainList_giveTheSameAnalysis() {
    qt().withExamples(60)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              OptionChain chain = chain(seed);
              for (IvSource source : IvSource.values()) {
                for (ExpirySelection selection :
                    List.of(ExpirySelection.all(), ExpirySelection.throughNextMonthly())) {
                  GexSettings settings =
                      io.gex.GexEngine.builder().ivSource(source).expirySelection(selection).build().settings();
                  ResolvedChain fromChain = ResolvedChain.resolve(chain, settings);
                  ResolvedChain fromList =
                      ResolvedChain.resolve(
                          chain.underlying(), chain.spot(), NOW, new ArrayList<>(chain.contracts()),
                          chain.diagnostics(), settings);
                  assertThat(GexAnalysis.of(fromList, NOW))
                      .as("seed %d, %s, %s", seed, source, selection)
                      .isEqualTo(GexAnalysis.of(fromChain, NOW));
                  assertThat(fromList.diagnostics()).isEqualTo(fromChain.diagnostics());
                  // A plain list whose instruments are reused: only its market data is read again.
                  ResolvedChain reused =
                      ResolvedChain.resolve(
                          chain.underlying(), chain.spot(), NOW, new ArrayList<>(chain.contracts()),
                          chain.diagnostics(), settings, fromList.instruments());
                  assertThat(GexAnalysis.of(reused, NOW))
                      .as("reused, seed %d, %s, %s", seed, source, selection)
                      .isEqualTo(GexAnalysis.of(fromChain, NOW));
                }
              }
            });
  }

  @Test
  void settledContracts_getOneDiagnosticEach_namingTheirSettlement() {
    OptionChain chain = chain(7);
    ResolvedChain resolved = ResolvedChain.resolve(chain, GexSettings.DEFAULT);
    long settledAm =
        chain.contracts().stream()
            .filter(c -> c.settlement() == SettlementStyle.AM && c.expiry().equals(LocalDate.of(2024, 3, 15)))
            .count();
    var settled =
        resolved.diagnostics().stream()
            .filter(d -> d.reason() == io.gex.chain.ContractDiagnostic.Reason.SETTLED)
            .toList();
    assertThat(settledAm).isPositive();
    assertThat(settled).hasSize((int) settledAm);
    assertThat(settled)
        .allSatisfy(d -> assertThat(d.detail()).startsWith("AM-settled at 2024-03-15T13:30:00Z"));
  }
}
