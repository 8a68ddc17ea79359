package io.gex.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.gex.chain.OccSymbol;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.json.GexJson;
import io.gex.live.MarketEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;

/**
 * The JSON form of a {@link GexEvent}, version {@value #VERSION}: one object per Kafka record (or line).
 *
 * <pre>
 * {"v":1,"type":"snapshot","chain":{...}}                      the chain as gex-json writes it
 * {"v":1,"type":"spot","underlying":"SPX","time":"2022-12-12T15:30:00.250Z","value":3990.56}
 * {"v":1,"type":"bid","underlying":"SPX","time":"...","contract":"SPXW221212C04000000","value":1.35}
 *                                                             also "ask", "iv" (decimal), "oi" (contracts)
 * {"v":1,"type":"listed","underlying":"SPX","time":"...","contract":{...}}  the contract as gex-json writes it
 * {"v":1,"type":"delisted","underlying":"SPX","time":"...","contract":"SPXW221212C04000000"}
 * {"v":1,"type":"clock","underlying":"SPX","time":"..."}
 * </pre>
 *
 * <p>{@code v} is the format's version: a reader rejects a version it does not know. Later versions of
 * version 1 may add keys; readers ignore keys they do not know. Times are ISO-8601 instants. Values are
 * checked as the events check them ({@link MarketEvent}).
 *
 * <p>This class is stateless and thread-safe.
 */
public final class EventJson {

  /** The version this class writes and reads: {@value}. */
  public static final int VERSION = 1;

  private static final ObjectMapper MAPPER = GexJson.mapper();

  private EventJson() {}

  /** The JSON of an event, one line, UTF-8. */
  public static byte[] write(GexEvent event) {
    Objects.requireNonNull(event, "event");
    ObjectNode o = MAPPER.createObjectNode();
    o.put("v", VERSION);
    OptionChain chain = event.snapshot();
    if (chain != null) {
      o.put("type", "snapshot");
      o.set("chain", MAPPER.valueToTree(chain));
      return bytes(o);
    }
    MarketEvent e = Objects.requireNonNull(event.event());
    if (e instanceof MarketEvent.Spot s) {
      head(o, "spot", event);
      o.put("value", s.spot());
    } else if (e instanceof MarketEvent.ContractField f) {
      head(o, f.field().id(), event);
      o.put("contract", f.contract().toString());
      o.put("value", f.value());
    } else if (e instanceof MarketEvent.Listed l) {
      head(o, "listed", event);
      o.set("contract", MAPPER.valueToTree(l.contract()));
    } else if (e instanceof MarketEvent.Delisted d) {
      head(o, "delisted", event);
      o.put("contract", d.contract().toString());
    } else {
      head(o, "clock", event);
    }
    return bytes(o);
  }

  private static void head(ObjectNode o, String type, GexEvent event) {
    o.put("type", type);
    o.put("underlying", event.underlying());
    o.put("time", event.time().toString());
  }

  private static byte[] bytes(ObjectNode o) {
    try {
      return MAPPER.writeValueAsBytes(o);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write an event as JSON", e);
    }
  }

  /**
   * Reads an event.
   *
   * @throws IllegalArgumentException if the bytes are not an event of this version; the message names the
   *     key and the value
   */
  public static GexEvent read(byte[] json) {
    Objects.requireNonNull(json, "json");
    JsonNode o;
    try {
      o = MAPPER.readTree(json);
    } catch (IOException e) {
      throw new IllegalArgumentException("not JSON: " + e.getMessage(), e);
    }
    if (o == null || !o.isObject()) {
      throw new IllegalArgumentException("an event must be a JSON object");
    }
    JsonNode v = o.get("v");
    if (v == null || !v.isInt() || v.intValue() != VERSION) {
      throw new IllegalArgumentException("v must be " + VERSION + ", was " + v);
    }
    String type = text(o, "type").toLowerCase(Locale.ROOT);
    try {
      if (type.equals("snapshot")) {
        return GexEvent.snapshot(MAPPER.treeToValue(required(o, "chain"), OptionChain.class));
      }
      String underlying = text(o, "underlying");
      Instant time = Instant.parse(text(o, "time"));
      MarketEvent event =
          switch (type) {
            case "spot" -> new MarketEvent.Spot(time, number(o, "value"));
            case "bid", "ask", "iv", "oi" ->
                new MarketEvent.ContractField(
                    time,
                    OccSymbol.parse(text(o, "contract")),
                    MarketEvent.Field.valueOf(type.toUpperCase(Locale.ROOT)),
                    number(o, "value"));
            case "listed" ->
                new MarketEvent.Listed(time, MAPPER.treeToValue(required(o, "contract"), OptionContract.class));
            case "delisted" -> new MarketEvent.Delisted(time, OccSymbol.parse(text(o, "contract")));
            case "clock" -> new MarketEvent.Clock(time);
            default -> throw new IllegalArgumentException("type '" + type + "' is not an event type");
          };
      return GexEvent.market(underlying, event);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("time must be an ISO-8601 instant, was " + o.get("time"), e);
    } catch (IOException e) {
      throw new IllegalArgumentException(type + ": " + e.getMessage(), e);
    }
  }

  /** {@link #read(byte[])} of a string. */
  public static GexEvent read(String json) {
    return read(json.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonNode required(JsonNode o, String key) {
    JsonNode n = o.get(key);
    if (n == null || n.isNull()) {
      throw new IllegalArgumentException(key + " is missing");
    }
    return n;
  }

  private static String text(JsonNode o, String key) {
    JsonNode n = required(o, key);
    if (!n.isTextual()) {
      throw new IllegalArgumentException(key + " must be a string, was " + n);
    }
    return n.textValue();
  }

  private static double number(JsonNode o, String key) {
    JsonNode n = required(o, key);
    if (!n.isNumber()) {
      throw new IllegalArgumentException(key + " must be a number, was " + n);
    }
    return n.doubleValue();
  }
}
