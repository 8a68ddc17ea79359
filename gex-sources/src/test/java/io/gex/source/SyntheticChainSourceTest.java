package io.gex.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.chain.OptionRight;
import io.gex.chain.SettlementStyle;
import io.gex.spi.SourceRequest;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticChainSourceTest {

  private static final Instant AT = Instant.parse("2024-03-05T15:00:00Z"); // Tue 10:00 New York
  private static final SyntheticChainSource SOURCE =
      new SyntheticChainSource(Clock.fixed(AT, ZoneOffset.UTC));

  private static OptionChain spx(int contracts, long seed) {
    return SOURCE.load(
        SourceRequest.of("SPX")
            .withParameter("contracts", Integer.toString(contracts))
            .withParameter("seed", Long.toString(seed)));
  }

  @Test
  void synthetic_sameSeed_givesTheSameChain() {
    assertThat(spx(2_000, 7)).isEqualTo(spx(2_000, 7));
    assertThat(spx(2_000, 7)).isNotEqualTo(spx(2_000, 8));
  }

  @Test
  void synthetic_contractsParameter_isApproximatelyHonoured() {
    for (int n : new int[] {500, 2_000, 20_000}) {
      assertThat(spx(n, 1).contracts().size()).isBetween((int) (n * 0.9), (int) (n * 1.1));
    }
  }

  @Test
  void synthetic_twentyThousandContracts_isFastEnoughForTests() {
    long start = System.nanoTime();
    OptionChain chain = spx(20_000, 3);
    double seconds = (System.nanoTime() - start) / 1e9;

    assertThat(chain.contracts()).hasSizeGreaterThan(18_000);
    assertThat(seconds).isLessThan(5); // typically ~0.1 s; a generous bound for slow CI machines
  }

  @Test
  void synthetic_defaults_useTheClockAndTheUnderlyingsSpot() {
    OptionChain chain = SOURCE.load(SourceRequest.of("SPX"));

    assertThat(chain.valuationTime()).isEqualTo(AT);
    assertThat(chain.spot()).isEqualTo(4500);
    assertThat(chain.underlying()).isEqualTo("SPX");
    assertThat(chain.contracts().size()).isBetween(1_800, 2_200);
    assertThat(chain.diagnostics()).isEmpty();
  }

  @Test
  void synthetic_expiries_areWeekliesAndThirdFridayMonthliesWithinAYear() {
    OptionChain chain = spx(4_000, 1);
    Map<String, Set<LocalDate>> byRoot =
        chain.contracts().stream()
            .collect(
                Collectors.groupingBy(
                    OptionContract::root,
                    Collectors.mapping(OptionContract::expiry, Collectors.toSet())));
    LocalDate today = LocalDate.of(2024, 3, 5);

    assertThat(byRoot).containsOnlyKeys("SPX", "SPXW");
    assertThat(byRoot.get("SPXW")).hasSize(8).allMatch(d -> d.getDayOfWeek() == DayOfWeek.FRIDAY);
    assertThat(byRoot.get("SPX"))
        .hasSizeBetween(12, 13)
        .allMatch(d -> d.getDayOfWeek() == DayOfWeek.FRIDAY && (d.getDayOfMonth() - 1) / 7 == 2)
        .allMatch(d -> d.isAfter(today) && !d.isAfter(today.plusYears(1)));
    assertThat(chain.contracts())
        .allMatch(
            c -> c.settlement() == (c.root().equals("SPX") ? SettlementStyle.AM : SettlementStyle.PM));
  }

  @Test
  void synthetic_strikesCentreOnSpotAndWidenWithExpiry() {
    OptionChain chain = spx(4_000, 1);
    List<LocalDate> dates =
        chain.contracts().stream().map(OptionContract::expiry).distinct().sorted().toList();
    double nearWidth = width(chain, dates.get(0));
    double farWidth = width(chain, dates.get(dates.size() - 1));

    assertThat(farWidth).isGreaterThan(nearWidth * 2);
    for (LocalDate d : dates) {
      List<Double> strikes = strikes(chain, d);
      assertThat(strikes.get(0)).isLessThan(chain.spot());
      assertThat(strikes.get(strikes.size() - 1)).isGreaterThan(chain.spot());
    }
  }

  @Test
  void synthetic_smileIsSkewedAndOpenInterestPeaksNearTheMoneyWithPutSkew() {
    OptionChain chain = spx(20_000, 1);
    LocalDate monthly =
        chain.contracts().stream()
            .filter(c -> c.root().equals("SPX"))
            .map(OptionContract::expiry)
            .min(Comparator.naturalOrder())
            .orElseThrow();
    List<OptionContract> puts =
        chain.contracts().stream()
            .filter(c -> c.expiry().equals(monthly) && c.root().equals("SPX") && !c.isCall())
            .sorted(Comparator.comparingDouble(OptionContract::strike))
            .toList();
    OptionContract low = puts.get(0);
    OptionContract atm =
        puts.stream()
            .min(Comparator.comparingDouble(c -> Math.abs(c.strike() - chain.spot())))
            .orElseThrow();
    OptionContract high = puts.get(puts.size() - 1);

    assertThat(low.impliedVolatility()).isGreaterThan(atm.impliedVolatility());
    assertThat(atm.impliedVolatility()).isBetween(0.08, 0.5);
    long putOi = sumOi(chain, OptionRight.PUT);
    long callOi = sumOi(chain, OptionRight.CALL);
    assertThat(putOi).isGreaterThan(callOi);
    OptionContract maxPut = puts.stream().max(Comparator.comparingLong(OptionContract::openInterest)).orElseThrow();
    assertThat(maxPut.strike()).isBetween(chain.spot() * 0.8, chain.spot() * 1.02);
    assertThat(maxPut.openInterest()).isGreaterThan(high.openInterest());
    assertThat(chain.contracts())
        .allSatisfy(
            c -> {
              assertThat(c.bid().orElseThrow()).isLessThanOrEqualTo(c.ask().orElseThrow());
              assertThat(c.vendorDelta().orElseThrow()).isBetween(-1.0, 1.0);
            });
  }

  @Test
  void synthetic_otherUnderlyingAndParameters() {
    OptionChain chain =
        SOURCE.load(
            SourceRequest.of("aapl")
                .withParameter("spot", "187.5")
                .withParameter("contracts", "500")
                .withParameter("valuationTime", "2024-03-08T17:00:00")); // Friday after the close

    assertThat(chain.underlying()).isEqualTo("AAPL");
    assertThat(chain.spot()).isEqualTo(187.5);
    assertThat(chain.contracts()).allMatch(c -> c.root().equals("AAPL"));
    assertThat(chain.contracts()).allMatch(c -> c.expiry().isAfter(LocalDate.of(2024, 3, 8)));
    assertThat(chain.contracts())
        .allMatch(c -> Math.abs(c.strike() * 1000 - Math.rint(c.strike() * 1000)) < 1e-6);
  }

  @Test
  void synthetic_badParameters_areIllegalArguments() {
    assertThatThrownBy(() -> SOURCE.load(SourceRequest.of("SPX").withParameter("contracts", "lots")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("contracts")
        .hasMessageContaining("'lots'");
    assertThatThrownBy(() -> SOURCE.load(SourceRequest.of("S&P 500")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'S&P 500'");
    assertThatThrownBy(() -> SOURCE.load(SourceRequest.of("SPX").withParameter("spot", "0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("spot");
  }

  @Test
  void synthetic_readsNoFiles() {
    assertThat(SOURCE.canRead("anything".getBytes(java.nio.charset.StandardCharsets.US_ASCII))).isFalse();
  }

  private static double width(OptionChain chain, LocalDate expiry) {
    List<Double> s = strikes(chain, expiry);
    return s.get(s.size() - 1) - s.get(0);
  }

  private static List<Double> strikes(OptionChain chain, LocalDate expiry) {
    return chain.contracts().stream()
        .filter(c -> c.expiry().equals(expiry))
        .map(OptionContract::strike)
        .distinct()
        .sorted()
        .toList();
  }

  private static long sumOi(OptionChain chain, OptionRight right) {
    return chain.contracts().stream()
        .filter(c -> c.right() == right)
        .mapToLong(OptionContract::openInterest)
        .sum();
  }
}
