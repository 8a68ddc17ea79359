package io.gex.positions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.testing.TestAnalyses;
import io.gex.testing.TestChains;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Invariants of the position models for any chain and tape (QuickTheories). */
class PositionPropertiesTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-01T21:00:00Z"), ZoneOffset.UTC);
  private static final GexEngine OI = GexEngine.builder().clock(CLOCK).build();
  private static final GexEngine FLOW =
      GexEngine.builder().clock(CLOCK).positionModel(PositionModels.FLOW).build();

  @Test
  void anEmptyTape_givesTheOiAnalysisExactly() {
    qt().withExamples(40)
        .forAll(longs().all(), integers().between(1, 80))
        .checkAssert(
            (seed, size) -> {
              OptionChain chain = TestChains.random(seed, size);
              GexAnalysis oi = OI.analyze(chain);
              GexAnalysis flow = FLOW.analyze(chain, List.of());
              assertThat(flow.provenance().positions()).isEqualTo(PositionProvenance.none("flow"));
              // Every figure bit for bit; only the model's name differs.
              assertThat(withPositions(flow, oi.provenance().positions())).isEqualTo(oi);
            });
  }

  @Test
  void flowIsAdditiveOverTapes() {
    qt().withExamples(40)
        .forAll(longs().all(), integers().between(1, 40), integers().between(0, 30), integers().between(0, 30))
        .checkAssert(
            (seed, size, tradesA, tradesB) -> {
              OptionChain chain = TestChains.random(seed, size);
              SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
              List<Trade> a = quotedTape(random, chain, tradesA, 0);
              List<Trade> b = quotedTape(random, chain, tradesB, tradesA);
              TradeClassifier c = TradeClassifier.DEFAULT;
              CustomerFlow fa = CustomerFlow.of(a, c);
              CustomerFlow fb = CustomerFlow.of(b, c);
              List<Trade> ab = new ArrayList<>(a);
              ab.addAll(b);
              // Quote-decided trades: the joined tape's flow is the sum of the tapes' flows.
              assertThat(CustomerFlow.of(ab, c)).isEqualTo(fa.plus(fb));
              assertThat(fa.plus(fb).trades()).isEqualTo(a.size() + b.size());
              // And so is what the flow does to GEX at every strike.
              GexAnalysis base = OI.analyze(chain);
              GexAnalysis ga = FLOW.analyze(chain, fa);
              GexAnalysis gb = FLOW.analyze(chain, fb);
              GexAnalysis gab = FLOW.analyze(chain, fa.plus(fb));
              double scale = 1e-9 * (base.dealer().grossGex() + 1);
              for (int k = 0; k < base.exposures().byStrike().strikes().size(); k++) {
                double b0 = base.exposures().byStrike().netGex().get(k);
                double sum =
                    (ga.exposures().byStrike().netGex().get(k) - b0) + (gb.exposures().byStrike().netGex().get(k) - b0);
                assertThat(gab.exposures().byStrike().netGex().get(k) - b0).isCloseTo(sum, within(scale + 1e-9 * Math.abs(sum)));
              }
            });
  }

  /**
   * Trades on random contracts of the chain, each at the bid, at the ask or inside beyond the band (0.3 of
   * the spread from the mid), with its own quote: the quote decides every one.
   */
  private static List<Trade> quotedTape(SplittableRandom random, OptionChain chain, int count, int offset) {
    List<Trade> tape = new ArrayList<>();
    List<OptionContract> contracts = chain.contracts();
    for (int t = 0; t < count; t++) {
      OptionContract c = contracts.get(random.nextInt(contracts.size()));
      double bid = 1 + random.nextInt(100) * 0.05;
      double ask = bid + 0.05 * (1 + random.nextInt(10));
      double mid = 0.5 * (bid + ask);
      double price =
          switch (random.nextInt(4)) {
            case 0 -> bid;
            case 1 -> ask;
            case 2 -> mid + 0.3 * (ask - bid);
            default -> mid - 0.3 * (ask - bid);
          };
      Instant time = TestChains.VALUATION.minusSeconds(10_000 - offset - t);
      tape.add(new Trade(time, c.symbol(), price, 1 + random.nextInt(500), bid, ask));
    }
    return tape;
  }

  static GexAnalysis withPositions(GexAnalysis a, PositionProvenance positions) {
    GexAnalysis.Provenance p = a.provenance();
    return TestAnalyses.withProvenance(
        a,
        new GexAnalysis.Provenance(
            p.symbol(), p.spot(), p.valuationTime(), p.analyzedAt(), p.settings(), positions));
  }
}
