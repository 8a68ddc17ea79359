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
