package io.gex.bench;

import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every headline benchmark for one short iteration in this JVM, with the smallest parameters, so the
 * module cannot rot: the benchmarks must compile, find their data, set up and produce a positive score.
 * There is deliberately no timing threshold here; the figures are in {@code BENCHMARKS.md}.
 */
class BenchmarkSmokeTest {

  private static Collection<RunResult> runOnce(Class<?> benchmark, String... params)
      throws RunnerException {
    ChainedOptionsBuilder options =
        new OptionsBuilder()
            .include("^" + benchmark.getName().replace(".", "\\.") + "\\.")
            .forks(0)
            .warmupIterations(0)
            .measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(100))
            .shouldFailOnError(true);
    for (int i = 0; i < params.length; i += 2) {
      options.param(params[i], params[i + 1]);
    }
    return new Runner(options.build()).run();
  }

  private static List<String> labels(Collection<RunResult> results) {
    List<String> labels = new ArrayList<>();
    for (RunResult result : results) {
      labels.add(
          result.getParams().getBenchmark().replaceFirst(".*\\.(\\w+\\.\\w+)$", "$1")
              + result.getParams().getParamsKeys().stream()
                  .map(k -> " " + k + "=" + result.getParams().getParam(k))
                  .reduce("", String::concat));
    }
    return labels;
  }

  private static void assertPositiveScores(Collection<RunResult> results) {
    for (RunResult result : results) {
      assertThat(result.getPrimaryResult().getScore())
          .as("score of %s", result.getParams().getBenchmark())
          .isPositive()
          .isFinite();
    }
  }

  @Test
  void fullAnalysis_smallestChain_runsAndScores() throws RunnerException {
    Collection<RunResult> results = runOnce(FullAnalysisBenchmark.class, "chain", "500");

    assertThat(labels(results))
        .containsExactlyInAnyOrder(
            "FullAnalysisBenchmark.analyze chain=500 executor=none",
            "FullAnalysisBenchmark.analyze chain=500 executor=commonPool");
    assertPositiveScores(results);
  }

  @Test
  void fullAnalysis_realSpxSnapshot_setsUpFromDataFolder() throws RunnerException {
    Collection<RunResult> results =
        runOnce(FullAnalysisBenchmark.class, "chain", BenchData.SPX, "executor", "none");

    assertThat(labels(results)).containsExactly("FullAnalysisBenchmark.analyze chain=spx executor=none");
    assertPositiveScores(results);
  }

  @Test
  void gammaProfile_smallestGrid_runsAndScores() throws RunnerException {
    Collection<RunResult> results =
        runOnce(GammaProfileBenchmark.class, "contracts", "500", "points", "51");

    assertThat(labels(results))
        .containsExactly("GammaProfileBenchmark.profile contracts=500 points=51");
    assertPositiveScores(results);
  }

  @Test
  void greeks_allFour_runAndScore() throws RunnerException {
    Collection<RunResult> results = runOnce(GreeksBenchmark.class);

    assertThat(labels(results))
        .containsExactlyInAnyOrder(
            "GreeksBenchmark.charm",
            "GreeksBenchmark.delta",
            "GreeksBenchmark.gamma",
            "GreeksBenchmark.vanna");
    assertPositiveScores(results);
  }

  @Test
  void maxPain_smallestChain_runsAndScores() throws RunnerException {
    Collection<RunResult> results = runOnce(MaxPainBenchmark.class, "chain", "500");

    assertThat(labels(results)).containsExactly("MaxPainBenchmark.pinRisk chain=500");
    assertPositiveScores(results);
  }

  @Test
  void parsing_bothFormats_runAndReportMegabytes() throws RunnerException {
    Collection<RunResult> results = runOnce(ParsingBenchmark.class);

    assertThat(labels(results))
        .containsExactlyInAnyOrder(
            "ParsingBenchmark.parse format=cboe-csv", "ParsingBenchmark.parse format=cboe-json");
    assertPositiveScores(results);
    for (RunResult result : results) {
      Result<?> megabytes = result.getSecondaryResults().get("megabytes");
      assertThat(megabytes).as("megabytes counter").isNotNull();
      assertThat(requireNonNull(megabytes).getScore()).isPositive();
      assertThat(megabytes.getScoreUnit()).isEqualTo("ops/s");
    }
  }
}
