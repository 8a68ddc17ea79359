package io.gex.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.gex.GexAnalysis;
import io.gex.alerts.AlertSeverity;
import io.gex.alerts.AnalysisFixture;
import io.gex.alerts.GexAlert;
import io.gex.alerts.RuleSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WallBreachRuleTest {

  private final WallBreachRule rule = new WallBreachRule();
  private final RuleSettings defaults = RuleSettings.forRule(rule, Map.of());
  private final GexAnalysis before =
      AnalysisFixture.spot(4050).callWall(4100).putWall(3950).build();

  private List<GexAlert> moveTo(double spot, RuleSettings settings) {
    // The current analysis's own walls moved (as they do after a breach); the rule uses the previous ones.
    GexAnalysis now = AnalysisFixture.spot(spot).callWall(4200).putWall(3900)
        .at(AnalysisFixture.T0.plusSeconds(300)).build();
    return rule.evaluate(now, Optional.of(before), settings);
  }

  @Test
  void callWall_justBelowAndTouching_raisesNothing() {
    assertThat(moveTo(4099.9, defaults)).isEmpty();
    assertThat(moveTo(4100, defaults)).isEmpty();
  }

  @Test
  void callWall_crossed_raisesMedium() {
    assertThat(moveTo(4100.1, defaults)).singleElement().satisfies(a -> {
      assertThat(a.type()).isEqualTo("wall-breach.call");
      assertThat(a.key()).isEqualTo("call-wall:4100");
      assertThat(a.severity()).isEqualTo(AlertSeverity.MEDIUM);
      assertThat(a.figure("wall")).isEqualTo(4100.0);
      assertThat(a.figure("previousSpot")).isEqualTo(4050.0);
      assertThat(a.message()).isEqualTo(
          "SPX spot 4,100.10 broke above the call wall 4,100 by 0.10 points (0.00%); previous spot 4,050.00");
    });
  }

  @Test
  void putWall_touchingThenCrossed_raisesHigh() {
    assertThat(moveTo(3950.1, defaults)).isEmpty();
    assertThat(moveTo(3950, defaults)).isEmpty();
    assertThat(moveTo(3930.25, defaults)).singleElement().satisfies(a -> {
      assertThat(a.type()).isEqualTo("wall-breach.put");
      assertThat(a.key()).isEqualTo("put-wall:3950");
      assertThat(a.severity()).isEqualTo(AlertSeverity.HIGH);
      assertThat(a.figure("beyondPercent")).isEqualTo(0.5);
    });
  }

  @Test
  void buffer_spotMustBeBeyondWallByThePercentage() {
    RuleSettings onePercent = RuleSettings.forRule(rule, Map.of("buffer-percent", "1"));
    assertThat(moveTo(4140, onePercent)).isEmpty(); // 0.98% beyond
    assertThat(moveTo(4141.5, onePercent)).extracting(GexAlert::key).containsExactly("call-wall:4100");
    assertThat(moveTo(3911, onePercent)).isEmpty(); // 0.99% below
    assertThat(moveTo(3910, onePercent)).extracting(GexAlert::key).containsExactly("put-wall:3950");
  }

  @Test
  void noPrevious_orPreviousWithoutWalls_raisesNothing() {
    GexAnalysis now = AnalysisFixture.spot(5000).build();
    assertThat(rule.evaluate(now, Optional.empty(), defaults)).isEmpty();
    GexAnalysis wallLess = AnalysisFixture.spot(4050).build();
    assertThat(rule.evaluate(now, Optional.of(wallLess), defaults)).isEmpty();
  }

  @Test
  void spotAlreadyBeyondTheWallBefore_isNotANewBreach() {
    GexAnalysis above = AnalysisFixture.spot(4120).callWall(4100).build();
    GexAnalysis now = AnalysisFixture.spot(4130).build();
    assertThat(rule.evaluate(now, Optional.of(above), defaults)).isEmpty();
  }
}
