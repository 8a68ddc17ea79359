package io.gex.positions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.chain.OccSymbol;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.chain.OptionRight;
import io.gex.greeks.BlackScholes;
import io.gex.settings.IvSource;
import io.gex.testing.TestChains;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The position models on hand-built tapes with known answers: the four-contract chain of {@link
 * TestChains#fourContracts()} (spot 4000, 27 days, the files' own IVs), its GEX by strike under each model
 * against the closed form {@code position × gamma × 100 × S² × 0.01}.
 */
class FlowPositionsTest {

  private static final double S = 4000;
  private static final double TAU = 27 / 365.0;
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-01T21:00:00Z"), ZoneOffset.UTC);
  private static final Instant T = TestChains.VALUATION.minusSeconds(3600);

  private static final OccSymbol P3900 = symbol(OptionRight.PUT, 3900);
  private static final OccSymbol C4000 = symbol(OptionRight.CALL, 4000);
  private static final OccSymbol C4100 = symbol(OptionRight.CALL, 4100);

  private static OccSymbol symbol(OptionRight right, double strike) {
    return new OccSymbol("SPXW", TestChains.EXPIRY, right, strike);
  }

  private static GexEngine engine(PositionModel model) {
    return GexEngine.builder().ivSource(IvSource.VENDOR).clock(CLOCK).positionModel(model).build();
  }

  /** GEX of one dealer-long contract at spot: gamma × 100 × S² × 0.01. */
  private static double unit(double strike, double vol) {
    return BlackScholes.gamma(S, strike, TAU, vol, 0, 0) * 100 * S * S * 0.01;
  }

  private static double at(GexAnalysis a, double strike) {
    int k = 0;
    while (a.exposures().byStrike().strikes().get(k) != strike) {
      k++;
    }
    return a.exposures().byStrike().netGex().get(k);
  }

  @Test
  void oneCustomerBuyOf5000CallsAtTheAsk_movesThatStrikesGexByExactlyMinusGammaTimes5000() {
    OptionChain chain = TestChains.fourContracts();
    GexAnalysis before = engine(PositionModels.FLOW).analyze(chain);
    GexAnalysis after =
        engine(PositionModels.FLOW).analyze(chain, List.of(new Trade(T, C4000, 12.5, 5000, 12.0, 12.5)));
    double expected = -BlackScholes.gamma(S, 4000, TAU, 0.18, 0, 0) * 5000 * 100 * S * S * 0.01;
    // gamma 0.0020366 per point: about -$163M per 1% move
    assertThat(expected).isCloseTo(-1.6294e8, within(0.0001e8));
    double moved = at(after, 4000) - at(before, 4000);
    assertThat(moved).isCloseTo(expected, within(1e-9 * Math.abs(expected)));
    assertThat(at(after, 3900)).isEqualTo(at(before, 3900));
    assertThat(at(after, 4100)).isEqualTo(at(before, 4100));
    assertThat(after.totalGex() - before.totalGex()).isCloseTo(expected, within(1e-9 * Math.abs(expected)));
  }

  @Test
  void aHandBuiltTape_givesEachStrikesGex_andItsProvenance() {
    OccSymbol unlisted = symbol(OptionRight.CALL, 4500);
    List<Trade> tape =
        List.of(
            new Trade(T, C4000, 12.5, 5000, 12.0, 12.5), // customer buy: dealers 800 - 5000 = -4200
            new Trade(T, P3900, 20.0, 300, 20.0, 21.0), // customer sell: dealers -1000 + 300 = -700
            new Trade(T, C4100, 3.05, 50, 3.0, 3.1), // at the mid, first trade: unclassified
            new Trade(T, unlisted, 1.0, 10, 0.9, 1.0)); // not in the chain: counted
    GexAnalysis a = engine(PositionModels.FLOW).analyze(TestChains.fourContracts(), tape);
    double u3900p = unit(3900, 0.25);
    double u4000p = unit(4000, 0.20);
    double u4000c = unit(4000, 0.18);
    double u4100c = unit(4100, 0.16);
    assertThat(at(a, 3900)).isCloseTo(-700 * u3900p, within(1e-9 * 700 * u3900p));
    double net4000 = -500 * u4000p - 4200 * u4000c;
    assertThat(at(a, 4000)).isCloseTo(net4000, within(1e-9 * Math.abs(net4000)));
    assertThat(at(a, 4100)).isCloseTo(1200 * u4100c, within(1e-9 * 1200 * u4100c));

    PositionProvenance p = a.provenance().positions();
    assertThat(p.model()).isEqualTo("flow");
    assertThat(p.trades()).isEqualTo(4);
    assertThat(p.classified()).isEqualTo(3);
    assertThat(p.unclassified()).isEqualTo(1);
    assertThat(p.stale()).isZero();
    assertThat(p.tradesOutsideChain()).isEqualTo(1);
    assertThat(p.netAboveVolume()).isZero();
    // 5,000 net against 800 open interest: above 5x. 300 against 1,000 is not.
    assertThat(p.flaggedCount()).isEqualTo(1);
    assertThat(p.flagged())
        .containsExactly(new PositionProvenance.FlaggedContract(C4000.toString(), 5000, 5000, 800));
    double flow = 5000 * u4000c + 300 * u3900p;
    double base = 1000 * u3900p + 500 * u4000p + 800 * u4000c + 1200 * u4100c;
    assertThat(p.flowGexShare()).isCloseTo(flow / (flow + base), within(1e-12));
    assertThat(p.summary())
        .isEqualTo(
            "flow: 4 trades, 3 classified, 1 left out (1 unclassified, 0 stale quote), 1 outside the chain;"
                + " flow is " + String.format(java.util.Locale.ROOT, "%.1f", 100 * flow / (flow + base))
                + "% of gross GEX; 1 contracts' net flow above 5x open interest");
  }

  @Test
  void theOiModel_readsTheTapeForProvenanceOnly() {
    List<Trade> tape = List.of(new Trade(T, C4000, 12.5, 5000, 12.0, 12.5));
    GexAnalysis plain = engine(PositionModels.OI).analyze(TestChains.fourContracts());
    GexAnalysis withTape = engine(PositionModels.OI).analyze(TestChains.fourContracts(), tape);
    assertThat(withTape.exposures().byStrike()).isEqualTo(plain.exposures().byStrike());
    assertThat(withTape.totalGex()).isEqualTo(plain.totalGex());
    assertThat(plain.provenance().positions()).isEqualTo(PositionProvenance.OPEN_INTEREST);
    assertThat(withTape.provenance().positions().trades()).isEqualTo(1);
    assertThat(withTape.provenance().positions().flowGexShare()).isZero();
  }

  @Test
  void theVolumeModel_putsTheDaysVolumeInPlaceOfOpenInterest() {
    OptionChain chain =
        OptionChain.of(
            "SPX",
            S,
            TestChains.VALUATION,
            List.of(
                OptionContract.builder(P3900).openInterest(1000).impliedVolatility(0.25).volume(4000).build(),
                OptionContract.builder(C4000).openInterest(800).impliedVolatility(0.18).volume(250).build(),
                // No volume given: weighs nothing under volume.
                OptionContract.builder(C4100).openInterest(1200).impliedVolatility(0.16).build()));
    GexAnalysis a = engine(PositionModels.VOLUME).analyze(chain);
    assertThat(at(a, 3900)).isCloseTo(-4000 * unit(3900, 0.25), within(1e-9 * 4000 * unit(3900, 0.25)));
    assertThat(at(a, 4000)).isCloseTo(250 * unit(4000, 0.18), within(1e-9 * 250 * unit(4000, 0.18)));
    assertThat(at(a, 4100)).isZero();
    assertThat(a.provenance().positions()).isEqualTo(PositionProvenance.none("volume"));
    // Open interest still feeds the open-interest figures.
    assertThat(a.exposures().byExpiry().get(0).openInterest()).isEqualTo(3000);
  }

  @Test
  void aContractWithNoOpenInterest_carriesItsFlow() {
    OptionChain chain =
        OptionChain.of(
            "SPX",
            S,
            TestChains.VALUATION,
            List.of(OptionContract.of("SPXW", TestChains.EXPIRY, OptionRight.CALL, 4000, 0, 0.18)));
    GexAnalysis a =
        engine(PositionModels.FLOW).analyze(chain, List.of(new Trade(T, C4000, 10.0, 40, 10.5, 11.0)));
    // A customer sell of 40: dealers long 40.
    assertThat(a.totalGex()).isCloseTo(40 * unit(4000, 0.18), within(1e-9 * 40 * unit(4000, 0.18)));
    assertThat(a.provenance().positions().flaggedCount()).isEqualTo(1);
    assertThat(a.provenance().positions().flowGexShare()).isEqualTo(1.0);
  }

  @Test
  void aFailingModel_isReplacedBySignTimesOpenInterest_andCounted() {
    PositionModel broken =
        new PositionModel() {
          @Override
          public String id() {
            return "broken";
          }

          @Override
          public double dealerPosition(double sign, OptionContract contract, double customerNet) {
            if (contract.isCall()) {
              throw new IllegalStateException("boom");
            }
            return contract.strike() == 3900 ? Double.NaN : 2 * sign * contract.openInterest();
          }
        };
    GexAnalysis a = engine(broken).analyze(TestChains.fourContracts());
    GexAnalysis oi = engine(PositionModels.OI).analyze(TestChains.fourContracts());
    assertThat(a.provenance().positions().modelFailures()).isEqualTo(3);
    assertThat(a.provenance().positions().model()).isEqualTo("broken");
    assertThat(a.exposures().callGex()).isEqualTo(oi.exposures().callGex());
    assertThat(at(a, 3900)).isEqualTo(at(oi, 3900));
    assertThat(a.exposures().putGex()).isCloseTo(oi.exposures().putGex() - 500 * unit(4000, 0.20), within(1e-6 * Math.abs(oi.exposures().putGex())));
  }

  @Test
  void models_areFoundById_builtInFirst_andRegisteredOnesBeside() {
    PositionModel mine =
        new PositionModel() {
          @Override
          public String id() {
            return "half";
          }

          @Override
          public double dealerPosition(double sign, OptionContract contract, double customerNet) {
            return 0.5 * sign * contract.openInterest();
          }
        };
    io.gex.spi.PositionModelLookup models = io.gex.spi.PositionModelLookup.discover(List.of(mine));
    assertThat(models.ids()).startsWith("oi", "volume", "flow").contains("half");
    assertThat(models.model("flow")).isSameAs(PositionModels.FLOW);
    assertThat(models.model("half")).isSameAs(mine);
    assertThatThrownBy(() -> models.model("nope"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'nope'")
        .hasMessageContaining("oi");
    // A plugin cannot take a built-in id.
    PositionModel impostor =
        new PositionModel() {
          @Override
          public String id() {
            return "oi";
          }

          @Override
          public double dealerPosition(double sign, OptionContract contract, double customerNet) {
            return 0;
          }
        };
    io.gex.spi.PositionModelLookup withImpostor =
        io.gex.spi.PositionModelLookup.discover(List.of(impostor));
    assertThat(withImpostor.model("oi")).isSameAs(PositionModels.OI);
    assertThat(withImpostor.report().duplicates()).containsKey("oi");
    assertThat(GexEngine.builder().positionModel("volume").build().positionModel())
        .isSameAs(PositionModels.VOLUME);
    assertThatThrownBy(() -> GexEngine.builder().positionModel("nope"))
        .hasMessageContaining("no built-in position model with id 'nope'");
  }
}
