package io.gex.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.live.MarketEvent;
import java.io.IOException;
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
}
