package io.gex.examples.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.gex.GexAnalysis;
import io.gex.GexEngine;
import io.gex.alerts.AlertEngine;
import io.gex.alerts.AlertEvaluation;
import io.gex.alerts.AlertRule;
import io.gex.alerts.AlertSettings;
import io.gex.alerts.AlertSeverity;
import io.gex.alerts.GexAlert;
import io.gex.analysis.GammaProfile;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.chain.OptionRight;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The example plugin rule: found by the alert engine's default discovery (its META-INF/services file on
 * the class path, as a third-party plugin jar would be), and raising on a crafted pair of analyses whose
 * zero-gamma level moved.
 */
class ZeroGammaShiftRuleTest {

  private static final Instant BEFORE = Instant.parse("2022-12-12T15:00:00Z");
  private static final Instant AFTER = Instant.parse("2022-12-12T16:00:00Z");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2022-12-12T16:01:00Z"), ZoneOffset.UTC);

  private static GexAnalysis base;

  /** A small synthetic chain (spot 4000, strikes 3600 to 4400, three expiries), analysed once. */
  @BeforeAll
  static void analyse() {
    List<OptionContract> contracts = new ArrayList<>();
    LocalDate[] expiries = {LocalDate.of(2022, 12, 16), LocalDate.of(2022, 12, 30), LocalDate.of(2023, 1, 20)};
    for (LocalDate expiry : expiries) {
      for (int k = 3600; k <= 4400; k += 50) {
        double iv = 0.20 + 0.3 * (4000.0 - k) / 4000.0;
        contracts.add(OptionContract.of("SPXW", expiry, OptionRight.CALL, k, k >= 4000 ? 3000 : 500, iv));
        contracts.add(OptionContract.of("SPXW", expiry, OptionRight.PUT, k, k <= 4000 ? 4000 : 500, iv));
      }
    }
    OptionChain chain = OptionChain.of("SPX", 4000.0, AFTER, contracts);
    base = GexEngine.builder().clock(CLOCK).build().analyze(chain);
  }

  /**
   * The analysis with another zero-gamma level (its all-expiries profile's, from which the analysis derives
   * it) and valuation time: the "crafted" snapshots.
   */
  static GexAnalysis with(double zeroGamma, Instant valuationTime) {
    GexAnalysis a = base;
    GexAnalysis.Provenance p = a.provenance();
    List<GammaProfile> profiles = new ArrayList<>(a.profiles().all());
    GammaProfile all = profiles.get(0);
    profiles.set(
        0,
        new GammaProfile(
            all.scope(),
            all.excludedExpiry(),
            all.spots(),
            all.totalGex(),
            all.crossings(),
            OptionalDouble.of(zeroGamma)));
    return new GexAnalysis(
        new GexAnalysis.Provenance(
            p.symbol(), p.spot(), valuationTime, p.analyzedAt(), p.settings(), p.positions()),
        a.exposures(),
        a.greeks(),
        new GexAnalysis.Profiles(profiles),
        a.pinRisk(),
        a.dealer(),
        a.coverage());
  }

  /** The default engine (discovery on), with rules on the calling thread and a generous budget. */
  static AlertEngine.Builder engine() {
    return AlertEngine.builder()
        .logAlerts(false)
        .executor(Runnable::run)
        .clock(CLOCK)
        .settings(AlertSettings.builder().ruleTimeout(Duration.ofSeconds(30)).build());
  }

  @Test
  void discovery_defaultBuilder_findsThePluginById() {
    AlertEngine alerts = AlertEngine.builder().logAlerts(false).build();

    assertThat(alerts.rules()).anySatisfy(r -> assertThat(r).isInstanceOf(ZeroGammaShiftRule.class));
    assertThat(alerts.activeRuleIds()).contains(ZeroGammaShiftRule.ID, "gamma-flip-proximity");
    assertThat(alerts.setupProblems()).isEmpty();
    assertThat(alerts.ruleSettings(ZeroGammaShiftRule.ID).getDouble("shift-percent")).isEqualTo(0.5);
  }

