package io.gex.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A synthetic session fed through the live engine while the server runs. */
class SyntheticFeedTest {

  @Test
  void theSyntheticSessionMovesTheLatestAnalysis() throws Exception {
    Instant start = Instant.parse("2022-12-16T14:30:00Z");
    try (GexServer server =
        GexServer.builder()
            .port(0)
            .synthetic("spx")
            .syntheticSession(200, 7, start)
            .speed(2000) // the 6.75-hour session in about 12 s
            .build()
            .start()) {
      Http http = new Http(server.url(), null);
      JsonNode first = Http.json(http.get("/api/v1/gex/SPX"));
      assertThat(first.get("symbol").asText()).isEqualTo("SPX");
      assertThat(String.join("\n", server.describe())).contains("SPX (synthetic session of 200 events");
      JsonNode later = first;
      for (int i = 0; i < 300 && Instant.parse(later.get("valuationTime").asText()).equals(start); i++) {
        Thread.sleep(100);
        later = Http.json(http.get("/api/v1/gex/SPX"));
      }
      assertThat(Instant.parse(later.get("valuationTime").asText())).isAfter(start);
      String metrics = http.get("/metrics").body();
      assertThat(metrics).containsPattern("gex_live_events_total [1-9]");
      JsonNode history = Http.json(http.get("/api/v1/history/SPX?from=2022-12-16&to=2022-12-16"));
      assertThat(history.get("intraday").size()).isGreaterThan(1);
      // The first analysis is of the starting chain, before any event.
      assertThat(history.get("intraday").get(0).get("time").asText()).isEqualTo("2022-12-16T14:30:00Z");
      assertThat(history.get("daily").get(0).get("snapshots").asInt()).isGreaterThan(1).isLessThanOrEqualTo(history.get("intraday").size());
    }
  }
}
