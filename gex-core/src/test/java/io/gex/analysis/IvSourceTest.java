package io.gex.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.chain.ContractDiagnostic.Reason;
import io.gex.chain.ContractDiagnostic;
import io.gex.chain.OccSymbol;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.chain.OptionRight;
import io.gex.greeks.BlackScholes;
import io.gex.settings.IvSource;
import io.gex.testing.TestChains;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The implied-volatility rules of each {@link IvSource}, on hand-built chains with known answers. */
class IvSourceTest {

  /** 27 days to the PM settlement of {@link TestChains#EXPIRY}. */
  private static final double TAU = 27 / 365.0;

  private static final double SPOT = 4000;

  private static GexAnalysis analyze(IvSource source, OptionContract... contracts) {
    return GexEngine.builder()
        .ivSource(source)
        .build()
        .analyze(OptionChain.of("SPX", SPOT, TestChains.VALUATION, List.of(contracts)));
  }

  private static OptionContract contract(OptionRight right, double strike, long oi, double iv) {
    return OptionContract.of("SPXW", TestChains.EXPIRY, right, strike, oi, iv);
  }

  private static OptionContract quoted(
      OptionRight right, double strike, long oi, double iv, double quoteVol) {
    double price = BlackScholes.price(right == OptionRight.CALL, SPOT, strike, TAU, quoteVol, 0, 0);
    return OptionContract.builder(new OccSymbol("SPXW", TestChains.EXPIRY, right, strike))
        .openInterest(oi)
        .impliedVolatility(iv)
        .bid(price - 0.01)
        .ask(price + 0.01)
        .build();
  }

  /** Hand formula: sign × gamma × OI × 100 × S² × 0.01. */
  private static double gex(double sign, double strike, double oi, double vol) {
    return sign * BlackScholes.gamma(SPOT, strike, TAU, vol, 0, 0) * oi * 100 * SPOT * SPOT * 0.01;
  }

  private static double putGexAt(GexAnalysis a, double strike) {
    GexByStrike b = a.exposures().byStrike();
    for (int i = 0; i < b.strikes().size(); i++) {
      if (b.strikes().get(i) == strike) {
        return b.putGex().get(i);
      }
    }
    throw new AssertionError("no strike " + strike);
  }

  private static double callGexAt(GexAnalysis a, double strike) {
    GexByStrike b = a.exposures().byStrike();
    for (int i = 0; i < b.strikes().size(); i++) {
      if (b.strikes().get(i) == strike) {
        return b.callGex().get(i);
      }
    }
    throw new AssertionError("no strike " + strike);
  }

  @Test
  void otm_itmPutWithPlaceholderIv_takesTheOtmCallsIv() {
    // At 4100 >= spot the call is the out-of-the-money member; the put's 0.001 is a placeholder.
    OptionContract call = contract(OptionRight.CALL, 4100, 100, 0.18);
    OptionContract put = contract(OptionRight.PUT, 4100, 200, 0.001);

    GexAnalysis otm = analyze(IvSource.OTM, call, put);
    GexAnalysis vendor = analyze(IvSource.VENDOR, call, put);

    double expected = gex(-1, 4100, 200, 0.18);
    assertThat(putGexAt(otm, 4100)).isCloseTo(expected, within(1e-9 * Math.abs(expected)));
    assertThat(otm.coverage().dataQuality().contractsSubstituted()).isZero(); // the mode's first rule
    assertThat(otm.contractsSkipped()).isZero();
    // vendor keeps 0.001: the put's gamma at spot, 2.5% out of its strike, is nil.
    double placeholder = gex(-1, 4100, 200, 0.001);
    assertThat(putGexAt(vendor, 4100)).isCloseTo(placeholder, within(1e-6));
    assertThat(Math.abs(placeholder)).isLessThan(1e-6 * Math.abs(expected));
  }

  @Test
  void otm_belowSpot_bothTakeThePutsIv() {
    OptionContract call = contract(OptionRight.CALL, 3900, 100, 0.35);
    OptionContract put = contract(OptionRight.PUT, 3900, 200, 0.24);

    GexAnalysis a = analyze(IvSource.OTM, call, put);

    double expected = gex(1, 3900, 100, 0.24);
    assertThat(callGexAt(a, 3900)).isCloseTo(expected, within(1e-9 * expected));
  }

