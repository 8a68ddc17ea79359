package io.gex.testing;

import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.chain.OptionRight;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Shared small chains for tests of every module (published in gex-core's test-jar). */
public final class TestChains {

  /** 2024-03-01 15:00 New York (20:00 UTC), a Friday. */
  public static final Instant VALUATION = Instant.parse("2024-03-01T20:00:00Z");

  /** A PM expiry exactly 27 days after {@link #VALUATION}: 16:00 EDT on 2024-03-28 is 20:00 UTC. */
  public static final LocalDate EXPIRY = LocalDate.of(2024, 3, 28);

  private TestChains() {}

  /**
   * Four SPXW contracts at spot 4000, all one expiry: a 3900 put (OI 1000, vol 0.25), a 4000 put (OI 500,
   * vol 0.20), a 4000 call (OI 800, vol 0.18), a 4100 call (OI 1200, vol 0.16).
   */
  public static OptionChain fourContracts() {
    return OptionChain.of(
        "SPX",
        4000,
        VALUATION,
        List.of(
            OptionContract.of("SPXW", EXPIRY, OptionRight.PUT, 3900, 1000, 0.25),
            OptionContract.of("SPXW", EXPIRY, OptionRight.PUT, 4000, 500, 0.20),
            OptionContract.of("SPXW", EXPIRY, OptionRight.CALL, 4000, 800, 0.18),
            OptionContract.of("SPXW", EXPIRY, OptionRight.CALL, 4100, 1200, 0.16)));
  }

  /**
   * A random but valid chain: strikes around spot 4000 on a 5-point grid, expiries from 1 to 120 days, vols
   * 0.08 to 0.6, open interest 0 to 5000. Deterministic for a seed.
   */
  public static OptionChain random(long seed, int contracts) {
    SplittableRandom random = new SplittableRandom(seed);
    LocalDate today = LocalDate.of(2024, 3, 1);
    List<OptionContract> list = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    while (list.size() < contracts) {
      LocalDate expiry = today.plusDays(1 + random.nextInt(120));
      double strike = 4000 + 5 * (random.nextInt(161) - 80);
      OptionRight right = random.nextBoolean() ? OptionRight.CALL : OptionRight.PUT;
      String key = expiry + "/" + strike + "/" + right;
      if (!seen.add(key)) {
        continue;
      }
      list.add(
          OptionContract.of(
              "SPXW", expiry, right, strike, random.nextInt(5001), 0.08 + 0.52 * random.nextDouble()));
    }
    return OptionChain.of("SPX", 4000, VALUATION, list);
  }
}
