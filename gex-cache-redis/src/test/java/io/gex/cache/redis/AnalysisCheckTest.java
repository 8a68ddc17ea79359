package io.gex.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.GexException;
import io.gex.cache.GexCacheKey;
import io.gex.chain.OptionChain;
import io.gex.json.GexJson;
import io.gex.spi.ChainSources;
import io.gex.spi.SourceRequest;
import io.gex.testing.TestChains;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class AnalysisCheckTest {
  private static final GexAnalysis ANALYSIS = RedisTestSupport.analysisAt(0);

  /** The analysis with one change made to its JSON, read back through the validating records. */
  static GexAnalysis tampered(GexAnalysis analysis, Consumer<ObjectNode> change) {
    return GexJson.analysisFromBytes(tamperedJson(analysis, change));
  }

  /** The JSON of the analysis with one change made to it. */
  static byte[] tamperedJson(GexAnalysis analysis, Consumer<ObjectNode> change) {
    try {
      ObjectNode tree = (ObjectNode) GexJson.mapper().readTree(GexJson.toBytes(analysis));
      change.accept(tree);
      return GexJson.mapper().writeValueAsBytes(tree);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void check_analysesTheEngineMakes_pass() {
    GexEngine engine = GexEngine.builder().build();
    for (int seed = 1; seed <= 25; seed++) {
      for (int size : new int[] {1, 2, 7, 60, 400}) {
        GexAnalysis a = engine.analyze(TestChains.random(seed, size));
        assertThatCode(() -> AnalysisCheck.check(a)).as("seed %d, %d contracts", seed, size).doesNotThrowAnyException();
      }
    }
    assertThatCode(() -> AnalysisCheck.check(engine.analyze(TestChains.fourContracts())))
        .doesNotThrowAnyException();
  }

  @Test
  void check_realSpxAndNdxChains_passAndTheirJsonIsFarBelowTheDefaultLimit() {
    GexEngine engine = GexEngine.builder().build();
    for (String file : new String[] {"cboe-spx-2022-12-12.csv", "cboe-ndx-2022-12-12.csv"}) {
      OptionChain chain = ChainSources.discover().load("cboe-csv", SourceRequest.of(dataFile(file)));
      GexAnalysis a = engine.analyze(chain);
      assertThatCode(() -> AnalysisCheck.check(a, GexCacheKey.of(chain, engine.settings())))
          .as(file)
          .doesNotThrowAnyException();
      assertThat(GexJson.toBytes(a).length)
          .as("JSON bytes of %s", file)
          .isLessThan(RedisCacheConfig.DEFAULT_MAX_ENTRY_BYTES / 32);
    }
  }

  @Test
  void check_tamperedFigures_throwNamingTheFieldAndValue() {
    double strike0 = ANALYSIS.exposures().byStrike().strikes().get(0);
    assertThat(ANALYSIS.callWall()).isPresent();
    assertThat(ANALYSIS.putWall()).isPresent();

    // NaN and Infinity: the analysis record itself refuses them, so they never decode.
    assertUndecodable(t -> t.put("totalGex", "NaN"), "totalGex must be finite, was NaN");
    assertUndecodable(t -> t.put("callGex", "Infinity"), "callGex must be finite, was Infinity");
    assertUndecodable(t -> t.put("spot", "-Infinity"), "spot must be finite, was -Infinity");
    assertRejected(t -> t.put("callWall", -1), "invalid callWall: -1.0");
    assertRejected(t -> t.put("putWall", strike0 + 0.5), "invalid putWall: " + (strike0 + 0.5) + " is not a listed strike");
    assertRejected(t -> t.put("callWall", strike0), "invalid callWall: " + strike0 + " is below spot");
    // The derived figures of the stored form must agree with what the analysis derives.
    assertUndecodable(
        t -> t.put("regime", ANALYSIS.totalGex() > 0 ? "NEGATIVE" : "POSITIVE"),
        "is not the sign of totalGex");
    assertUndecodable(
        t -> t.put("totalGex", ANALYSIS.totalGex() * 2 + 1),
        "totalGex " + (ANALYSIS.totalGex() * 2 + 1) + " is not the sum callGex + putGex");
    assertUndecodable(
        t -> array(t, "byStrike", "netGex").set(3, "NaN"),
        "byStrike.netGex[3] must be finite, was NaN");
    assertUndecodable(
        t -> ((ArrayNode) t.get("profiles").get(0).get("totalGex")).set(0, "Infinity"),
        "profiles[0].totalGex[0] must be finite, was Infinity");
    assertUndecodable(
        t -> array(t, "heatmap", "netGex").set(0, "-Infinity"),
        "heatmap.netGex[0] must be finite, was -Infinity");
    assertRejected(
        t -> array(t, "byStrike", "strikes").set(0, -1.0),
        "invalid byStrike.strikes[0]: -1.0");
    assertRejected(t -> t.put("strikeZeroGamma", 0.0), "invalid strikeZeroGamma: 0.0");
  }

  @Test
  void check_anotherKeysAnalysis_throws() {
    GexCacheKey other = GexCacheKey.of(RedisTestSupport.chainAt(5, 200), ANALYSIS.settings());
    assertThatThrownBy(() -> AnalysisCheck.check(ANALYSIS, other))
        .isInstanceOf(GexException.class)
        .hasMessageContaining("holds SPX@" + ANALYSIS.valuationTime());
  }

  private static ArrayNode array(ObjectNode tree, String object, String field) {
    return (ArrayNode) tree.get(object).get(field);
  }

  private static void assertUndecodable(Consumer<ObjectNode> change, String message) {
    assertThatThrownBy(() -> tampered(ANALYSIS, change))
        .isInstanceOf(GexException.class)
        .hasMessageContaining(message);
  }

  private static void assertRejected(Consumer<ObjectNode> change, String message) {
    GexAnalysis bad = tampered(ANALYSIS, change);
    assertThatThrownBy(() -> AnalysisCheck.check(bad)).isInstanceOf(GexException.class).hasMessageContaining(message);
  }

  static Path dataFile(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("data").resolve(name);
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("data/" + name + " not found above " + Path.of("").toAbsolutePath());
  }
}