  @Test
  void otm_otmMemberWithoutIv_bothTakeTheOtherMembersIvAsSubstitutions() {
    OptionContract call = contract(OptionRight.CALL, 4100, 100, 0);
    OptionContract put = contract(OptionRight.PUT, 4100, 300, 0.22);
    OptionContract other = contract(OptionRight.PUT, 3900, 500, 0.25);

    GexAnalysis a = analyze(IvSource.OTM, call, put, other);

    double callGex = gex(1, 4100, 100, 0.22);
    double putGex = gex(-1, 4100, 300, 0.22);
    assertThat(callGexAt(a, 4100)).isCloseTo(callGex, within(1e-9 * callGex));
    assertThat(putGexAt(a, 4100)).isCloseTo(putGex, within(1e-9 * Math.abs(putGex)));
    DataQuality q = a.coverage().dataQuality();
    assertThat(q.substitutions())
        .extracting(ContractDiagnostic::location)
        .containsExactly("SPXW240328C04100000", "SPXW240328P04100000");
    assertThat(q.substitutionsByReason()).containsOnlyKeys(Reason.SUBSTITUTED_OTHER_MEMBER_IV);
    assertThat(q.substitutionsByReason().get(Reason.SUBSTITUTED_OTHER_MEMBER_IV)).isEqualTo(2);
    double gross = Math.abs(callGex) + Math.abs(putGex) + Math.abs(gex(-1, 3900, 500, 0.25));
    assertThat(q.substitutedGexShare())
        .isCloseTo((Math.abs(callGex) + Math.abs(putGex)) / gross, within(1e-12));
    // Substitutions are not skips.
    assertThat(a.contractsSkipped()).isZero();
    assertThat(a.coverage().contractsUsed()).isEqualTo(3);
  }

