package io.gex.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class OptionContractTest {

  @Test
  void withQuote_replacesBidAndAskOnly_andChecksThem() {
    OptionContract c =
        OptionContract.builder("SPXW240328C04000000")
            .openInterest(800)
            .impliedVolatility(0.18)
            .bid(10)
            .ask(11)
            .last(10.5)
            .build();

    OptionContract q = c.withQuote(OptionalDouble.of(12), OptionalDouble.empty());

    assertThat(q.bid()).hasValue(12);
    assertThat(q.ask()).isEmpty();
    assertThat(q)
        .isEqualTo(
            OptionContract.builder("SPXW240328C04000000")
                .openInterest(800)
                .impliedVolatility(0.18)
                .bid(12)
                .last(10.5)
                .build());
    assertThatThrownBy(() -> c.withQuote(OptionalDouble.of(-1), c.ask()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bid");
  }
}
