package io.gex.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuleSettingsTest {

  private static final AlertRule DECLARING =
      new AlertRule() {
        @Override
        public List<GexAlert> evaluate(
            io.gex.GexAnalysis c, Optional<io.gex.GexAnalysis> p, RuleSettings s) {
          return List.of();
        }

        @Override
        public String id() {
          return "demo";
        }

        @Override
        public List<RuleParameter> parameters() {
          return List.of(
              RuleParameter.decimal("level", 1.5, 0, 10, "a level"),
              RuleParameter.integer("count", 3, 1, 5, "a count"),
              RuleParameter.duration("window", Duration.ofMinutes(5), "a window"),
              RuleParameter.flag("strict", false, "a flag"),
              RuleParameter.text("label", "none", "a label"));
        }
      };

  @Test
  void getters_returnSetValueElseDeclaredDefault() {
    RuleSettings defaults = RuleSettings.forRule(DECLARING, Map.of());
    assertThat(defaults.getDouble("level")).isEqualTo(1.5);
    assertThat(defaults.getLong("count")).isEqualTo(3);
    assertThat(defaults.getInt("count")).isEqualTo(3);
    assertThat(defaults.getDuration("window")).isEqualTo(Duration.ofMinutes(5));
    assertThat(defaults.getBoolean("strict")).isFalse();
    assertThat(defaults.getString("label")).isEqualTo("none");
    assertThat(defaults.enabled()).isTrue();
    assertThat(defaults.cooldown()).isEqualTo(Duration.ofMinutes(15));

    RuleSettings set =
        RuleSettings.forRule(
            DECLARING,
            Map.of("level", "9.75", "count", "5", "window", "PT1H", "strict", "TRUE", "label", "x"));
    assertThat(set.getDouble("level")).isEqualTo(9.75);
    assertThat(set.getLong("count")).isEqualTo(5);
    assertThat(set.getDuration("window")).isEqualTo(Duration.ofHours(1));
    assertThat(set.getBoolean("strict")).isTrue();
    assertThat(set.getString("label")).isEqualTo("x");
    assertThat(set.values()).hasSize(5);
  }

  @Test
  void getters_undeclaredName_useTheFallback_orThrowWithoutOne() {
    RuleSettings s = RuleSettings.forRule(DECLARING, Map.of());
    assertThat(s.getDouble("other", 4.0)).isEqualTo(4.0);
    assertThat(s.getDuration("other", Duration.ZERO)).isEqualTo(Duration.ZERO);
    assertThatThrownBy(() -> s.getDouble("other"))
        .hasMessageStartingWith("gex.alerts.demo.other is not set and rule 'demo' declares no default for it");
  }

  @Test
  void forRule_rangeBoundaries_inclusive() {
    assertThat(RuleSettings.forRule(DECLARING, Map.of("level", "0")).getDouble("level")).isEqualTo(0.0);
    assertThat(RuleSettings.forRule(DECLARING, Map.of("level", "10")).getDouble("level")).isEqualTo(10.0);
    assertThatThrownBy(() -> RuleSettings.forRule(DECLARING, Map.of("level", "10.000001")))
        .hasMessage("gex.alerts.demo.level=10.000001: must be in [0, 10], was 10.000001");
    assertThatThrownBy(() -> RuleSettings.forRule(DECLARING, Map.of("count", "0")))
        .hasMessage("gex.alerts.demo.count=0: must be in [1, 5], was 0");
    assertThatThrownBy(() -> RuleSettings.forRule(DECLARING, Map.of("level", "NaN")))
        .hasMessage("gex.alerts.demo.level=NaN: expected a finite number, was 'NaN'");
  }

  @Test
  void forRule_listsEveryProblem() {
    assertThatThrownBy(
            () -> RuleSettings.forRule(DECLARING, Map.of("window", "5m", "strict", "maybe", "size", "1")))
        .hasMessageContaining("gex.alerts.demo.window=5m: expected an ISO-8601 duration")
        .hasMessageContaining("gex.alerts.demo.strict=maybe: expected true or false")
        .hasMessageContaining(
            "gex.alerts.demo.size=1: rule 'demo' has no setting 'size'; its settings are [enabled, cooldown,"
                + " level, count, window, strict, label]");
  }

  @Test
  void of_withoutDeclarations_parsesOnRead() {
    RuleSettings s = RuleSettings.of("x", Map.of("a", "1.25", "b", "oops"));
    assertThat(s.getDouble("a")).isEqualTo(1.25);
    assertThatThrownBy(() -> s.getDouble("b")).hasMessage("gex.alerts.x.b=oops: expected a finite decimal number");
  }

  @Test
  void ruleParameter_invalidDeclarations_rejected() {
    assertThatThrownBy(() -> RuleParameter.decimal("Level", 1, 0, 2, ""))
        .hasMessage("name must be lower-case letters, digits and '-', was 'Level'");
    assertThatThrownBy(() -> RuleParameter.decimal("cooldown", 1, 0, 2, ""))
        .hasMessageContaining("reserved");
    assertThatThrownBy(() -> RuleParameter.decimal("level", 3, 0, 2, ""))
        .hasMessage("defaultValue of level must be in [0, 2], was 3.0");
    assertThatThrownBy(() -> RuleParameter.decimal("level", 1, 2, 0, ""))
        .hasMessage("min must be <= max, were 2.0 and 0.0");
  }
}
