package io.gex.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class OccSymbolTest {

  @Test
  void parse_spxwCall_givesRootExpiryRightStrike() {
    OccSymbol s = OccSymbol.parse("SPXW231215C04500000");
    assertThat(s.root()).isEqualTo("SPXW");
    assertThat(s.expiry()).isEqualTo(LocalDate.of(2023, 12, 15));
    assertThat(s.right()).isEqualTo(OptionRight.CALL);
    assertThat(s.strike()).isEqualTo(4500.0);
    assertThat(s.toString()).isEqualTo("SPXW231215C04500000");
  }

  @Test
  void symbolsOfOneRootAndDate_shareTheirRootAndDateObjects() {
    OccSymbol call = OccSymbol.parse("SPXW231215C04500000");
    OccSymbol put = OccSymbol.parse("spxw231215p04400000");
    assertThat(put.root()).isSameAs(call.root());
    assertThat(put.expiry()).isSameAs(call.expiry());
    // Built from equal but distinct objects too.
    OccSymbol built =
        new OccSymbol(new String("SPXW".toCharArray()), LocalDate.parse("2023-12-15"), OptionRight.PUT, 1);
    assertThat(built.root()).isSameAs(call.root());
    assertThat(built.expiry()).isSameAs(call.expiry());
    assertThat(built).isEqualTo(new OccSymbol("SPXW", LocalDate.of(2023, 12, 15), OptionRight.PUT, 1));
  }

  @Test
  void parse_paddedRootAndFractionalStrike_works() {
    OccSymbol s = OccSymbol.parse("SPY   240119P00472500");
    assertThat(s.root()).isEqualTo("SPY");
    assertThat(s.right()).isEqualTo(OptionRight.PUT);
    assertThat(s.strike()).isEqualTo(472.5);
    assertThat(s.toString()).isEqualTo("SPY240119P00472500");
  }

  @Test
  void toString_isTheOccForm_forAnyStrikeAndDate() {
    // Against String.format: eight strike digits at least, more from 100,000 up; every date of 2000-2099.
    qt().forAll(
            longs().between(1, 999_999_999_999L),
            integers().between(0, 36_524),
            booleans().all(),
            integers().between(0, 2))
        .checkAssert(
            (millis, day, call, r) -> {
              String root = new String[] {"SPXW", "X", "ABCDEF"}[r];
              LocalDate expiry = LocalDate.of(2000, 1, 1).plusDays(day);
              OccSymbol s =
                  new OccSymbol(root, expiry, call ? OptionRight.CALL : OptionRight.PUT, millis / 1000.0);
              String expected =
                  String.format(
                      Locale.ROOT,
                      "%s%02d%02d%02d%c%08d",
                      root,
                      expiry.getYear() % 100,
                      expiry.getMonthValue(),
                      expiry.getDayOfMonth(),
                      call ? 'C' : 'P',
                      millis);
              assertThat(s.toString()).isEqualTo(expected);
              if (millis < 100_000_000L) {
                assertThat(OccSymbol.parse(expected)).isEqualTo(s);
              }
            });
  }

  @Test
  void parse_badInput_namesTheSymbol() {
    assertThatThrownBy(() -> OccSymbol.parse("SPXW231315C04500000"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SPXW231315C04500000");
    assertThatThrownBy(() -> OccSymbol.parse("hello"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'hello'");
    assertThatThrownBy(() -> OccSymbol.parse("SPX231215C00000000"))
        .hasMessageContaining("strike must be > 0");
  }

  @Test
  void settlementStyle_indexMonthliesAreAmAndWeekliesPm() {
    assertThat(SettlementStyle.forRoot("SPX")).isEqualTo(SettlementStyle.AM);
    assertThat(SettlementStyle.forRoot("NDX")).isEqualTo(SettlementStyle.AM);
    assertThat(SettlementStyle.forRoot("RUT")).isEqualTo(SettlementStyle.AM);
    assertThat(SettlementStyle.forRoot("SPXW")).isEqualTo(SettlementStyle.PM);
    assertThat(SettlementStyle.forRoot("NDXP")).isEqualTo(SettlementStyle.PM);
    assertThat(SettlementStyle.forRoot("AAPL")).isEqualTo(SettlementStyle.PM);
  }

  @Test
  void pairsWith_isTheCallAndPutOfOneRootExpiryAndStrike_inEitherOrder() {
    OccSymbol call = OccSymbol.parse("SPXW240315C05000000");
    OccSymbol put = OccSymbol.parse("SPXW240315P05000000");

    assertThat(call.pairsWith(put)).isTrue();
    assertThat(put.pairsWith(call)).isTrue();
    assertThat(call.pairsWith(call)).as("same right").isFalse();
    assertThat(call.pairsWith(OccSymbol.parse("SPX240315P05000000"))).as("other root").isFalse();
    assertThat(call.pairsWith(OccSymbol.parse("SPXW240322P05000000"))).as("other expiry").isFalse();
    assertThat(call.pairsWith(OccSymbol.parse("SPXW240315P05005000"))).as("other strike").isFalse();
  }
}
