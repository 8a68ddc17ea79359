package io.gex.storage.postgres;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.analysis.GammaProfile;
import io.gex.analysis.GexExposures;
import io.gex.chain.ContractDiagnostic;
import io.gex.chain.OccSymbol;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.chain.OptionRight;
import io.gex.chain.SettlementStyle;
import io.gex.store.AlertRecord;
import io.gex.store.StoredSnapshot;
import io.gex.testing.TestChains;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Snapshots for the store tests. */
final class Fixtures {

  /** A deterministic engine: fixed clock, so that equal chains give equal analyses. */
  static final GexEngine ENGINE =
      GexEngine.builder()
          .profilePoints(41)
          .clock(java.time.Clock.fixed(Instant.parse("2024-03-01T21:00:00.123456789Z"), java.time.ZoneOffset.UTC))
          .build();

  private Fixtures() {}

  /** A chain of {@code n} random contracts of a symbol at an instant and spot. */
  static OptionChain chain(String symbol, Instant at, double spot, long seed, int n) {
    OptionChain base = TestChains.random(seed, n);
    return new OptionChain(symbol, spot, at, base.contracts(), List.of());
  }

  /** A snapshot of {@code n} random contracts, analysed, without alerts. */
  static StoredSnapshot snapshot(String symbol, Instant at, double spot, long seed, int n) {
    OptionChain chain = chain(symbol, at, spot, seed, n);
    return StoredSnapshot.of(ENGINE.analyze(chain), chain);
  }

  /**
   * A chain whose contracts use every field: quotes, volume and vendor greeks present on some and absent
   * on others (and a quote's spot on one), both settlement styles, two roots, plus a source diagnostic.
   */
  static OptionChain richChain(String symbol, Instant at) {
    LocalDate expiry = LocalDate.of(2024, 3, 28);
    List<OptionContract> contracts = new ArrayList<>();
    contracts.add(
        new OptionContract(
            new OccSymbol("SPXW", expiry, OptionRight.CALL, 4025.5),
            SettlementStyle.PM,
            1234,
            0.1834567891234,
            OptionalDouble.of(12.3),
            OptionalDouble.of(12.9),
            OptionalDouble.of(12.55),
            OptionalLong.of(987_654_321_012L),
            OptionalDouble.of(0.4512),
            OptionalDouble.of(0.0012345678901234),
            OptionalDouble.of(4012.345678901234)));
    contracts.add(
        new OptionContract(
            new OccSymbol("SPX", expiry, OptionRight.PUT, 3900),
            SettlementStyle.AM,
            0,
            0.0,
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalLong.empty(),
            OptionalDouble.empty(),
            OptionalDouble.empty()));
    contracts.add(
        new OptionContract(
            new OccSymbol("SPXW", expiry.plusDays(7), OptionRight.PUT, 3950),
            SettlementStyle.PM,
            5000,
            0.2222222222222222,
            OptionalDouble.of(0),
            OptionalDouble.empty(),
            OptionalDouble.of(31.0),
            OptionalLong.of(0),
            OptionalDouble.of(-1.0),
            OptionalDouble.of(0)));
    contracts.add(OptionContract.of("SPXW", expiry, OptionRight.CALL, 4100, 1200, 0.16));
    contracts.add(OptionContract.of("SPXW", expiry, OptionRight.PUT, 4000, 500, 0.20));
    List<ContractDiagnostic> diagnostics =
        List.of(
            new ContractDiagnostic(
                "line 42", "strike", "-5", ContractDiagnostic.Reason.MALFORMED, "strike must be > 0, was -5"));
    return new OptionChain(symbol, 4012.25, at, contracts, diagnostics);
  }

  static AlertRecord alert(
      String symbol, Instant at, String type, AlertRecord.Severity severity, double figure) {
    return new AlertRecord(
        "rule-" + type.toLowerCase(java.util.Locale.ROOT),
        type,
        severity,
        symbol,
        at,
        type + " at " + figure + " \t tab, \"quote\", back\\slash, ünïcødé",
        Map.of("level", figure, "spot", 4012.25, "tiny", 1.0e-300));
  }

  /**
   * A copy of an analysis with other headline figures, to control daily history: the total becomes the
   * call total (puts 0, so call + put is exactly {@code totalGex}), the zero gamma the all-expiries
   * profile's.
   */
  static GexAnalysis withTotals(GexAnalysis a, double totalGex, OptionalDouble zeroGamma) {
    GexExposures x = a.exposures();
    List<GammaProfile> profiles = new ArrayList<>(a.profiles().all());
    GammaProfile all = profiles.get(0);
    profiles.set(
        0,
        new GammaProfile(
            all.scope(), all.excludedExpiry(), all.spots(), all.totalGex(), all.crossings(), zeroGamma));
    return new GexAnalysis(
        a.provenance(),
        new GexExposures(
            totalGex,
            0,
            x.byStrike(),
            x.byExpiry(),
            x.heatmap(),
            x.callWall(),
            x.putWall(),
            x.absGammaStrike(),
            x.strikeZeroGamma()),
        a.greeks(),
        new GexAnalysis.Profiles(profiles),
        a.pinRisk(),
        a.dealer(),
        a.coverage());
  }
}
