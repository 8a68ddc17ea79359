package io.gex.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.NoUsableContractsException;
import io.gex.chain.OccSymbol;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.chain.OptionRight;
import io.gex.chain.SettlementStyle;
import io.gex.positions.CustomerFlow;
import io.gex.positions.PositionModels;
import io.gex.settings.IvSource;
import io.gex.testing.TestAnalyses;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A live chain driven by random event sequences (spot ticks, IV and quote updates including placeholder
 * IVs, open interest, listings and delistings, the clock running through the 0DTE close) is compared after
 * every few events with an independent model of the same events: a map of contracts to which each event is
 * applied by hand, analysed from scratch by {@link GexEngine#analyze}.
 */
class LiveChainTest {

  private static final LocalDate TODAY = LocalDate.of(2024, 3, 15); // a Friday: a monthly 0DTE
  private static final Instant OPEN = Instant.parse("2024-03-15T13:30:00Z");

  @Test
  void analysis_equalsTheEngineOnTheSameState_afterRandomEventSequences() {
    qt().withExamples(25)
        .forAll(longs().all(), integers().between(0, 2))
        .checkAssert(
            (seed, mode) -> {
              GexEngine engine = GexEngine.builder().ivSource(IvSource.values()[mode]).build();
              SplittableRandom random = new SplittableRandom(seed);
              OptionChain initial = chain(random);
              LiveChain live = LiveChain.of(initial, engine);
              Model model = new Model(initial);
              for (int step = 0; step < 60; step++) {
                MarketEvent event = event(random, model);
                boolean known = model.apply(event);
                assertThat(live.apply(event)).as("applied %s", event).isEqualTo(known);
                // Runs of spot ticks analysed one by one: the live chain moves its last state to the new
                // spot without resolving again, unless a strike lies between.
                if (step % 6 == 5 || (event instanceof MarketEvent.Spot && random.nextBoolean())) {
                  compare(engine, live, model.chain());
                }
              }
            });
  }

  @Test
  void analysis_withTheEnginesExecutor_equalsTheEngineAloneToTheBit() {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      SplittableRandom random = new SplittableRandom(3);
      AtomicInteger handed = new AtomicInteger();
      Executor counting =
          r -> {
            handed.incrementAndGet();
            pool.execute(r);
          };
      LiveChain live = LiveChain.of(chain(random), GexEngine.builder().executor(counting).build());
      live.apply(new MarketEvent.Spot(OPEN.plus(Duration.ofHours(2)), 5012.5));
      GexAnalysis expected = GexEngine.builder().build().analyze(live.chain());
      assertThat(withAnalyzedAt(live.analysis(), expected.provenance().analyzedAt())).isEqualTo(expected);
      assertThat(handed).hasValue(1);
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void levels_equalTheFiguresOfTheFullAnalysis() {
    SplittableRandom random = new SplittableRandom(7);
    GexEngine engine = GexEngine.builder().build();
    OptionChain initial = chain(random);
    LiveChain live = LiveChain.of(initial, engine);
    Model model = new Model(initial);
    for (int step = 0; step < 40; step++) {
      MarketEvent event = event(random, model);
      model.apply(event);
      live.apply(event);
      LiveLevels levels;
      GexAnalysis full;
      try {
        levels = live.levels();
        full = live.analysis();
      } catch (NoUsableContractsException e) {
        continue;
      }
      assertThat(levels.version()).isEqualTo(live.version());
      assertThat(levels.spot()).isEqualTo(full.spot());
      assertThat(levels.totalGex()).isEqualTo(full.totalGex());
      assertThat(levels.callGex()).isEqualTo(full.exposures().callGex());
      assertThat(levels.putGex()).isEqualTo(full.exposures().putGex());
      assertThat(levels.byStrike()).isEqualTo(full.exposures().byStrike());
      assertThat(levels.callWall()).isEqualTo(full.callWall());
      assertThat(levels.putWall()).isEqualTo(full.putWall());
      assertThat(levels.regime()).isEqualTo(full.regime());
      assertThat(levels.contractsUsed()).isEqualTo(full.coverage().contractsUsed());
      assertThat(levels.zeroGamma().isPresent()).isEqualTo(full.zeroGamma().isPresent());
      if (full.zeroGamma().isPresent()) {
        double expected = full.zeroGamma().getAsDouble();
        assertThat(levels.zeroGamma().getAsDouble()).isCloseTo(expected, within(1e-9 * expected));
      }
      // Asked again without an event in between: the same objects.
      assertThat(live.levels()).isSameAs(levels);
      assertThat(live.analysis()).isSameAs(full);
    }
  }

  @Test
  void unknownContracts_areCountedAndChangeNothing() {
    OptionChain initial = chain(new SplittableRandom(3));
    LiveChain live = LiveChain.of(initial, GexEngine.builder().build());
    OccSymbol unknown = new OccSymbol("SPXW", TODAY, OptionRight.CALL, 123_456);
    assertThat(live.apply(new MarketEvent.ContractField(OPEN, unknown, MarketEvent.Field.IV, 0.2)))
        .isFalse();
    assertThat(live.apply(new MarketEvent.Delisted(OPEN, unknown))).isFalse();
    assertThat(live.ignoredEvents()).isEqualTo(2);
    assertThat(live.version()).isZero();
    assertThat(live.chain()).isEqualTo(new Model(initial).chain());
  }

  /**
   * Under otm a pair without a usable quoted IV is priced with the volatility solved from its out-of-the-money
   * member's mid. While spot ticks and the quote does not, that volatility stays (the quote was taken at the
   * snapshot's spot); a new bid is quoted at the spot of its moment and solved there. The oracle: a batch
   * chain whose quotes are taken at its own spot.
   */
  @Test
  void aVolatilitySolvedFromAMid_staysWhileSpotMoves_andFollowsANewQuote() {
    LocalDate expiry = TODAY.plusDays(28);
    OccSymbol call = new OccSymbol("SPXW", expiry, OptionRight.CALL, 5050);
    List<OptionContract> contracts =
        List.of(
            OptionContract.builder(call).openInterest(1000).bid(30).ask(32).build(),
            OptionContract.builder(new OccSymbol("SPXW", expiry, OptionRight.PUT, 5050))
                .openInterest(800)
                .bid(74)
                .ask(78)
                .build(),
            OptionContract.of("SPXW", expiry, OptionRight.CALL, 4950, 500, 0.18),
            OptionContract.of("SPXW", expiry, OptionRight.PUT, 4950, 900, 0.21));
    GexEngine engine = GexEngine.builder().ivSource(IvSource.OTM).build();
    OptionChain initial = OptionChain.of("SPX", 5000, OPEN, contracts);
    LiveChain live = LiveChain.of(initial, engine);
    String atOpen = solvedDetail(live.analysis());
    assertThat(atOpen).isEqualTo(solvedDetail(engine.analyze(initial)));

    assertThat(live.apply(new MarketEvent.Spot(OPEN, 5030))).isTrue();
    assertThat(solvedDetail(live.analysis())).isEqualTo(atOpen);
    assertThat(live.analysis().spot()).isEqualTo(5030);
    // Solving the same stale mid at the new spot would have given another volatility.
    assertThat(solvedDetail(engine.analyze(OptionChain.of("SPX", 5030, OPEN, contracts))))
        .isNotEqualTo(atOpen);

    assertThat(live.apply(new MarketEvent.ContractField(OPEN, call, MarketEvent.Field.BID, 40)))
        .isTrue();
    List<OptionContract> requoted = new ArrayList<>(contracts);
    requoted.set(0, OptionContract.builder(call).openInterest(1000).bid(40).ask(32).build());
    assertThat(solvedDetail(live.analysis())).isNotEqualTo(atOpen);
    // bid 40 above ask 32: the mid is still their average, 36, quoted at 5030.
    assertThat(solvedDetail(live.analysis()))
        .isEqualTo(solvedDetail(engine.analyze(OptionChain.of("SPX", 5030, OPEN, requoted))));
    compare(engine, live, live.chain());
  }

  /** The detail of the one substitution by a solved volatility: "priced with 0.xxxx, solved from ...". */
  private static String solvedDetail(GexAnalysis analysis) {
    return analysis.coverage().dataQuality().substitutions().stream()
        .filter(d -> d.reason() == io.gex.chain.ContractDiagnostic.Reason.SUBSTITUTED_SOLVED_IV)
        .map(io.gex.chain.ContractDiagnostic::detail)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void analysis_underTheFlowModel_equalsTheEngineOnTheSameStateAndTrades() {
    qt().withExamples(15)
        .forAll(longs().all())
        .checkAssert(
            seed -> {
              GexEngine engine = GexEngine.builder().positionModel(PositionModels.FLOW).build();
              SplittableRandom random = new SplittableRandom(seed);
              OptionChain initial = chain(random);
              LiveChain live = LiveChain.of(initial, engine);
              Model model = new Model(initial);
              List<io.gex.positions.Trade> tape = new ArrayList<>();
              for (int step = 0; step < 80; step++) {
                if (random.nextInt(3) == 0 && !model.contracts.isEmpty()) {
                  io.gex.positions.Trade trade = trade(random, model, step);
                  tape.add(trade);
                  assertThat(live.apply(new MarketEvent.Trade(trade))).isTrue();
                } else {
                  MarketEvent event = event(random, model);
                  assertThat(live.apply(event)).isEqualTo(model.apply(event));
                }
                if (step % 8 == 7) {
                  // Every trade carries its own quote: the live book and a tape read afresh agree.
                  CustomerFlow flow = CustomerFlow.of(tape, engine.tradeClassifier());
                  assertThat(live.customerFlow()).isEqualTo(flow);
                  compare(engine, live, model.chain(), flow);
                }
              }
            });
  }

  /** A trade of a held contract (or, now and then, of one the chain does not hold) with its own quote. */
  private static io.gex.positions.Trade trade(SplittableRandom random, Model model, int step) {
    List<OccSymbol> held = new ArrayList<>(model.contracts.keySet());
    OccSymbol symbol =
        random.nextInt(10) == 0
            ? new OccSymbol("SPXW", TODAY, OptionRight.CALL, 9995)
            : held.get(random.nextInt(held.size()));
    double bid = 0.5 + 0.05 * random.nextInt(200);
    double ask = bid + 0.05 * (1 + random.nextInt(6));
    double price = bid + (ask - bid) * random.nextInt(5) / 4.0;
    return new io.gex.positions.Trade(
        OPEN.plusSeconds(step), symbol, price, 1 + random.nextInt(2000), bid, ask);
  }

  /** Every figure equal: the same analysis up to the instant it was made. */
  private static void compare(GexEngine engine, LiveChain live, OptionChain expectedState) {
    compare(engine, live, expectedState, CustomerFlow.EMPTY);
  }

  private static void compare(
      GexEngine engine, LiveChain live, OptionChain expectedState, CustomerFlow flow) {
    assertThat(live.chain()).isEqualTo(expectedState);
    GexAnalysis expected;
    try {
      expected = engine.analyze(expectedState, flow);
    } catch (NoUsableContractsException e) {
      org.assertj.core.api.Assertions.assertThatThrownBy(live::analysis)
          .isInstanceOf(NoUsableContractsException.class)
          .hasMessage(e.getMessage());
      return;
    }
    GexAnalysis actual = live.analysis();
    assertThat(withAnalyzedAt(actual, expected.provenance().analyzedAt())).isEqualTo(expected);
  }

  private static GexAnalysis withAnalyzedAt(GexAnalysis a, Instant at) {
    GexAnalysis.Provenance p = a.provenance();
    return TestAnalyses.withProvenance(
        a,
        new GexAnalysis.Provenance(
            p.symbol(), p.spot(), p.valuationTime(), at, p.settings(), p.positions()));
  }

  /** A chain of three expiries (0DTE PM, 0DTE AM monthly, 1 month) around 5000, with awkward IVs. */
  private static OptionChain chain(SplittableRandom random) {
    List<OptionContract> contracts = new ArrayList<>();
    for (int e = 0; e < 3; e++) {
      String root = e == 1 ? "SPX" : "SPXW";
      LocalDate expiry = e == 2 ? TODAY.plusDays(28) : TODAY;
      SettlementStyle style = e == 1 ? SettlementStyle.AM : SettlementStyle.PM;
      for (int k = 4900; k <= 5100; k += 10 + 10 * random.nextInt(2)) {
        for (OptionRight right : OptionRight.values()) {
          if (random.nextInt(10) == 0) {
            continue; // an unpaired member now and then
          }
          contracts.add(contract(random, root, expiry, style, right, k));
        }
      }
    }
    return OptionChain.of("SPX", 4990 + random.nextInt(20), OPEN, contracts);
  }

  private static OptionContract contract(
      SplittableRandom random, String root, LocalDate expiry, SettlementStyle style, OptionRight right,
      double strike) {
    double price = 1 + random.nextDouble() * 40;
    return OptionContract.builder(new OccSymbol(root, expiry, right, strike))
        .settlement(style)
        .openInterest(random.nextInt(5000))
        .impliedVolatility(iv(random))
        .bid(price)
        .ask(price * (1 + random.nextDouble() * 0.1))
        .build();
  }

  /** Mostly plausible; sometimes none, a placeholder or an absurd one. */
  private static double iv(SplittableRandom random) {
    int kind = random.nextInt(12);
    return kind == 0 ? 0 : kind == 1 ? 0.001 : kind == 2 ? 8.0 : 0.08 + random.nextDouble() * 0.5;
  }

  private static MarketEvent event(SplittableRandom random, Model model) {
    Instant time = model.time.plusSeconds(1 + random.nextInt(600));
    List<OccSymbol> symbols = new ArrayList<>(model.contracts.keySet());
    int kind = random.nextInt(20);
    if (kind < 6 || symbols.isEmpty()) {
      return new MarketEvent.Spot(time, model.spot * (1 + (random.nextDouble() - 0.5) * 0.01));
    }
    if (kind < 8) {
      // The clock, through the 0DTE close (21:00Z) and the AM settlement, which is already past.
      return new MarketEvent.Clock(model.time.plus(Duration.ofMinutes(20 + random.nextInt(90))));
    }
    OccSymbol symbol = symbols.get(random.nextInt(symbols.size()));
    if (kind < 12) {
      return new MarketEvent.ContractField(time, symbol, MarketEvent.Field.IV, iv(random));
    }
    if (kind < 14) {
      return new MarketEvent.ContractField(
          time, symbol, MarketEvent.Field.OI, (double) random.nextInt(8000));
    }
    if (kind < 16) {
      MarketEvent.Field side = random.nextBoolean() ? MarketEvent.Field.BID : MarketEvent.Field.ASK;
      return new MarketEvent.ContractField(
          time, symbol, side, random.nextInt(8) == 0 ? 0 : 0.5 + random.nextDouble() * 60);
    }
    if (kind < 17) {
      return new MarketEvent.Delisted(time, symbol);
    }
    if (kind < 18) {
      // An unknown contract: ignored by both.
      return new MarketEvent.ContractField(
          time, new OccSymbol("SPXW", TODAY, OptionRight.PUT, 1), MarketEvent.Field.IV, 0.2);
    }
    return new MarketEvent.Listed(
        time,
        contract(
            random, "SPXW", TODAY.plusDays(28), SettlementStyle.PM,
            random.nextBoolean() ? OptionRight.CALL : OptionRight.PUT, 4800 + 5 * random.nextInt(80)));
  }

  /** The oracle: events applied by hand to a map of contracts. */
  private static final class Model {
    final Map<OccSymbol, OptionContract> contracts = new LinkedHashMap<>();
    double spot;
    Instant time;

    Model(OptionChain chain) {
      spot = chain.spot();
      chain.contracts().forEach(c -> contracts.put(c.symbol(), stamped(c)));
      time = chain.valuationTime();
    }

    boolean apply(MarketEvent event) {
      if (event instanceof MarketEvent.Spot) {
        spot = ((MarketEvent.Spot) event).spot();
        return true;
      }
      if (event instanceof MarketEvent.Clock) {
        time = event.time();
        return true;
      }
      if (event instanceof MarketEvent.Listed) {
        OptionContract c = ((MarketEvent.Listed) event).contract();
        contracts.put(c.symbol(), stamped(c));
        return true;
      }
      if (event instanceof MarketEvent.Delisted) {
        return contracts.remove(((MarketEvent.Delisted) event).contract()) != null;
      }
      MarketEvent.ContractField f = (MarketEvent.ContractField) event;
      OptionContract c = contracts.get(f.contract());
      if (c == null) {
        return false;
      }
      OptionContract.Builder b =
          OptionContract.builder(c.symbol())
              .settlement(c.settlement())
              .openInterest(f.field() == MarketEvent.Field.OI ? (long) f.value() : c.openInterest())
              .impliedVolatility(
                  f.field() == MarketEvent.Field.IV ? f.value() : c.impliedVolatility());
      OptionalDouble bid = f.field() == MarketEvent.Field.BID ? of(f.value()) : c.bid();
      OptionalDouble ask = f.field() == MarketEvent.Field.ASK ? of(f.value()) : c.ask();
      bid.ifPresent(b::bid);
      ask.ifPresent(b::ask);
      // A new bid or ask is quoted at the spot of its moment; other fields keep the quote's spot.
      boolean quote = f.field() == MarketEvent.Field.BID || f.field() == MarketEvent.Field.ASK;
      OptionalDouble quotedAt = quote ? OptionalDouble.of(spot) : c.spotAtQuote();
      quotedAt.ifPresent(b::spotAtQuote);
      contracts.put(c.symbol(), b.build());
      return true;
    }

    /** A contract as the live chain holds it: a two-sided quote without a spot is quoted at this one. */
    private OptionContract stamped(OptionContract c) {
      if (c.spotAtQuote().isPresent() || c.bid().isEmpty() || c.ask().isEmpty()) {
        return c;
      }
      return new OptionContract(
          c.symbol(), c.settlement(), c.openInterest(), c.impliedVolatility(), c.bid(), c.ask(),
          c.last(), c.volume(), c.vendorDelta(), c.vendorGamma(), OptionalDouble.of(spot));
    }

    private static OptionalDouble of(double v) {
      return v == 0 ? OptionalDouble.empty() : OptionalDouble.of(v);
    }

    OptionChain chain() {
      // The live chain keeps each contract where it was listed; a delisting closes the gap.
      return OptionChain.of("SPX", spot, time, new ArrayList<>(contracts.values()));
    }
  }
}
