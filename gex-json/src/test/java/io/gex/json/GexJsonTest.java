package io.gex.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.GexException;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.testing.TestChains;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class GexJsonTest {

  private final GexEngine engine =
      GexEngine.builder()
          .clock(Clock.fixed(Instant.parse("2024-03-01T20:00:01Z"), ZoneOffset.UTC))
          .build();

  @Test
  void analysis_roundTrip_isEqual() {
    GexAnalysis analysis = engine.analyze(TestChains.random(7, 300));
    byte[] json = GexJson.toBytes(analysis);
    assertThat(GexJson.analysisFromBytes(json)).isEqualTo(analysis);
  }

  @Test
  void analysis_withEveryOptInFigure_roundTripIsEqual() {
    GexAnalysis analysis =
        GexEngine.builder()
            .clock(Clock.fixed(Instant.parse("2024-03-01T20:00:01Z"), ZoneOffset.UTC))
            .expiryZeroGamma(true)
            .dealerProfiles(true)
            .build()
            .analyze(TestChains.random(5, 200));
    assertThat(analysis.greeks().zeroGammaByExpiry()).isNotEmpty();
    assertThat(analysis.greeks().profiles()).hasSize(3);

    GexAnalysis back = GexJson.analysisFromBytes(GexJson.toBytes(analysis));

    assertThat(back).isEqualTo(analysis);
    assertThat(back.settings().dealerProfiles()).isTrue();
  }

  @Test
  void analysis_writtenBeforeTheGreeksAndOptInSettings_readsBackWithoutThem() throws Exception {
    GexAnalysis analysis = engine.analyze(TestChains.fourContracts());
    com.fasterxml.jackson.databind.node.ObjectNode tree = GexJson.mapper().valueToTree(analysis);
    tree.remove("greeks");
    ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("settings")).remove("expiryZeroGamma");
    ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("settings")).remove("dealerProfiles");

    GexAnalysis back = GexJson.analysisFromBytes(GexJson.mapper().writeValueAsBytes(tree));

    assertThat(back.greeks()).isEqualTo(io.gex.analysis.GreekExposures.none());
    assertThat(back.settings()).isEqualTo(analysis.settings());
    assertThat(back.totalGex()).isEqualTo(analysis.totalGex());
  }

  @Test
  void analysis_withFlowProvenance_roundTripIsEqual() {
    io.gex.chain.OptionChain chain = TestChains.fourContracts();
    io.gex.chain.OccSymbol call = chain.contracts().get(2).symbol();
    GexAnalysis analysis =
        GexEngine.builder()
            .clock(Clock.fixed(Instant.parse("2024-03-01T20:00:01Z"), ZoneOffset.UTC))
            .positionModel(io.gex.positions.PositionModels.FLOW)
            .build()
            .analyze(
                chain,
                java.util.List.of(
                    new io.gex.positions.Trade(
                        Instant.parse("2024-03-01T19:00:00Z"), call, 12.5, 5000, 12.0, 12.5)));
    assertThat(analysis.provenance().positions().flaggedCount()).isEqualTo(1);
    String json = new String(GexJson.toBytes(analysis), StandardCharsets.UTF_8);
    assertThat(json).contains("\"positions\":{\"model\":\"flow\",\"trades\":1");
    assertThat(GexJson.analysisFromBytes(GexJson.toBytes(analysis))).isEqualTo(analysis);
  }

  @Test
  void analysis_writtenBeforePositionModels_readsBackUnderOi() throws Exception {
    GexAnalysis analysis = engine.analyze(TestChains.fourContracts());
    com.fasterxml.jackson.databind.node.ObjectNode tree = GexJson.mapper().valueToTree(analysis);
    tree.remove("positions");
    GexAnalysis back = GexJson.analysisFromBytes(GexJson.mapper().writeValueAsBytes(tree));
    assertThat(back).isEqualTo(analysis);
    assertThat(back.provenance().positions()).isEqualTo(io.gex.positions.PositionProvenance.OPEN_INTEREST);
  }

  @Test
  void analysis_json_hasReadableFieldsAndNoLookAlikes() {
    String json =
        new String(GexJson.toBytes(engine.analyze(TestChains.fourContracts())), StandardCharsets.UTF_8);
    assertThat(json)
        .contains("\"symbol\":\"SPX\"")
        .contains("\"valuationTime\":\"2024-03-01T20:00:00Z\"")
        .contains("\"signConvention\":\"DEALER_LONG_CALLS_SHORT_PUTS\"")
        .doesNotContain("\"gammaProfile\"");
  }

  @Test
  void analysis_storedForm_isTheFlatObjectOfEarlierVersionsInItsOrder() throws Exception {
    GexAnalysis analysis = engine.analyze(TestChains.random(3, 120));
    com.fasterxml.jackson.databind.JsonNode tree = GexJson.mapper().readTree(GexJson.toBytes(analysis));
    java.util.List<String> keys = new java.util.ArrayList<>();
    tree.fieldNames().forEachRemaining(keys::add);
    assertThat(keys)
        .containsExactly(
            "symbol", "spot", "valuationTime", "analyzedAt", "settings", "totalGex", "callGex",
            "putGex", "byStrike", "byExpiry", "heatmap", "profiles", "zeroGamma", "strikeZeroGamma",
            "regime", "callWall", "putWall", "absGammaStrike", "pinRisk", "dealer", "contractsUsed",
            "diagnostics", "dataQuality", "greeks", "positions");
    assertThat(tree.get("totalGex").doubleValue()).isEqualTo(analysis.totalGex());
    assertThat(tree.get("regime").textValue()).isEqualTo(analysis.regime().name());
    assertThat(tree.get("analyzedAt").textValue()).isEqualTo("2024-03-01T20:00:01Z");
    assertThat(tree.get("contractsUsed").intValue()).isEqualTo(analysis.coverage().contractsUsed());
  }

  /**
   * golden/analysis-before-grouping.json was written by the flat analysis record of earlier versions (a
   * 21-contract SPX chain, one settled contract): it reads back into the grouped record, and writing that
   * gives the same bytes, so stored entries stay readable and the stored form did not change.
   */
  @Test
  void analysis_writtenBeforeTheRecordWasGrouped_readsBackAndWritesTheSameBytes() throws Exception {
    byte[] old;
    try (java.io.InputStream in =
        GexJsonTest.class.getResourceAsStream("/golden/analysis-before-grouping.json")) {
      old = java.util.Objects.requireNonNull(in, "golden file").readAllBytes();
    }
    GexAnalysis back = GexJson.analysisFromBytes(old);

    assertThat(back.symbol()).isEqualTo("SPX");
    assertThat(back.provenance().analyzedAt()).isEqualTo(Instant.parse("2024-03-01T15:00:01Z"));
    assertThat(back.totalGex()).isEqualTo(-5.392846284810305E8);
    assertThat(back.regime()).isEqualTo(io.gex.GammaRegime.NEGATIVE);
    assertThat(back.zeroGamma()).isEqualTo(back.profiles().gamma().zeroGamma());
    assertThat(back.coverage().contractsUsed()).isEqualTo(20);
    assertThat(back.contractsSkipped()).isEqualTo(1);
    assertThat(GexJson.toBytes(back)).isEqualTo(old);
  }

  @Test
  void analysis_storedDerivedFiguresThatDisagree_areRefusedNamingThem() throws Exception {
    GexAnalysis analysis = engine.analyze(TestChains.random(3, 120));
    assertThat(analysis.zeroGamma()).isPresent();
    assertRefused(analysis, t -> t.put("totalGex", analysis.totalGex() * 2 + 1), "totalGex ");
    assertRefused(analysis, t -> t.put("totalGex", "NaN"), "totalGex must be finite, was NaN");
    assertRefused(
        analysis,
        t -> t.put("regime", analysis.totalGex() > 0 ? "NEGATIVE" : "POSITIVE"),
        "is not the sign of totalGex");
    assertRefused(
        analysis,
        t -> t.put("zeroGamma", analysis.zeroGamma().getAsDouble() + 1),
        "is not the all-expiries profile's");
    // Within the sum tolerance, and without a regime: the analysis derives both.
    com.fasterxml.jackson.databind.node.ObjectNode tree = GexJson.mapper().valueToTree(analysis);
    tree.put("totalGex", analysis.totalGex() * (1 + 1e-12));
    tree.remove("regime");
    assertThat(GexJson.analysisFromBytes(GexJson.mapper().writeValueAsBytes(tree))).isEqualTo(analysis);
  }

  private static void assertRefused(
      GexAnalysis analysis,
      java.util.function.Consumer<com.fasterxml.jackson.databind.node.ObjectNode> change,
      String message)
      throws Exception {
    com.fasterxml.jackson.databind.node.ObjectNode tree = GexJson.mapper().valueToTree(analysis);
    change.accept(tree);
    byte[] json = GexJson.mapper().writeValueAsBytes(tree);
    assertThatThrownBy(() -> GexJson.analysisFromBytes(json))
        .isInstanceOf(GexException.class)
        .hasMessageContaining(message);
  }

  @Test
  void chain_roundTrip_isEqualAndKeepsOptionalQuotes() {
    OptionChain chain =
        OptionChain.of(
            "SPX",
            4000,
            TestChains.VALUATION,
            java.util.List.of(
                OptionContract.builder("SPXW240328C04000000")
                    .openInterest(10)
                    .impliedVolatility(0.2)
                    .bid(1.5)
                    .ask(1.7)
                    .volume(3)
                    .build(),
                OptionContract.builder("SPX240315P03900000").openInterest(5).build()));
    OptionChain back = GexJson.chainFromBytes(GexJson.toBytes(chain));
    assertThat(back).isEqualTo(chain);
    assertThat(back.contracts().get(0).mid()).hasValue(1.6);
  }

  @Test
  void chain_spotAtQuote_roundTrips_andJsonWithoutItReadsAsQuotedAtTheChainsSpot() {
    OptionContract stamped =
        OptionContract.builder("SPXW240328C04000000").bid(1.5).ask(1.7).spotAtQuote(4012.5).build();
    OptionChain chain = OptionChain.of("SPX", 4000, TestChains.VALUATION, java.util.List.of(stamped));
    String json = new String(GexJson.toBytes(chain), StandardCharsets.UTF_8);
    assertThat(json).contains("\"spotAtQuote\":4012.5");
    assertThat(GexJson.chainFromBytes(GexJson.toBytes(chain))).isEqualTo(chain);
    // A chain written before the field existed.
    String old = json.replace(",\"spotAtQuote\":4012.5", "");
    assertThat(old).doesNotContain("spotAtQuote");
    OptionChain back = GexJson.chainFromBytes(old.getBytes(StandardCharsets.UTF_8));
    assertThat(back.contracts().get(0).spotAtQuote()).isEmpty();
    assertThat(back.contracts().get(0).bid()).hasValue(1.5);
  }

  @Test
  void analysisFromBytes_corruptBytes_throwsGexException() {
    byte[] json = GexJson.toBytes(engine.analyze(TestChains.fourContracts()));
    byte[] truncated = java.util.Arrays.copyOf(json, json.length / 2);
    assertThatThrownBy(() -> GexJson.analysisFromBytes(truncated))
        .isInstanceOf(GexException.class)
        .hasMessageContaining("cannot read an analysis");
    assertThatThrownBy(() -> GexJson.analysisFromBytes("{\"symbol\":\"X\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(GexException.class);
  }
}
