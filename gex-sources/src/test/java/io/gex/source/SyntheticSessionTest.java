package io.gex.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.analysis.ExpiryGex;
import io.gex.chain.ContractDiagnostic;
import io.gex.chain.OccSymbol;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.live.LiveChain;
import io.gex.live.MarketEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyntheticSessionTest {

  /** Friday 16 December 2022, 09:30 New York: the SPXW weekly of that day is 0DTE. */
  private static final Instant OPEN = Instant.parse("2022-12-16T14:30:00Z");

  private static final LocalDate TODAY = LocalDate.of(2022, 12, 16);

  private static final OptionChain SPX =
      new SyntheticChainSource().generate("SPX", 3990, 2000, 1, OPEN);

  private static List<MarketEvent> events(int n, long seed) {
    return SyntheticSession.builder(SPX).events(n).seed(seed).build().events();
  }

  @Test
  void events_sameSeed_sameEvents_otherSeed_otherEvents() {
    assertThat(events(500, 7)).isEqualTo(events(500, 7));
    assertThat(events(500, 7)).isNotEqualTo(events(500, 8));
  }

  @Test
  void events_spanTheSessionInTimeOrder_withAClockEveryFifthAndAtTheEnd() {
    SyntheticSession session = SyntheticSession.builder(SPX).events(2000).build();
    List<MarketEvent> events = session.events();

    assertThat(session.end()).isEqualTo(Instant.parse("2022-12-16T21:15:00Z")); // 16:15 New York
    assertThat(events).hasSize(2000);
    for (int i = 1; i < events.size(); i++) {
      assertThat(events.get(i).time()).isAfterOrEqualTo(events.get(i - 1).time());
    }
    assertThat(events.get(0).time()).isAfter(OPEN);
    assertThat(events.get(1999)).isEqualTo(new MarketEvent.Clock(session.end()));
    for (int i = 4; i < events.size(); i += 5) {
      assertThat(events.get(i)).isInstanceOf(MarketEvent.Clock.class);
    }
    long clocks = events.stream().filter(e -> e instanceof MarketEvent.Clock).count();
    long spots = events.stream().filter(e -> e instanceof MarketEvent.Spot).count();
    assertThat(clocks).isEqualTo(400);
    assertThat(spots).isBetween(300L, 500L); // a quarter of the other 1,600
    assertThat(events)
        .noneMatch(
            e -> e instanceof MarketEvent.ContractField f && f.field() == MarketEvent.Field.OI);
  }

  @Test
  void spot_walksWithAboutTheGivenVolatility() {
    List<MarketEvent> events = events(20_000, 3);
    double sum = 0;
    double previous = SPX.spot();
    for (MarketEvent e : events) {
      if (e instanceof MarketEvent.Spot s) {
        double r = Math.log(s.spot() / previous);
        sum += r * r;
        previous = s.spot();
      }
    }
    // Realised variance over 6.75 hours of a 252 x 6.5-hour year: 15% a year.
    double years = 6.75 / (252 * 6.5);
    double realised = Math.sqrt(sum / years);
    assertThat(realised).isBetween(0.12, 0.18);
  }

  @Test
  void impliedVolatilities_riseWhenSpotFalls() {
    Map<OccSymbol, Double> base = new HashMap<>();
    for (OptionContract c : SPX.contracts()) {
      base.put(c.symbol(), c.impliedVolatility());
    }
    double spot = SPX.spot();
    double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
    int n = 0;
    for (MarketEvent e : events(5000, 11)) {
      if (e instanceof MarketEvent.Spot s) {
        spot = s.spot();
      } else if (e instanceof MarketEvent.ContractField f && f.field() == MarketEvent.Field.IV) {
        double x = Math.log(spot / SPX.spot());
        double y = Math.log(f.value() / java.util.Objects.requireNonNull(base.get(f.contract())));
        sx += x;
        sy += y;
        sxx += x * x;
        syy += y * y;
        sxy += x * y;
        n++;
      }
    }
    double cov = sxy / n - sx / n * sy / n;
    double corr = cov / Math.sqrt((sxx / n - sx / n * sx / n) * (syy / n - sy / n * sy / n));
    double slope = cov / (sxx / n - sx / n * sx / n);
    assertThat(n).isGreaterThan(500);
    assertThat(corr).isLessThan(-0.5);
    assertThat(slope).isBetween(-5.0, -3.0); // beta 4
  }

  @Test
  void quotes_bidBelowAskAndOnTheTickGrid() {
    Map<OccSymbol, Double> bids = new HashMap<>();
    int checked = 0;
    for (MarketEvent e : events(3000, 5)) {
      if (e instanceof MarketEvent.ContractField f && f.field() != MarketEvent.Field.IV) {
        double cents = Math.round(f.value() * 100);
        assertThat(Math.abs(f.value() * 100 - cents)).isLessThan(1e-6);
        assertThat(cents % 5).isZero();
        if (f.field() == MarketEvent.Field.BID) {
          bids.put(f.contract(), f.value());
        }
        if (f.field() == MarketEvent.Field.ASK) {
          assertThat(f.value()).isPositive();
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThan(200);
    assertThat(bids).isNotEmpty();
  }

  @Test
  void replay_throughTheClose_settlesTheZeroDteExpiry() {
    List<MarketEvent> events = events(2000, 1);
    LiveChain live = LiveChain.of(SPX, GexEngine.builder().build());
    Instant close = Instant.parse("2022-12-16T21:00:00Z");
    @org.jspecify.annotations.Nullable GexAnalysis beforeClose = null;
    for (MarketEvent e : events) {
      if (e instanceof MarketEvent.ContractField f && f.contract().expiry().equals(TODAY)) {
        assertThat(f.time()).isBefore(close); // no quotes after settlement
      }
      assertThat(live.apply(e)).isTrue();
      if (beforeClose == null && e instanceof MarketEvent.Clock && !e.time().isBefore(Instant.parse("2022-12-16T20:55:00Z"))) {
        beforeClose = live.analysis();
      }
    }
    GexAnalysis end = live.analysis();

    assertThat(beforeClose).isNotNull();
    assertThat(java.util.Objects.requireNonNull(beforeClose).exposures().byExpiry()).extracting(ExpiryGex::expiry).contains(TODAY);
    assertThat(end.valuationTime()).isEqualTo(Instant.parse("2022-12-16T21:15:00Z"));
    assertThat(end.exposures().byExpiry()).extracting(ExpiryGex::expiry).doesNotContain(TODAY);
    long zeroDte = SPX.contracts().stream().filter(c -> c.expiry().equals(TODAY)).count();
    assertThat(zeroDte).isGreaterThan(10);
    assertThat(end.skippedByReason().get(ContractDiagnostic.Reason.SETTLED)).isEqualTo((int) zeroDte);
    assertThat(end.spot()).isNotEqualTo(SPX.spot());
    assertThat(live.ignoredEvents()).isZero();
  }

  @Test
  void builder_rejectsAnEndBeforeTheStart() {
    assertThatThrownBy(() -> SyntheticSession.builder(SPX).end(OPEN).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("end must be after the chain's valuation time 2022-12-16T14:30:00Z, was 2022-12-16T14:30:00Z");
    assertThatThrownBy(() -> SyntheticSession.builder(SPX).events(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("events must be >= 1, was 0");
  }
}
