package io.gex.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionChainTest {

  private static final LocalDate EXPIRY = LocalDate.of(2024, 3, 15);
  private static final Instant NOW = Instant.parse("2024-03-01T20:00:00Z");

  @Test
  void contract_badValues_areRejectedNamingFieldAndValue() {
    assertThatThrownBy(() -> OptionContract.of("SPX", EXPIRY, OptionRight.CALL, -5, 1, 0.2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("strike must be > 0, was -5.0");
    assertThatThrownBy(() -> OptionContract.of("SPX", EXPIRY, OptionRight.CALL, 4000, -1, 0.2))
        .hasMessageContaining("openInterest must be >= 0, was -1");
    assertThatThrownBy(() -> OptionContract.of("SPX", EXPIRY, OptionRight.CALL, 4000, 1, Double.NaN))
        .hasMessageContaining("impliedVolatility must be finite and >= 0, was NaN");
    assertThatThrownBy(() -> OptionContract.of("SPX", EXPIRY, OptionRight.CALL, 4000, 1, -0.1))
        .hasMessageContaining("impliedVolatility must be finite and >= 0, was -0.1");
    assertThatThrownBy(() -> OptionContract.builder("SPX240315C04000000").bid(Double.NaN).build())
        .hasMessageContaining("bid must be finite and >= 0, was NaN");
    assertThatThrownBy(() -> OptionContract.builder("SPX240315C04000000").vendorDelta(1.5).build())
        .hasMessageContaining("vendorDelta must be in [-1, 1], was 1.5");
  }

  @Test
  void contract_valuesThatOnceCrashedTheAnalysis_areRejectedNamingFieldAndValue() {
    // Each of these was accepted and then made analyze throw from deep inside (NaN greeks, an infinite
    // expected move, an overflowing pin-risk index).
    assertThatThrownBy(() -> OptionContract.of("SPX", EXPIRY, OptionRight.CALL, 4000, 1, 1e-320))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("impliedVolatility must be 0 (none) or in [1.0E-4, 100.0], was 1.0E-320");
    assertThatThrownBy(() -> OptionContract.of("SPX", EXPIRY, OptionRight.CALL, 4000, 1, 1e300))
        .hasMessageContaining("impliedVolatility must be 0 (none) or in [1.0E-4, 100.0], was 1.0E300");
    assertThatThrownBy(() -> OptionContract.of("SPX", EXPIRY, OptionRight.CALL, 1e300, 1, 0.2))
        .hasMessageContaining("strike must be in [1.0E-6, 1.0E9], was 1.0E300");
    assertThatThrownBy(
            () -> OptionContract.of("SPX", EXPIRY, OptionRight.CALL, 4000, Long.MAX_VALUE / 2, 0.2))
        .hasMessageContaining("openInterest must be <= 10000000000, was 4611686018427387903");
    assertThatThrownBy(
            () -> OptionContract.of("SPX", LocalDate.of(99999, 1, 1), OptionRight.PUT, 4000, 1, 0.2))
        .hasMessageContaining("expiry must be from 1900-01-01 to 2300-12-31, was +99999-01-01");
  }

  @Test
  void contract_valuesAtTheirBounds_areAccepted() {
    OptionContract c =
        OptionContract.of(
            "SPX",
            OptionContract.LATEST_EXPIRY,
            OptionRight.CALL,
            OptionContract.MAX_PRICE,
            OptionContract.MAX_OPEN_INTEREST,
            OptionContract.MAX_IMPLIED_VOLATILITY);
    assertThat(c.openInterest()).isEqualTo(10_000_000_000L);
    assertThat(
            OptionContract.of("SPX", OptionContract.EARLIEST_EXPIRY, OptionRight.PUT, 1e-6, 0, 1e-4)
                .impliedVolatility())
        .isEqualTo(1e-4);
    assertThat(OptionContract.of("SPX", EXPIRY, OptionRight.PUT, 4000, 0, 0).impliedVolatility())
        .isZero();
  }

  @Test
  void chain_spotOrValuationTimeOutOfRange_isRejectedUpFront() {
    // A spot of 1e308 overflowed spot² in the analysis; a valuation time in year 1e9 threw a
    // DateTimeException from deep inside the resolution of the chain.
    assertThatThrownBy(() -> OptionChain.of("SPX", 1e308, NOW, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("spot must be in [1.0E-6, 1.0E9], was 1.0E308");
    assertThatThrownBy(() -> OptionChain.of("SPX", Double.MIN_VALUE, NOW, List.of()))
        .hasMessageContaining("spot must be in [1.0E-6, 1.0E9], was 4.9E-324");
    assertThatThrownBy(() -> OptionChain.of("SPX", 4000, Instant.MAX, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "valuationTime must be from 1900-01-01T00:00:00Z to 2300-01-01T00:00:00Z, was "
                + Instant.MAX);
    assertThatThrownBy(() -> OptionChain.of("SPX", 4000, Instant.parse("1899-12-31T23:59:59Z"), List.of()))
        .hasMessageContaining("was 1899-12-31T23:59:59Z");
    assertThat(OptionChain.of("SPX", 1e9, OptionChain.LATEST_VALUATION_TIME, List.of()).spot())
        .isEqualTo(1e9);
    assertThat(OptionChain.of("SPX", 1e-6, OptionChain.EARLIEST_VALUATION_TIME, List.of()).spot())
        .isEqualTo(1e-6);
  }

  @Test
  void chain_badSpot_isRejected() {
    assertThatThrownBy(() -> OptionChain.of("SPX", Double.NaN, NOW, List.of()))
        .hasMessageContaining("spot must be finite and > 0, was NaN");
    assertThatThrownBy(() -> OptionChain.of("SPX", 0, NOW, List.of()))
        .hasMessageContaining("spot must be finite and > 0, was 0.0");
    assertThatThrownBy(() -> OptionChain.of(" ", 1, NOW, List.of()))
        .hasMessageContaining("underlying must not be blank");
  }

  @Test
  void chain_duplicateContract_isRejectedByConstructorAndDiagnosedByBuilder() {
    OptionContract a = OptionContract.of("SPXW", EXPIRY, OptionRight.CALL, 4000, 1, 0.2);
    OptionContract b = OptionContract.of("SPXW", EXPIRY, OptionRight.CALL, 4000, 7, 0.3);
    assertThatThrownBy(() -> OptionChain.of("SPX", 4000, NOW, List.of(a, b)))
        .hasMessageContaining("duplicate contract SPXW240315C04000000");
    OptionChain.Builder builder = OptionChain.builder("SPX", 4000, NOW);
    assertThat(builder.add(a)).isTrue();
    assertThat(builder.add(b)).isFalse();
    OptionChain chain = builder.build();
    assertThat(chain.contracts()).containsExactly(a);
    assertThat(chain.diagnostics())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.reason()).isEqualTo(ContractDiagnostic.Reason.DUPLICATE);
              assertThat(d.location()).isEqualTo("SPXW240315C04000000");
            });
  }

  @Test
  void chain_amAndPmOfSameDateAndStrike_areTwoContracts() {
    OptionContract am = OptionContract.of("SPX", EXPIRY, OptionRight.CALL, 4000, 1, 0.2);
    OptionContract pm = OptionContract.of("SPXW", EXPIRY, OptionRight.CALL, 4000, 1, 0.2);
    assertThat(OptionChain.of("SPX", 4000, NOW, List.of(am, pm)).contracts()).hasSize(2);
    assertThat(am.settlement()).isEqualTo(SettlementStyle.AM);
    assertThat(pm.settlement()).isEqualTo(SettlementStyle.PM);
  }
}
