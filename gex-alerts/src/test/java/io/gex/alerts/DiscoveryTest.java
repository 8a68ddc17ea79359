package io.gex.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import io.gex.GexAnalysis;
import io.gex.alerts.rules.DealerShortGammaRule;
import io.gex.alerts.rules.GammaFlipProximityRule;
import io.gex.alerts.rules.GexConcentrationRule;
import io.gex.alerts.rules.PinRiskRule;
import io.gex.alerts.rules.RegimeChangeRule;
import io.gex.alerts.rules.WallBreachRule;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule and listener discovery with no plugin, the built-ins, one plugin, two with one id, broken ones. */
class DiscoveryTest {

  private static final List<String> BUILT_INS =
      List.of(
          GammaFlipProximityRule.ID,
          GexConcentrationRule.ID,
          PinRiskRule.ID,
          RegimeChangeRule.ID,
          DealerShortGammaRule.ID,
          WallBreachRule.ID);

  @TempDir Path dir;

  /** Two discovered rules with the same id; A is listed first. */
  public static final class TwinRuleA implements AlertRule {
    public TwinRuleA() {}

    @Override
    public List<GexAlert> evaluate(GexAnalysis c, Optional<GexAnalysis> p, RuleSettings s) {
      return List.of(GexAlert.builder("twin", c).severity(AlertSeverity.LOW).message("twin A").build());
    }

    @Override
    public String id() {
      return "twin";
    }
  }

  public static final class TwinRuleB implements AlertRule {
    public TwinRuleB() {}

    @Override
    public List<GexAlert> evaluate(GexAnalysis c, Optional<GexAnalysis> p, RuleSettings s) {
      return List.of(GexAlert.builder("twin", c).severity(AlertSeverity.LOW).message("twin B").build());
    }

    @Override
    public String id() {
      return "twin";
    }
  }

  /** A plugin whose constructor throws. */
  public static final class ExplodingRule implements AlertRule {
    public ExplodingRule() {
      throw new IllegalStateException("licence file missing");
    }

    @Override
    public List<GexAlert> evaluate(GexAnalysis c, Optional<GexAnalysis> p, RuleSettings s) {
      return List.of();
    }
  }

  /** A discovered listener. */
  public static final class FoundListener implements AlertListener {
    final List<GexAlert> alerts = new CopyOnWriteArrayList<>();

    public FoundListener() {}

    @Override
    public void onAlert(GexAlert alert) {
      alerts.add(alert);
    }

    @Override
    public String id() {
      return "found";
    }
  }

