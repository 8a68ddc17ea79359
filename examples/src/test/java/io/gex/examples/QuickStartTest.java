package io.gex.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/** Runs {@link QuickStart#main} on the bundled SPX snapshot; its output is {@code golden/quickstart.txt}. */
class QuickStartTest {

  @Test
  @ResourceLock(Resources.SYSTEM_OUT)
  void main_spxSnapshot_printsHeadlineLevels() throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream original = System.out;
    try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
      System.setOut(capture);
      QuickStart.main(new String[] {"../data/cboe-spx-2022-12-12.csv"});
    } finally {
      System.setOut(original);
    }
    String out = buffer.toString(StandardCharsets.UTF_8);

    assertThat(out)
        .contains("SPX spot 3990.56, 18832 contracts")
        .contains("total GEX  -3.39 $bn per 1% move (NEGATIVE)")
        .contains("zero gamma 4007.95")
        .contains("call wall  4000.00")
        .contains("put wall   3950.00");
    Golden.check("quickstart.txt", out.replace(System.lineSeparator(), "\n"));
  }
}
