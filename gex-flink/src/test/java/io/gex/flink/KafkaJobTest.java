package io.gex.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The job between two Kafka topics on a real broker: the one named by {@code GEX_TEST_KAFKA_BOOTSTRAP}, else
 * a one-node KRaft broker started here with Kafka's own test kit. JSON events (EventJson v1, keyed by
 * underlying) in, JSON analyses out, equal to the single-process engine's.
 */
class KafkaJobTest {

  @RegisterExtension static final MiniClusterExtension CLUSTER = MiniClusterTests.cluster();

  private static @Nullable KafkaClusterTestKit broker;
  private static String bootstrap = "";

  @BeforeAll
  static void startBroker() throws Exception {
    String named = System.getenv("GEX_TEST_KAFKA_BOOTSTRAP");
    if (named != null && !named.isBlank()) {
      bootstrap = named.trim();
      return;
    }
    KafkaClusterTestKit kit =
        new KafkaClusterTestKit.Builder(
                new TestKitNodes.Builder().setCombined(true).setNumBrokerNodes(1).setNumControllerNodes(1).build())
            .setConfigProp("offsets.topic.replication.factor", "1")
            .setConfigProp("transaction.state.log.replication.factor", "1")
            .setConfigProp("transaction.state.log.min.isr", "1")
            .setConfigProp("group.initial.rebalance.delay.ms", "0")
            .build();
    kit.format();
    kit.startup();
    kit.waitForReadyBrokers();
    broker = kit;
    bootstrap = kit.bootstrapServers();
  }

  @AfterAll
  static void stopBroker() throws Exception {
    KafkaClusterTestKit kit = broker;
    if (kit != null) {
      kit.close();
    }
  }

  @Test
  void kafkaToKafka_syntheticMarket_analysesEqualTheSingleProcessEngine() throws Exception {
    String suffix = Long.toHexString(System.nanoTime());
    String in = "gex-events-" + suffix;
    String out = "gex-analyses-" + suffix;
    Properties admin = new Properties();
    admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    try (Admin a = Admin.create(admin)) {
      a.createTopics(List.of(new NewTopic(in, 2, (short) 1), new NewTopic(out, 1, (short) 1))).all().get();
    }

    SyntheticMarket market = new SyntheticMarket(4, 30, 40, 13, SyntheticMarket.DEFAULT_START);
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p)) {
      SyntheticMarket.Generated g = market.open();
      for (long i = 0; i < market.size(); i++) {
        GexEvent e = g.event(i);
        // Keyed by underlying: one partition per underlying keeps its events in order.
        producer.send(new ProducerRecord<>(in, e.underlying(), EventJson.write(e)));
      }
      producer.send(new ProducerRecord<>(in, "S00001", "not an event".getBytes(StandardCharsets.UTF_8)));
      producer.flush();
    }

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.setParallelism(2);
    env.enableCheckpointing(500);
    GexPipeline.kafkaSink(
        GexPipeline.analyse(
            GexPipeline.kafka(env, bootstrap, in, "gex-test-" + suffix, Duration.ofSeconds(1), true),
            GexJobSettings.DEFAULT),
        bootstrap,
        out);
    env.execute("kafka");

    Properties c = new Properties();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    c.put(ConsumerConfig.GROUP_ID_CONFIG, "gex-check-" + suffix);
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    Map<String, List<JsonNode>> bySymbol = new LinkedHashMap<>();
    int expected = 4 * 31;
    int read = 0;
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c)) {
      consumer.subscribe(List.of(out));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (read < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          JsonNode j = Oracle.tree(new String(r.value(), StandardCharsets.UTF_8));
          assertThat(r.key()).isEqualTo(j.get("symbol").asText());
          bySymbol.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(j);
          read++;
        }
      }
    }
    Map<String, List<JsonNode>> oracle = Oracle.of(market, GexJobSettings.DEFAULT);
    assertThat(bySymbol.keySet()).containsExactlyInAnyOrderElementsOf(oracle.keySet());
    for (String symbol : oracle.keySet()) {
      Oracle.assertSame(symbol, java.util.Objects.requireNonNull(bySymbol.get(symbol)), oracle.get(symbol));
    }
  }

}
