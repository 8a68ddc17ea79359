package io.gex.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gex.flink.internal.Windows;
import io.gex.live.MarketEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay input, the conflation windows and the command line, without a cluster. */
class ReplayAndCliTest {

  @Test
  void replayFiles_bundledData_fourSnapshotsInTimeOrderAndTheReadmeLeftOut() {
    List<GexEvent> events = ReplayFiles.read(GexJobTest.DATA);
    assertThat(events).hasSize(4).allMatch(GexEvent::isSnapshot);
    assertThat(events).extracting(e -> e.underlying() + " " + e.time())
        .containsExactly(
            "RUT 2022-12-13T01:30:00Z",
            "SPX 2022-12-13T01:30:00Z",
            "NDX 2022-12-13T01:31:00Z",
            "RUT 2023-09-20T20:15:04Z");
  }

  @Test
  void replayFiles_tickFileWithoutSpotRows_isOfTheUnderlyingListingItsRoot(@TempDir Path dir) throws Exception {
    Files.copy(GexJobTest.DATA.resolve("cboe-spx-2022-12-12.csv"), dir.resolve("spx.csv"));
    Files.writeString(
        dir.resolve("ticks.csv"),
        "time,symbol,field,value\n"
            + "2022-12-13T01:30:01Z,SPXW221213C03990000,iv,0.61\n"
            + "2022-12-13T01:30:00Z,SPXW221213C03995000,bid,40.5\n".replace("01:30:00", "01:30:02"));
    List<GexEvent> events = ReplayFiles.read(dir);
    assertThat(events).hasSize(3);
    assertThat(events.get(0).isSnapshot()).isTrue();
    assertThat(events.subList(1, 3)).allMatch(e -> e.underlying().equals("SPX"));
    assertThat(events.get(1).event()).isInstanceOf(MarketEvent.ContractField.class);
    assertThat(events.get(2).time()).isEqualTo(Instant.parse("2022-12-13T01:30:02Z"));
  }

  @Test
  void replayFiles_badTickRow_namesFileLineFieldAndValue(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("ticks.csv"), "time,symbol,field,value\n2022-12-13T01:30:01Z,SPX,spot,-3\n");
    assertThatThrownBy(() -> ReplayFiles.read(dir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ticks.csv line 2")
        .hasMessageContaining("-3");
  }

  @Test
  void replayFiles_notADirectoryOrEmpty_throwsNamingIt(@TempDir Path dir) {
    assertThatThrownBy(() -> ReplayFiles.read(dir.resolve("missing")))
        .hasMessage("replay: " + dir.resolve("missing") + " is not a directory");
    assertThatThrownBy(() -> ReplayFiles.read(dir))
        .hasMessage("replay: " + dir + " holds no snapshot or tick file");
  }

  @Test
  void windows_everyMinute_alignedOnTheMinuteAndClosedByTheirLastMillisecond() {
    Duration m = Duration.ofMinutes(1);
    Instant t = Instant.parse("2022-12-16T14:30:59.999Z");
    assertThat(Windows.end(t, m)).isEqualTo(Instant.parse("2022-12-16T14:31:00Z"));
    assertThat(Windows.end(Instant.parse("2022-12-16T14:31:00Z"), m))
        .isEqualTo(Instant.parse("2022-12-16T14:32:00Z"));
    assertThat(Windows.timer(t, m)).isEqualTo(Instant.parse("2022-12-16T14:31:00Z").toEpochMilli() - 1);
    // 7 minutes do not divide a day: the last window is cut short at midnight UTC.
    assertThat(Windows.end(Instant.parse("2022-12-16T23:58:00Z"), Duration.ofMinutes(7)))
        .isEqualTo(Instant.parse("2022-12-17T00:00:00Z"));
  }

  @Test
  void windows_withoutEvery_eachInstantItsOwnWindow() {
    Instant t = Instant.parse("2022-12-16T14:30:00.000000500Z");
    assertThat(Windows.end(t, null)).isEqualTo(t.plusNanos(1));
    // Both a whole millisecond and one within it are closed by a timer at that millisecond.
    assertThat(Windows.timer(t, null)).isEqualTo(Instant.parse("2022-12-16T14:30:00Z").toEpochMilli());
    assertThat(Windows.timer(Instant.parse("2022-12-16T14:30:00Z"), null))
        .isEqualTo(Instant.parse("2022-12-16T14:30:00Z").toEpochMilli());
  }

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = GexJob.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new String[] {Integer.toString(exit), err.toString().strip()};
  }

  @Test
  void gexJob_badCommandLines_exitTwoNamingTheProblem() {
    assertThat(run("--out", "jsonl:x.jsonl"))
        .containsExactly("2", "gex-flink: give exactly one of --replay, --synthetic and --kafka");
    assertThat(run("--synthetic", "10", "--out", "jsonl:x.jsonl"))
        .containsExactly("2", "gex-flink: --synthetic must be N_UNDERLYINGS:EVENTS such as 100:1000, was '10'");
    assertThat(run("--synthetic", "10:10", "--out", "csv:x"))
        .containsExactly("2", "gex-flink: --out must be jsonl:PATH, postgres or kafka:TOPIC, was 'csv:x'");
    assertThat(run("--synthetic", "10:10", "--out", "jsonl:x", "--every", "0s")[1])
        .startsWith("gex-flink: --every must be a positive duration such as 500ms, 1s, 1m or PT1S, was '0s'");
    assertThat(run("--synthetic", "10:10", "--out", "jsonl:x", "--iv", "last"))
        .containsExactly("2", "gex-flink: --iv must be vendor, otm or mid, was last");
    assertThat(run("--kafka", "localhost:9092", "--out", "jsonl:x"))
        .containsExactly("2", "gex-flink: --kafka needs --topic");
    assertThat(run("--replay", "no-such-dir", "--out", "jsonl:x"))
        .containsExactly("2", "gex-flink: replay: no-such-dir is not a directory");
  }
}
