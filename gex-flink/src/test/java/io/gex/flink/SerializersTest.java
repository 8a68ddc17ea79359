package io.gex.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gex.GexAnalysis;
import io.gex.alerts.AlertKey;
import io.gex.alerts.AlertSeverity;
import io.gex.alerts.AlertState;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.flink.internal.AlertKeySerializer;
import io.gex.flink.internal.AlertStateSerializer;
import io.gex.flink.internal.AnalysisSerializer;
import io.gex.json.GexJson;
import io.gex.live.MarketEvent;
import io.gex.spi.ChainSources;
import io.gex.spi.SourceRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class SerializersTest {

  private static final SyntheticMarket MARKET =
      new SyntheticMarket(2, 200, 80, 7, SyntheticMarket.DEFAULT_START);

  private static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(256);
    serializer.serialize(value, out);
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    T back = serializer.deserialize(in);
    assertThat(in.available()).as("bytes left over").isZero();
    // copy(source, target) moves the same bytes
    DataOutputSerializer copied = new DataOutputSerializer(256);
    serializer.copy(new DataInputDeserializer(out.getCopyOfBuffer()), copied);
    assertThat(copied.getCopyOfBuffer()).isEqualTo(out.getCopyOfBuffer());
    return back;
  }

  @Test
  void chainSerializer_syntheticChain_readsBackEqual() throws IOException {
    OptionChain chain = MARKET.chain(0);
    assertThat(roundTrip(ChainSerializer.INSTANCE, chain)).isEqualTo(chain);
  }

  @Test
  void eventSerializer_everyKindOfEvent_readsBackEqual() throws IOException {
    OptionChain chain = MARKET.chain(1);
    List<GexEvent> events = new ArrayList<>();
    events.add(GexEvent.snapshot(chain));
    for (MarketEvent e : MARKET.session(1, chain)) {
      events.add(GexEvent.market(chain.underlying(), e));
    }
    OptionContract c = chain.contracts().get(3);
    Instant t = Instant.parse("2022-12-16T15:00:00.123456789Z");
    events.add(GexEvent.market(chain.underlying(), new MarketEvent.Listed(t, c)));
    events.add(GexEvent.market(chain.underlying(), new MarketEvent.Delisted(t, c.symbol())));
    events.add(
        GexEvent.market(chain.underlying(), new MarketEvent.ContractField(t, c.symbol(), MarketEvent.Field.OI, 1234)));
    assertThat(events.stream().map(e -> e.event() == null ? "snapshot" : e.event().getClass().getSimpleName()).distinct())
        .contains("snapshot", "Spot", "ContractField", "Listed", "Delisted", "Clock");
    for (GexEvent e : events) {
      assertThat(roundTrip(GexEventSerializer.INSTANCE, e)).isEqualTo(e);
    }
  }

  @Test
  void eventSerializer_corruptTag_throwsIoException() {
    DataInputDeserializer in = new DataInputDeserializer(new byte[] {9, 0, 3, 'S', 'P', 'X', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
    assertThatThrownBy(() -> GexEventSerializer.INSTANCE.deserialize(in))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("tag 9");
  }

  @Test
  void eventJson_everyKindOfEvent_readsBackEqual() {
    OptionChain chain = MARKET.chain(0);
    OptionContract c = chain.contracts().get(5);
    Instant t = Instant.parse("2022-12-16T15:00:00.250Z");
    List<GexEvent> events =
        List.of(
            GexEvent.snapshot(chain),
            GexEvent.market("S00001", new MarketEvent.Spot(t, 51.25)),
            GexEvent.market("S00001", new MarketEvent.ContractField(t, c.symbol(), MarketEvent.Field.IV, 0.2215)),
            GexEvent.market("S00001", new MarketEvent.ContractField(t, c.symbol(), MarketEvent.Field.BID, 1.35)),
            GexEvent.market("S00001", new MarketEvent.Listed(t, c)),
            GexEvent.market("S00001", new MarketEvent.Delisted(t, c.symbol())),
            GexEvent.market("S00001", new MarketEvent.Clock(t)));
    for (GexEvent e : events) {
      assertThat(EventJson.read(EventJson.write(e))).isEqualTo(e);
    }
    assertThat(new String(EventJson.write(events.get(1)), java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo("{\"v\":1,\"type\":\"spot\",\"underlying\":\"S00001\",\"time\":\"2022-12-16T15:00:00.250Z\",\"value\":51.25}");
  }

  @Test
  void eventJson_badInput_namesTheKeyAndValue() {
    assertThatThrownBy(() -> EventJson.read("{\"v\":2,\"type\":\"spot\"}")).hasMessage("v must be 1, was 2");
    assertThatThrownBy(() -> EventJson.read("{\"v\":1,\"type\":\"spot\",\"underlying\":\"SPX\",\"time\":\"x\",\"value\":1}"))
        .hasMessageContaining("time must be an ISO-8601 instant, was \"x\"");
    assertThatThrownBy(() -> EventJson.read("{\"v\":1,\"type\":\"spot\",\"underlying\":\"SPX\",\"time\":\"2022-12-16T15:00:00Z\",\"value\":-1}"))
        .hasMessageContaining("-1.0");
    assertThatThrownBy(() -> EventJson.read("{\"v\":1,\"type\":\"trade\",\"underlying\":\"SPX\",\"time\":\"2022-12-16T15:00:00Z\"}"))
        .hasMessage("type 'trade' is not an event type");
  }

  @Test
  void alertStateSerializers_readBackEqual() throws IOException {
    AlertKey key = new AlertKey("wall-breach", "SPX", "call-wall:4000");
    assertThat(roundTrip(AlertKeySerializer.INSTANCE, key)).isEqualTo(key);
    Instant t = Instant.parse("2022-12-16T15:00:00.123456789Z");
    for (AlertSeverity severity : AlertSeverity.values()) {
      AlertState state = new AlertState(severity, t, t.plus(Duration.ofMinutes(15)));
      assertThat(roundTrip(AlertStateSerializer.INSTANCE, state)).isEqualTo(state);
    }
  }

  @Test
  void alertStateSerializer_unknownSeverity_throwsIoException() throws IOException {
    DataOutputSerializer out = new DataOutputSerializer(64);
    out.writeUTF("SEVERE");
    out.writeLong(0);
    out.writeInt(0);
    out.writeLong(60);
    out.writeInt(0);
    DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
    assertThatThrownBy(() -> AlertStateSerializer.INSTANCE.deserialize(in))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("SEVERE");
  }

  @Test
  void analysisSerializer_syntheticAnalysis_readsBackEqual() throws IOException {
    GexAnalysis a = GexJobSettings.DEFAULT.engine().analyze(MARKET.chain(0));
    assertThat(roundTrip(AnalysisSerializer.INSTANCE, a)).isEqualTo(a);
  }

  @Test
  void analysisSerializer_corruptInput_throwsIoException() throws IOException {
    GexAnalysis a = GexJobSettings.DEFAULT.engine().analyze(MARKET.chain(0));
    DataOutputSerializer out = new DataOutputSerializer(4096);
    AnalysisSerializer.INSTANCE.serialize(a, out);
    byte[] bytes = out.getCopyOfBuffer();
    int length = java.nio.ByteBuffer.wrap(bytes).getInt(0);

    byte[] longer = bytes.clone(); // announces one byte more than the JSON has
    java.nio.ByteBuffer.wrap(longer).putInt(0, length + 1);
    assertThatThrownBy(() -> AnalysisSerializer.INSTANCE.deserialize(new DataInputDeserializer(longer)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("ends after " + length + " of the " + (length + 1) + " bytes");

    byte[] shorter = bytes.clone(); // announces one byte less
    java.nio.ByteBuffer.wrap(shorter).putInt(0, length - 1);
    assertThatThrownBy(() -> AnalysisSerializer.INSTANCE.deserialize(new DataInputDeserializer(shorter)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("longer than the " + (length - 1) + " bytes");

    byte[] huge = bytes.clone();
    java.nio.ByteBuffer.wrap(huge).putInt(0, AnalysisSerializer.MAX_JSON_BYTES + 1);
    assertThatThrownBy(() -> AnalysisSerializer.INSTANCE.deserialize(new DataInputDeserializer(huge)))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("a JSON length of " + (AnalysisSerializer.MAX_JSON_BYTES + 1));

    byte[] garbled = bytes.clone(); // the deflated stream's header broken
    garbled[8] ^= (byte) 0xff;
    assertThatThrownBy(() -> AnalysisSerializer.INSTANCE.deserialize(new DataInputDeserializer(garbled)))
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("corrupt analysis");
  }

  /** The size of the previous analysis in keyed state for SPX (19,156 contracts): the README quotes it. */
  @Test
  void analysisSerializer_spx_aboutAThirdOfTheJson() throws IOException {
    Path file = Path.of("..", "data", "cboe-spx-2022-12-12.csv");
    OptionChain chain =
        ChainSources.builder().noSystemProperty().build().detect(file).load(SourceRequest.of(file));
    GexAnalysis a = GexJobSettings.DEFAULT.engine().analyze(chain);
    int json = GexJson.toBytes(a).length;
    DataOutputSerializer out = new DataOutputSerializer(1 << 20);
    AnalysisSerializer.INSTANCE.serialize(a, out);
    int state = out.length();
    // measured 2026-11-30: 702,274 bytes of JSON, 203,895 in state
    assertThat(json).isBetween(500_000, 900_000);
    assertThat(state).isBetween(json / 5, json / 2);
    assertThat(AnalysisSerializer.INSTANCE.deserialize(new DataInputDeserializer(out.getCopyOfBuffer())))
        .isEqualTo(a);
  }
}