  @Test
  void evaluate_flipMovedTwoPercentUp_raisesHigh() {
    AlertEvaluation result = engine().build().evaluate(with(4080, AFTER), Optional.of(with(4000, BEFORE)));

    List<GexAlert> raised = result.raisedBy(ZeroGammaShiftRule.ID);
    assertThat(raised).hasSize(1);
    GexAlert alert = raised.get(0);
    assertThat(alert.severity()).isEqualTo(AlertSeverity.HIGH);
    assertThat(alert.key()).isEqualTo("zero-gamma-shift:up");
    assertThat(alert.symbol()).isEqualTo("SPX");
    assertThat(alert.figure("shiftPoints")).isEqualTo(80.0);
    assertThat(alert.figure("shiftPercent")).isCloseTo(2.0, within(1e-12));
    assertThat(alert.message())
        .isEqualTo(
            "SPX zero gamma moved up 80.00 points (2.00% of spot) from 4000.00 to 4080.00 since"
                + " 2022-12-12T15:00:00Z");
    assertThat(result.failuresOf(ZeroGammaShiftRule.ID)).isEmpty();
  }

  @Test
  void evaluate_flipMovedOnePercentDown_raisesMedium() {
    AlertEvaluation result = engine().build().evaluate(with(3960, AFTER), Optional.of(with(4000, BEFORE)));

    GexAlert alert = result.raisedBy(ZeroGammaShiftRule.ID).get(0);
    assertThat(alert.severity()).isEqualTo(AlertSeverity.MEDIUM);
    assertThat(alert.key()).isEqualTo("zero-gamma-shift:down");
    assertThat(alert.figure("shiftPoints")).isEqualTo(-40.0);
    assertThat(alert.figure("shiftPercent")).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void evaluate_smallShiftOrNoPrevious_raisesNothing() {
    AlertEngine alerts = engine().build();

    assertThat(alerts.evaluate(with(4010, AFTER), Optional.of(with(4000, BEFORE))).raisedBy(ZeroGammaShiftRule.ID))
        .as("0.25%% is below the 0.5%% default")
        .isEmpty();
    assertThat(engine().build().evaluate(with(4080, AFTER), Optional.empty()).raisedBy(ZeroGammaShiftRule.ID))
        .isEmpty();
  }

  @Test
  void evaluate_lowerThresholdSetting_raisesOnSmallShift() {
    AlertSettings settings =
        AlertSettings.builder()
            .ruleTimeout(Duration.ofSeconds(30))
            .set(ZeroGammaShiftRule.ID, "shift-percent", 0.2)
            .build();

    AlertEvaluation result =
        engine().settings(settings).build().evaluate(with(4010, AFTER), Optional.of(with(4000, BEFORE)));

    assertThat(result.raisedBy(ZeroGammaShiftRule.ID))
        .singleElement()
        .satisfies(a -> assertThat(a.severity()).isEqualTo(AlertSeverity.MEDIUM));
  }

  @Test
  void build_highThresholdBelowMedium_isRejected() {
    AlertSettings settings =
        AlertSettings.builder()
            .set(ZeroGammaShiftRule.ID, "shift-percent", 2.0)
            .set(ZeroGammaShiftRule.ID, "high-shift-percent", 1.0)
            .build();

    assertThatThrownBy(() -> engine().settings(settings).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(
            "gex.alerts.example.zero-gamma-shift.high-shift-percent=1.0 must not be below"
                + " gex.alerts.example.zero-gamma-shift.shift-percent=2.0");
  }

  @Test
  void moduleInfo_providesTheRule_likeTheServicesFile() throws Exception {
    Path classes =
        Path.of(ZeroGammaShiftRule.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    ModuleDescriptor descriptor = ModuleFinder.of(classes).find("io.gex.examples").orElseThrow().descriptor();
    List<String> provided =
        descriptor.provides().stream()
            .filter(p -> p.service().equals(AlertRule.class.getName()))
            .flatMap(p -> p.providers().stream())
            .toList();
    List<String> services =
        Files.readAllLines(
                classes.resolve("META-INF/services/" + AlertRule.class.getName()), StandardCharsets.UTF_8)
            .stream()
            .map(String::trim)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .toList();

    assertThat(provided).containsExactly(ZeroGammaShiftRule.class.getName());
    assertThat(services).containsExactly(ZeroGammaShiftRule.class.getName());
  }
}