  private ClassLoader withServices(String spi, String... lines) throws IOException {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.write(services.resolve(spi), List.of(lines), StandardCharsets.UTF_8);
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, DiscoveryTest.class.getClassLoader());
  }

  private static List<String> ids(AlertEngine engine) {
    return engine.rules().stream().map(AlertRule::id).toList();
  }

  @Test
  void defaultEngine_findsTheSixBuiltInsAndTheClassPathPlugin() {
    AlertEngine engine = AlertEngine.builder().build();
    assertThat(ids(engine)).containsAll(BUILT_INS).contains("acme.put-dominance").hasSize(7);
    assertThat(engine.activeRuleIds()).hasSize(7);
    assertThat(engine.setupProblems()).isEmpty();
    assertThat(engine.listeners()).singleElement().isInstanceOf(LoggingAlertListener.class);
  }

  @Test
  void noPluginAtAll_engineHasNoRules_andEvaluatesToNothing() {
    ClassLoader empty = new URLClassLoader(new URL[0], null);
    AlertEngine engine = AlertEngine.builder().classLoader(empty).build();
    assertThat(engine.rules()).isEmpty();
    assertThat(engine.setupProblems()).isEmpty();
    AlertEvaluation e = engine.evaluate(AnalysisFixture.spot(4000).zeroGamma(4000).build());
    assertThat(e.rulesEvaluated()).isEmpty();
    assertThat(e.raised()).isEmpty();
    assertThat(e.failures()).isEmpty();
  }

  @Test
  void discoveryOff_onlyExplicitRules() {
    AlertEngine engine =
        AlertEngine.builder().discoverRules(false).rule(new RegimeChangeRule()).build();
    assertThat(ids(engine)).containsExactly("regime-change");
  }

  @Test
  void twoDiscoveredPluginsWithOneId_firstKept_andReported() throws IOException {
    ClassLoader loader =
        withServices(
            "io.gex.alerts.AlertRule",
            "io.gex.alerts.DiscoveryTest$TwinRuleA",
            "io.gex.alerts.DiscoveryTest$TwinRuleB");
    AlertEngine engine =
        AlertEngine.builder().classLoader(loader).logAlerts(false).executor(Runnable::run).ticker(() -> 0L).build();
    assertThat(engine.rules()).filteredOn(r -> r.id().equals("twin")).singleElement()
        .isInstanceOf(TwinRuleA.class);
    assertThat(engine.setupProblems()).singleElement().satisfies(p -> {
      assertThat(p.reason()).isEqualTo(AlertFailure.Reason.DUPLICATE_ID);
      assertThat(p.source()).isEqualTo("twin");
      assertThat(p.message()).isEqualTo(
          "several AlertRules have the id 'twin': [io.gex.alerts.DiscoveryTest$TwinRuleA,"
              + " io.gex.alerts.DiscoveryTest$TwinRuleB]; the first is used");
    });
    assertThat(engine.evaluate(AnalysisFixture.spot(4000).build()).raisedBy("twin"))
        .extracting(GexAlert::message).containsExactly("twin A");
  }

  @Test
  void explicitRuleWithABuiltInsId_winsOverTheDiscoveredOne_andIsReported() {
    AlertRule mine = TestRules.always(GammaFlipProximityRule.ID, AlertSeverity.CRITICAL);
    AlertEngine engine = AlertEngine.builder().rule(mine).logAlerts(false).executor(Runnable::run).ticker(() -> 0L).build();
    assertThat(engine.rules().get(0)).isSameAs(mine);
    assertThat(engine.rules()).filteredOn(r -> r.id().equals(GammaFlipProximityRule.ID)).hasSize(1);
    assertThat(engine.setupProblems()).singleElement().satisfies(p -> {
      assertThat(p.reason()).isEqualTo(AlertFailure.Reason.DUPLICATE_ID);
      assertThat(p.message()).contains(mine.getClass().getName())
          .contains("io.gex.alerts.rules.GammaFlipProximityRule");
    });
    AlertEvaluation e = engine.evaluate(AnalysisFixture.spot(4000).build());
    assertThat(e.raisedBy(GammaFlipProximityRule.ID)).extracting(GexAlert::severity)
        .containsExactly(AlertSeverity.CRITICAL);
  }

  @Test
  void brokenPlugins_areReported_andTheRestStillWork() throws IOException {
    ClassLoader loader =
        withServices(
            "io.gex.alerts.AlertRule",
            "io.gex.alerts.DiscoveryTest$ExplodingRule",
            "com.acme.DoesNotExist",
            "io.gex.alerts.DiscoveryTest$TwinRuleB");
    AlertEngine engine = AlertEngine.builder().classLoader(loader).logAlerts(false).build();
    assertThat(engine.setupProblems()).hasSize(2)
        .allSatisfy(p -> assertThat(p.reason()).isEqualTo(AlertFailure.Reason.LOAD_FAILED));
    assertThat(engine.setupProblems()).anySatisfy(p ->
        assertThat(p.source()).isEqualTo("io.gex.alerts.DiscoveryTest$ExplodingRule"));
    assertThat(engine.setupProblems()).anySatisfy(p ->
        assertThat(p.source()).isEqualTo("com.acme.DoesNotExist"));
    assertThat(ids(engine)).containsAll(BUILT_INS).contains("twin", "acme.put-dominance").hasSize(8);
  }

  @Test
  void discoveredListener_isToldOfRaisedAlerts() throws IOException {
    ClassLoader loader =
        withServices("io.gex.alerts.AlertListener", "io.gex.alerts.DiscoveryTest$FoundListener");
    AlertEngine engine =
        AlertEngine.builder()
            .classLoader(loader)
            .discoverRules(false)
            .rule(TestRules.always("a", AlertSeverity.MEDIUM))
            .executor(Runnable::run).ticker(() -> 0L)
            .build();
    assertThat(engine.listeners()).hasSize(2);
    assertThat(engine.listeners().get(0)).isInstanceOf(LoggingAlertListener.class);
    FoundListener found = (FoundListener) engine.listeners().get(1);
    engine.evaluate(AnalysisFixture.spot(4000).build());
    assertThat(found.alerts).extracting(GexAlert::message).containsExactly("a fired");
  }
}
