package io.gex.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Runs {@link CpuTimeReport} on a small synthetic chain with no warm-up and checks the shape of what it
 * prints (no timing threshold: the figures are in {@code BENCHMARKS.md}), so that the report, which {@code
 * gex-bench/numpy-ratio.sh} reads, cannot rot.
 */
class CpuTimeReportTest {

  private static final Pattern STAGE = Pattern.compile("(\\w+) (\\d+)");

  @Test
  void report_printsEveryLine_andTheStagesInSequenceAddUpToTheirSum() {
    String out = run("60");
    List<String> lines = out.lines().toList();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).matches("60 \\(\\d+ contracts, \\d+ analysed\\): full \\d+ us \\| resolve .*");
    assertThat(lines.get(2)).startsWith("60 numpy's subset: ");
    assertThat(lines.get(3)).startsWith("60 live: spot tick + levels ");
    assertThat(lines.get(4)).startsWith("60 executor: full analysis alone ");

    // "60 in sequence: resolve 19 | measures 25 | ... | quality 2 (us of CPU ...; they add up to 166)"
    String sequence = lines.get(1);
    assertThat(sequence).startsWith("60 in sequence: resolve ");
    String stagesPart = sequence.substring("60 in sequence:".length(), sequence.indexOf(" (us of CPU"));
    List<String> names = new ArrayList<>();
    double sum = 0;
    for (String stage : stagesPart.split("\\|")) {
      Matcher m = STAGE.matcher(stage.trim());
      assertThat(m.matches()).as("stage '%s'", stage).isTrue();
      names.add(m.group(1));
      sum += Double.parseDouble(m.group(2));
    }
    assertThat(names)
        .containsExactly(
            "resolve", "measures", "exposures", "pinRisk", "dealer", "greeks", "profiles", "quality");
    Matcher total = Pattern.compile("they add up to (\\d+)\\)$").matcher(sequence);
    assertThat(total.find()).as(sequence).isTrue();
    // Each stage is printed rounded, the total from the unrounded medians: at most half a unit apart each.
    assertThat(Double.parseDouble(total.group(1))).isCloseTo(sum, within(names.size() * 0.5 + 0.5));
  }

  /** CpuTimeReport's output for one chain, with no warm-up and batches of about a millisecond. */
  private static String run(String chain) {
    String warmup = System.getProperty("warmup");
    String batch = System.getProperty("batchMillis");
    PrintStream console = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setProperty("warmup", "0");
      System.setProperty("batchMillis", "1");
      System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      CpuTimeReport.main(new String[] {chain});
    } finally {
      System.setOut(console);
      restore("warmup", warmup);
      restore("batchMillis", batch);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  private static void restore(String key, @Nullable String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }
}