  @Test
  void otm_pairWithoutUsableIvs_getsTheIvSolvedFromTheOtmMembersMid() {
    // 0.02 is a placeholder (below the 3% bound); the call's mid is worth 17% vol.
    OptionContract call = quoted(OptionRight.CALL, 4050, 100, 0.02, 0.17);
    OptionContract put = contract(OptionRight.PUT, 4050, 100, 0);

    GexAnalysis a = analyze(IvSource.OTM, call, put);

    assertThat(a.coverage().contractsUsed()).isEqualTo(2);
    double callGex = gex(1, 4050, 100, 0.17);
    assertThat(callGexAt(a, 4050)).isCloseTo(callGex, within(1e-6 * callGex));
    assertThat(putGexAt(a, 4050)).isCloseTo(-callGex, within(1e-6 * callGex));
    assertThat(a.coverage().dataQuality().substitutionsByReason())
        .containsExactlyEntriesOf(java.util.Map.of(Reason.SUBSTITUTED_SOLVED_IV, 2));
    assertThat(a.coverage().dataQuality().substitutedGexShare()).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void otm_pairWithImplausibleIvsAndNoQuote_isSkippedByReason() {
    OptionContract call = contract(OptionRight.CALL, 4200, 100, 7.0);
    OptionContract put = contract(OptionRight.PUT, 4200, 300, 0);
    OptionContract good = contract(OptionRight.PUT, 3900, 600, 0.25);

    GexAnalysis a = analyze(IvSource.OTM, call, put, good);

    assertThat(a.coverage().contractsUsed()).isEqualTo(1);
    assertThat(a.contractsSkipped()).isEqualTo(2);
    assertThat(a.skippedByReason())
        .containsEntry(Reason.IMPLAUSIBLE_IMPLIED_VOLATILITY, 1)
        .containsEntry(Reason.NO_IMPLIED_VOLATILITY, 1);
    assertThat(a.coverage().dataQuality().contractsSubstituted()).isZero();
    // 400 of the chain's 1000 contracts of open interest are left out.
    assertThat(a.coverage().dataQuality().skippedOpenInterestShare()).isCloseTo(0.4, within(1e-15));
    assertThat(a.coverage().dataQuality().skippedOpenInterestShareByReason())
        .containsEntry(Reason.IMPLAUSIBLE_IMPLIED_VOLATILITY, 0.1)
        .containsEntry(Reason.NO_IMPLIED_VOLATILITY, 0.3);
    // vendor takes 7.0 as given and skips only the put.
    GexAnalysis vendor = analyze(IvSource.VENDOR, call, put, good);
    assertThat(vendor.coverage().contractsUsed()).isEqualTo(2);
    assertThat(callGexAt(vendor, 4200)).isCloseTo(gex(1, 4200, 100, 7.0), within(1e-9 * gex(1, 4200, 100, 7.0)));
  }

  @Test
  void bounds_edgesAreUsableJustOutsideAreNot() {
    assertThat(IvSource.isPlausible(0.03)).isTrue();
    assertThat(IvSource.isPlausible(5.0)).isTrue();
    assertThat(IvSource.isPlausible(Math.nextDown(0.03))).isFalse();
    assertThat(IvSource.isPlausible(Math.nextUp(5.0))).isFalse();
    assertThat(IvSource.isPlausible(0)).isFalse();
    assertThat(IvSource.isPlausible(Double.NaN)).isFalse();
    // NDX's 0.02 placeholder counts as missing.
    assertThat(IvSource.isPlausible(0.02)).isFalse();

    for (double iv : new double[] {0.03, 5.0}) {
      GexAnalysis a =
          analyze(IvSource.OTM, contract(OptionRight.CALL, 4100, 100, iv), contract(OptionRight.PUT, 4100, 1, 0.3));
      double expected = gex(-1, 4100, 1, iv);
      assertThat(putGexAt(a, 4100)).as("iv %s", iv).isCloseTo(expected, within(1e-9 * Math.abs(expected)));
    }
    GexAnalysis below =
        analyze(
            IvSource.OTM,
            contract(OptionRight.CALL, 4100, 100, Math.nextDown(0.03)),
            contract(OptionRight.PUT, 4100, 1, 0.3));
    assertThat(below.coverage().dataQuality().substitutionsByReason())
        .containsExactlyEntriesOf(java.util.Map.of(Reason.SUBSTITUTED_OTHER_MEMBER_IV, 2));
  }

  @Test
  void mid_solvesEachContractsOwnMidBeforeAnyQuotedIv() {
    // The quoted 0.30 is stale; the mid is worth 0.19.
    OptionContract call = quoted(OptionRight.CALL, 4100, 100, 0.30, 0.19);
    // No quote: falls back to the OTM member's quoted IV (the call's 0.30).
    OptionContract put = contract(OptionRight.PUT, 4100, 100, 0.25);

    GexAnalysis a = analyze(IvSource.MID, call, put);

    double callGex = gex(1, 4100, 100, 0.19);
    assertThat(callGexAt(a, 4100)).isCloseTo(callGex, within(1e-6 * callGex));
    double putGex = gex(-1, 4100, 100, 0.30);
    assertThat(putGexAt(a, 4100)).isCloseTo(putGex, within(1e-9 * Math.abs(putGex)));
    assertThat(a.coverage().dataQuality().substitutions())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.location()).isEqualTo("SPXW240328P04100000");
              assertThat(d.reason()).isEqualTo(Reason.SUBSTITUTED_OTM_MEMBER_IV);
            });
  }

  @Test
  void vendor_usesQuotedIvsAsGivenAndSkipsMissingOnes() {
    OptionContract call = quoted(OptionRight.CALL, 4100, 100, 0, 0.19);
    OptionContract put = contract(OptionRight.PUT, 4100, 100, 0.001);

    GexAnalysis a = analyze(IvSource.VENDOR, call, put);

    assertThat(a.coverage().contractsUsed()).isEqualTo(1);
    assertThat(a.skippedByReason()).containsExactlyEntriesOf(java.util.Map.of(Reason.NO_IMPLIED_VOLATILITY, 1));
    assertThat(a.coverage().dataQuality().contractsSubstituted()).isZero();
  }

  @Test
  void pairs_notListedSideBySide_areStillPaired() {
    List<OptionContract> contracts = new ArrayList<>();
    contracts.add(contract(OptionRight.PUT, 4100, 200, 0.001));
    contracts.add(contract(OptionRight.PUT, 3900, 10, 0.25));
    contracts.add(contract(OptionRight.CALL, 3900, 10, 0.25));
    contracts.add(OptionContract.of("SPX", TestChains.EXPIRY.plusDays(1), OptionRight.CALL, 4100, 10, 0.5));
    contracts.add(contract(OptionRight.CALL, 4100, 100, 0.18));

    GexAnalysis a = analyze(IvSource.OTM, contracts.toArray(new OptionContract[0]));

    double expected = gex(-1, 4100, 200, 0.18);
    assertThat(a.exposures().byExpiry().get(0).putGex())
        .isCloseTo(expected + gex(-1, 3900, 10, 0.25), within(1e-9 * Math.abs(expected)));
  }

  @Test
  void settings_reportTheIvSource() {
    assertThat(analyze(IvSource.OTM, contract(OptionRight.CALL, 4100, 1, 0.2)).settings().ivSource())
        .isEqualTo(IvSource.OTM);
    assertThat(GexEngine.builder().build().settings().describe()).contains("IV otm");
  }
}
