package io.gex.json;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdDelegatingSerializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.util.StdConverter;
import com.fasterxml.jackson.databind.cfg.MapperBuilder;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.gex.GexAnalysis;
import io.gex.GexException;
import io.gex.analysis.DoubleArray;
import io.gex.analysis.GreekExposures;
import io.gex.chain.OccSymbol;
import io.gex.chain.OptionChain;
import io.gex.positions.PositionProvenance;
import java.io.IOException;
import java.util.Objects;

/**
 * The JSON form of gex values: {@link GexAnalysis} and {@link OptionChain} with every record component,
 * read back into equal values. An analysis is one flat object ({@code symbol, spot, valuationTime,
 * analyzedAt, settings, totalGex, callGex, putGex, byStrike, byExpiry, heatmap, profiles, zeroGamma,
 * strikeZeroGamma, regime, callWall, putWall, absGammaStrike, pinRisk, dealer, contractsUsed, diagnostics,
 * dataQuality, greeks, positions}), the same bytes as before the record was grouped, so stored entries stay
 * readable; its derived figures ({@code totalGex}, {@code zeroGamma}, {@code regime}) are written too and
 * checked on reading. Instants and dates are ISO-8601 strings, {@link DoubleArray} a JSON array of
 * numbers, an empty {@code OptionalDouble} is {@code null}, an OCC symbol its compact string. Unknown
 * properties are ignored on reading, so a reader accepts the output of a newer writer that added fields;
 * callers that store this form put their own version marker around it. An analysis written before {@link
 * GexAnalysis#greeks()} existed reads back with {@link GreekExposures#none()}, one written before {@link
 * GexAnalysis.Provenance#positions()} existed with {@link PositionProvenance#OPEN_INTEREST}, and settings written before
 * their opt-in figures existed with those figures off.
 *
 * <p>This class is stateless and thread-safe.
 */
public final class GexJson {

  private static final ObjectMapper MAPPER = newMapper();

  private GexJson() {}

  /**
   * A new mapper configured for gex values, for callers that want their own writer or reader settings.
   * Mappers are thread-safe once configured.
   */
  public static ObjectMapper newMapper() {
    return configure(JsonMapper.builder());
  }

