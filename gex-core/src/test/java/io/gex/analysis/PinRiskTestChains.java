package io.gex.analysis;

import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.chain.OptionRight;
import io.gex.settings.GexSettings;
import io.gex.testing.TestChains;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Small hand-checked chains for the pin-risk and dealer-positioning tests. */
final class PinRiskTestChains {

  /** The near expiry: settles 2024-03-08 16:00 EST, 7 days and 1 hour after {@link TestChains#VALUATION}. */
  static final LocalDate NEAR = LocalDate.of(2024, 3, 8);

  /** The far expiry: settles 2024-03-15 16:00 EDT (a third Friday), exactly 14 days after valuation. */
  static final LocalDate FAR = LocalDate.of(2024, 3, 15);

  private PinRiskTestChains() {}

  static OptionContract call(LocalDate expiry, double strike, long oi, double iv) {
    return OptionContract.of("SPXW", expiry, OptionRight.CALL, strike, oi, iv);
  }

  static OptionContract put(LocalDate expiry, double strike, long oi, double iv) {
    return OptionContract.of("SPXW", expiry, OptionRight.PUT, strike, oi, iv);
  }

  /**
   * One expiry ({@link #NEAR}) at spot 4080, vol 0.20 everywhere: calls 3900/4000/4100 with OI 100/300/200,
   * puts 3900/4000/4100 with OI 400/100/50. Payout to holders (OI × points): settle at 3900 → 100·100 +
   * 50·200 = 20,000; at 4000 → 100·100 + 50·100 = 15,000; at 4100 → 100·200 + 300·100 = 50,000. Max pain
   * 4000 ($1,500,000 with multiplier 100), pin strike 4100 (nearest 4080).
   */
  static OptionChain handChecked() {
    return OptionChain.of(
        "SPX",
        4080,
        TestChains.VALUATION,
        List.of(
            call(NEAR, 3900, 100, 0.20),
            call(NEAR, 4000, 300, 0.20),
            call(NEAR, 4100, 200, 0.20),
            put(NEAR, 3900, 400, 0.20),
            put(NEAR, 4000, 100, 0.20),
            put(NEAR, 4100, 50, 0.20)));
  }

  /**
   * Two expiries at spot 4000.
   *
   * <p>NEAR: open interest only far out of the money (call 4200 OI 1000, put 3800 OI 1000) plus zero-OI
   * contracts at 3900/4000/4100, so settling at any listed strike pays nothing and max pain falls to the
   * strike nearest spot, 4000; the pin strike 4000 holds no open interest, so the score is 0. At-the-money
   * vol: (0.19 + 0.21) / 2 = 0.20.
   *
   * <p>FAR: puts 3900 OI 2000, 4000 OI 100; calls 3900 OI 300, 4000 OI 100, 4100 OI 300. Payout (OI ×
   * points): at 3900 → 100·100 = 10,000; at 4000 → 300·100 = 30,000; at 4100 → 300·200 + 100·100 = 70,000.
   * Max pain 3900 ($1,000,000). Open interest by strike 2300 / 200 / 300 of 2800. At-the-money vol: (0.22 +
   * 0.20) / 2 = 0.21.
   *
   * <p>Chain: 3900 → 2300, 3800 → 1000, 4200 → 1000, 4100 → 300, 4000 → 200, of 4800.
   */
  static OptionChain twoExpiries() {
    return OptionChain.of(
        "SPX",
        4000,
        TestChains.VALUATION,
        List.of(
            call(NEAR, 4200, 1000, 0.15),
            put(NEAR, 3800, 1000, 0.25),
            call(NEAR, 3900, 0, 0.20),
            call(NEAR, 4000, 0, 0.19),
            put(NEAR, 4000, 0, 0.21),
            put(NEAR, 4100, 0, 0.18),
            put(FAR, 3900, 2000, 0.24),
            put(FAR, 4000, 100, 0.22),
            call(FAR, 3900, 300, 0.22),
            call(FAR, 4000, 100, 0.20),
            call(FAR, 4100, 300, 0.18)));
  }

  /** The chain with every contract transformed. */
  static OptionChain map(OptionChain chain, UnaryOperator<OptionContract> f) {
    List<OptionContract> out = new ArrayList<>(chain.contracts().size());
    for (OptionContract c : chain.contracts()) {
      out.add(f.apply(c));
    }
    return chain.withContracts(out);
  }

  /**
   * The chain resolved under the default settings but with each contract's own quoted IV ({@code vendor}):
   * the hand-checked figures above use the IVs as written.
   */
  static ResolvedChain resolve(OptionChain chain) {
    return ResolvedChain.resolve(chain, VENDOR);
  }

  /** The default settings with {@link io.gex.settings.IvSource#VENDOR}. */
  static final GexSettings VENDOR =
      io.gex.GexEngine.builder().ivSource(io.gex.settings.IvSource.VENDOR).build().settings();
}
