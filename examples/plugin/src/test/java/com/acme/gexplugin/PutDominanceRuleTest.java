package com.acme.gexplugin;

import static org.assertj.core.api.Assertions.assertThat;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.alerts.AlertEngine;
import io.gex.alerts.AlertEvaluation;
import io.gex.alerts.AlertSettings;
import io.gex.alerts.AlertSeverity;
import io.gex.alerts.GexAlert;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.chain.OptionRight;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's plugin, as a user gets it: discovered by the alert engine, configured by the README's
 * properties file, and shown verbatim in the README.
 */
class PutDominanceRuleTest {

  private static final Instant NOW = Instant.parse("2024-03-01T20:00:00Z");
  private static final LocalDate EXPIRY = LocalDate.of(2024, 3, 28);

  /** One call and one put at 4000 (equal gamma), open interest as given. */
  private static GexAnalysis analysis(long callOpenInterest, long putOpenInterest) {
    return GexEngine.builder()
        .build()
        .analyze(
            OptionChain.of(
                "SPX",
                4000,
                NOW,
                List.of(
                    OptionContract.of("SPXW", EXPIRY, OptionRight.CALL, 4000, callOpenInterest, 0.2),
                    OptionContract.of("SPXW", EXPIRY, OptionRight.PUT, 4000, putOpenInterest, 0.2))));
  }

  private static AlertEngine engine() {
    return AlertEngine.builder().settings(AlertSettings.load(Path.of("alerts.properties"))).build();
  }

  @Test
  void discoveredRule_withTheReadmeSettings_raisesMediumAtTwoThirdsPuts() {
    AlertEvaluation result = engine().evaluate(analysis(1000, 2000));
    assertThat(result.rulesEvaluated()).contains(PutDominanceRule.ID);
    assertThat(result.failures()).isEmpty();
    List<GexAlert> raised = result.raisedBy(PutDominanceRule.ID);
    assertThat(raised).hasSize(1);
    assertThat(raised.get(0).severity()).isEqualTo(AlertSeverity.MEDIUM);
    assertThat(raised.get(0).message()).isEqualTo("SPX puts hold 66.7% of gross GEX");
    assertThat(raised.get(0).figures().get("putShare")).isCloseTo(2.0 / 3, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void discoveredRule_callsDominate_raisesNothing() {
    // The README's file sets share=0.5: a put share of 1/3 stays below it.
    assertThat(engine().evaluate(analysis(2000, 1000)).raisedBy(PutDominanceRule.ID)).isEmpty();
  }

  @Test
  void rule_ninetyFivePercentPuts_isHigh() {
    List<GexAlert> raised = engine().evaluate(analysis(50, 950)).raisedBy(PutDominanceRule.ID);
    assertThat(raised).extracting(GexAlert::severity).containsExactly(AlertSeverity.HIGH);
  }

  @Test
  void readme_showsThisPluginsFilesVerbatim() throws IOException {
    String readme = Files.readString(Path.of("../../README.md"), StandardCharsets.UTF_8);
    String section = readme.substring(readme.indexOf("### Write your own rule"));
    section = section.substring(0, section.indexOf("\n## "));
    assertThat(blocks(section, "```java\n"))
        .contains(
            read("src/main/java/com/acme/gexplugin/PutDominanceRule.java"),
            read("src/main/java/module-info.java"));
    assertThat(blocks(section, "```properties\n")).contains(read("alerts.properties"));
    assertThat(blocks(section, "```xml\n").get(0))
        .contains("<artifactId>gex-alerts</artifactId>");
    assertThat(section)
        .contains("`src/main/resources/META-INF/services/io.gex.alerts.AlertRule`")
        .contains(read("src/main/resources/META-INF/services/io.gex.alerts.AlertRule").strip());
  }

  private static String read(String file) throws IOException {
    return Files.readString(Path.of(file), StandardCharsets.UTF_8);
  }

  private static List<String> blocks(String text, String opening) {
    List<String> blocks = new java.util.ArrayList<>();
    for (int at = text.indexOf(opening); at >= 0; at = text.indexOf(opening, at)) {
      int start = at + opening.length();
      int end = text.indexOf("```", start);
      blocks.add(text.substring(start, end));
      at = end + 3;
    }
    return blocks;
  }
}