  /**
   * A mapper of any Jackson data format (JSON, CBOR, Smile...) built from this builder with the gex
   * configuration of {@link #newMapper()}: the same modules, features and visibility, so that it writes
   * and reads the same values in its own format. Mappers are thread-safe once configured.
   *
   * @param <M> the mapper type
   * @param <B> the builder type
   * @param builder a fresh builder of the format, such as {@code CBORMapper.builder()}
   * @throws NullPointerException if builder is null
   */
  public static <M extends ObjectMapper, B extends MapperBuilder<M, B>> M configure(B builder) {
    Objects.requireNonNull(builder, "builder");
    SimpleModule gex = new SimpleModule("gex");
    gex.addSerializer(DoubleArray.class, new DoubleArraySerializer());
    gex.addDeserializer(DoubleArray.class, new DoubleArrayDeserializer());
    gex.addSerializer(OccSymbol.class, new OccSymbolSerializer());
    gex.addDeserializer(OccSymbol.class, new OccSymbolDeserializer());
    // The analysis is written and read in its flat stored form (StoredAnalysis), not through its groups.
    gex.addSerializer(GexAnalysis.class, new StdDelegatingSerializer(new ToStored()));
    gex.addDeserializer(GexAnalysis.class, new StoredAnalysisDeserializer());
    gex.setDeserializerModifier(new AbsentGreeksModifier());
    return builder
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .addModule(gex)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        // Records are written through their public component accessors only, never through look-alike
        // methods such as isCall(); they are read back through their validating canonical constructors.
        .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
        .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.NONE)
        .build();
  }

  /** The shared mapper. Do not reconfigure it; use {@link #newMapper()} for that. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * The JSON of an analysis, UTF-8.
   *
   * @throws GexException if it cannot be written (a bug, not an input problem)
   */
  public static byte[] toBytes(GexAnalysis analysis) {
    Objects.requireNonNull(analysis, "analysis");
    try {
      return MAPPER.writeValueAsBytes(analysis);
    } catch (JsonProcessingException e) {
      throw new GexException("cannot write analysis of " + analysis.symbol() + " as JSON", e);
    }
  }

  /**
   * Reads an analysis written by {@link #toBytes(GexAnalysis)}.
   *
   * @throws GexException if the bytes are not such an analysis (corrupt, truncated, or invalid values);
   *     the message says where
   */
  public static GexAnalysis analysisFromBytes(byte[] json) {
    Objects.requireNonNull(json, "json");
    try {
      return MAPPER.readValue(json, GexAnalysis.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new GexException("cannot read an analysis from JSON: " + e.getMessage(), e);
    }
  }

  /**
   * The JSON of a chain, UTF-8.
   *
   * @throws GexException if it cannot be written
   */
  public static byte[] toBytes(OptionChain chain) {
    Objects.requireNonNull(chain, "chain");
    try {
      return MAPPER.writeValueAsBytes(chain);
    } catch (JsonProcessingException e) {
      throw new GexException("cannot write chain of " + chain.underlying() + " as JSON", e);
    }
  }

  /**
   * Reads a chain written by {@link #toBytes(OptionChain)}.
   *
   * @throws GexException if the bytes are not such a chain
   */
  public static OptionChain chainFromBytes(byte[] json) {
    Objects.requireNonNull(json, "json");
    try {
      return MAPPER.readValue(json, OptionChain.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new GexException("cannot read a chain from JSON: " + e.getMessage(), e);
    }
  }

  private static final class ToStored extends StdConverter<GexAnalysis, StoredAnalysis> {
    @Override
    public StoredAnalysis convert(GexAnalysis value) {
      return StoredAnalysis.of(value);
    }
  }

  /**
   * Reads the stored form and builds the analysis from it; a refusal of the analysis's constructors is
   * reported as Jackson reports a record constructor's (an instantiation exception, with the message).
   */
  private static final class StoredAnalysisDeserializer extends StdDeserializer<GexAnalysis> {
    private static final long serialVersionUID = 1L;

    StoredAnalysisDeserializer() {
      super(GexAnalysis.class);
    }

    @Override
    public GexAnalysis deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      StoredAnalysis stored = ctxt.readValue(p, StoredAnalysis.class);
      try {
        return stored.toAnalysis();
      } catch (IllegalArgumentException | NullPointerException e) {
        throw ctxt.instantiationException(GexAnalysis.class, e);
      }
    }
  }

  /** Reads a missing or null {@link GreekExposures} as {@link GreekExposures#none()}. */
  private static final class AbsentGreeksModifier extends BeanDeserializerModifier {
    private static final long serialVersionUID = 1L;

    @Override
    public JsonDeserializer<?> modifyDeserializer(
        DeserializationConfig config, BeanDescription description, JsonDeserializer<?> deserializer) {
      if (description.getBeanClass() == GreekExposures.class) {
        return new AbsentGreeksDeserializer(deserializer);
      }
      return description.getBeanClass() == PositionProvenance.class
          ? new AbsentPositionsDeserializer(deserializer)
          : deserializer;
    }
  }

  private static final class AbsentGreeksDeserializer extends DelegatingDeserializer {
    private static final long serialVersionUID = 1L;

    AbsentGreeksDeserializer(JsonDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
      return new AbsentGreeksDeserializer(delegate);
    }

    @Override
    public Object getNullValue(DeserializationContext ctxt) {
      return GreekExposures.none();
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
      return GreekExposures.none();
    }
  }

  /** Reads a missing or null {@link PositionProvenance} as {@link PositionProvenance#OPEN_INTEREST}. */
  private static final class AbsentPositionsDeserializer extends DelegatingDeserializer {
    private static final long serialVersionUID = 1L;

    AbsentPositionsDeserializer(JsonDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
      return new AbsentPositionsDeserializer(delegate);
    }

    @Override
    public Object getNullValue(DeserializationContext ctxt) {
      return PositionProvenance.OPEN_INTEREST;
    }

    @Override
    public Object getAbsentValue(DeserializationContext ctxt) {
      return PositionProvenance.OPEN_INTEREST;
    }
  }

  private static final class DoubleArraySerializer extends StdSerializer<DoubleArray> {
    private static final long serialVersionUID = 1L;

    DoubleArraySerializer() {
      super(DoubleArray.class);
    }

    @Override
    public void serialize(DoubleArray value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      double[] values = value.toArray();
      gen.writeArray(values, 0, values.length);
    }
  }

  private static final class DoubleArrayDeserializer extends StdDeserializer<DoubleArray> {
    private static final long serialVersionUID = 1L;

    DoubleArrayDeserializer() {
      super(DoubleArray.class);
    }

    @Override
    public DoubleArray deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return DoubleArray.copyOf(ctxt.readValue(p, double[].class));
    }
  }

  private static final class OccSymbolSerializer extends StdSerializer<OccSymbol> {
    private static final long serialVersionUID = 1L;

    OccSymbolSerializer() {
      super(OccSymbol.class);
    }

    @Override
    public void serialize(OccSymbol value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(value.toString());
    }
  }

  private static final class OccSymbolDeserializer extends StdDeserializer<OccSymbol> {
    private static final long serialVersionUID = 1L;

    OccSymbolDeserializer() {
      super(OccSymbol.class);
    }

    @Override
    public OccSymbol deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return OccSymbol.parse(p.getValueAsString(""));
    }
  }
}
