package io.gex.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gex.GexAnalysis;
import io.gex.alerts.AlertKey;
import io.gex.alerts.AlertSeverity;
import io.gex.alerts.AlertState;
import io.gex.flink.internal.KeyedAlertStateStore;
import io.gex.live.LiveChain;
import io.gex.live.MarketEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@link KeyedAlertStateStore}'s semantics ({@link io.gex.alerts.AlertStateStore}'s contract) in the
 * keyed state of a real operator (Flink's test harness), and its state through a snapshot and a restore,
 * on the heap and the RocksDB backends.
 */
class KeyedAlertStateStoreTest {

  private static final SyntheticMarket MARKET = new SyntheticMarket(2, 1, 40, 3, SyntheticMarket.DEFAULT_START);
  private static final Instant T0 = Instant.parse("2022-12-16T15:00:00Z");
  private static final Duration COOLDOWN = Duration.ofMinutes(15);
  private static final AlertKey WALL = new AlertKey("wall-breach", "S00001", "call-wall:55");

  /** A keyed function that does nothing but open a store over its keyed state. */
  static final class StoreFunction extends KeyedProcessFunction<String, String, String> {
    private static final long serialVersionUID = 1L;
    transient @Nullable KeyedAlertStateStore store;

    @Override
    public void open(OpenContext openContext) {
      store = new KeyedAlertStateStore(getRuntimeContext());
    }

    @Override
    public void processElement(String value, Context ctx, Collector<String> out) {}
  }

  private @Nullable KeyedOneInputStreamOperatorTestHarness<String, String, String> harness;
  private @Nullable KeyedProcessOperator<String, String, String> operator;
  private @Nullable StoreFunction function;

  /** Opens a harness (from a snapshot if given) and returns the store, in the keyed context of S00001. */
  private KeyedAlertStateStore open(String backend, @Nullable OperatorSubtaskState from) throws Exception {
    function = new StoreFunction();
    operator = new KeyedProcessOperator<>(function);
    harness = new KeyedOneInputStreamOperatorTestHarness<>(operator, s -> s, Types.STRING);
    if (backend.equals("rocksdb")) {
      harness.setStateBackend(new EmbeddedRocksDBStateBackend());
    }
    if (from != null) {
      harness.initializeState(from);
    }
    harness.open();
    key("S00001");
    return Objects.requireNonNull(function.store);
  }

  private void key(String symbol) {
    Objects.requireNonNull(operator).setCurrentKey(symbol);
  }

  @AfterEach
  void close() throws Exception {
    if (harness != null) {
      harness.close();
    }
  }

  private static GexAnalysis analysis(int u, Duration after) {
    LiveChain chain = LiveChain.of(MARKET.chain(u), GexJobSettings.DEFAULT.engine());
    chain.apply(new MarketEvent.Clock(MARKET.start().plus(after)));
    return chain.analysis();
  }

  @Test
  void tryRaise_followsTheCooldownRule() throws Exception {
    KeyedAlertStateStore store = open("hashmap", null);
    assertThat(store.lastRaised(WALL)).isEmpty();
    assertThat(store.tryRaise(WALL, AlertSeverity.MEDIUM, T0, COOLDOWN)).isTrue();
    AlertState first = new AlertState(AlertSeverity.MEDIUM, T0, T0.plus(COOLDOWN));
    assertThat(store.lastRaised(WALL)).contains(first);

    // the same or a lower severity within the cooldown: suppressed, and the cooldown is not extended
    assertThat(store.tryRaise(WALL, AlertSeverity.MEDIUM, T0.plusSeconds(60), COOLDOWN)).isFalse();
    assertThat(store.tryRaise(WALL, AlertSeverity.LOW, T0.plusSeconds(120), COOLDOWN)).isFalse();
    assertThat(store.lastRaised(WALL)).contains(first);

    // a higher severity: raised at once, with a new cooldown
    Instant t = T0.plusSeconds(300);
    assertThat(store.tryRaise(WALL, AlertSeverity.HIGH, t, COOLDOWN)).isTrue();
    assertThat(store.lastRaised(WALL)).contains(new AlertState(AlertSeverity.HIGH, t, t.plus(COOLDOWN)));
    assertThat(store.tryRaise(WALL, AlertSeverity.LOW, t.plus(COOLDOWN).minusNanos(1), COOLDOWN)).isFalse();
    // at the end of the cooldown: raised again, at any severity
    assertThat(store.tryRaise(WALL, AlertSeverity.LOW, t.plus(COOLDOWN), COOLDOWN)).isTrue();

    assertThatThrownBy(() -> store.tryRaise(WALL, AlertSeverity.LOW, T0, Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cooldown must be >= 0, was PT-1S");
  }

  @Test
  void state_isTheCurrentKeys() throws Exception {
    KeyedAlertStateStore store = open("hashmap", null);
    GexAnalysis a = analysis(0, Duration.ZERO);
    store.tryRaise(WALL, AlertSeverity.MEDIUM, T0, COOLDOWN);
    store.rememberAnalysis(a);

    key("S00002");
    assertThat(store.lastRaised(WALL)).isEmpty();
    assertThat(store.latestAnalysis("S00002")).isEmpty();

    key("S00001");
    assertThat(store.lastRaised(WALL)).isPresent();
    assertThat(store.latestAnalysis("S00001")).contains(a);
    // asked for another symbol than the one the current key holds: a misuse, said so
    assertThatThrownBy(() -> store.latestAnalysis("S00002"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("holds an analysis of S00001, not of S00002");
  }

  @Test
  void tryRaise_ofANewKey_dropsTheRaisesWhoseCooldownIsOver() throws Exception {
    KeyedAlertStateStore store = open("hashmap", null);
    AlertKey shortOne = new AlertKey("pin-risk", "S00001", "pin:50");
    AlertKey longOne = new AlertKey("regime-change", "S00001", "to:NEGATIVE");
    store.tryRaise(shortOne, AlertSeverity.LOW, T0, Duration.ofMinutes(1));
    store.tryRaise(longOne, AlertSeverity.HIGH, T0, Duration.ofHours(1));
    Instant later = T0.plusSeconds(120);
    // kept until a new key is raised (it suppresses nothing any more)
    assertThat(store.lastRaised(shortOne)).isPresent();
    store.tryRaise(WALL, AlertSeverity.MEDIUM, later, COOLDOWN);
    assertThat(store.lastRaised(shortOne)).isEmpty();
    assertThat(store.lastRaised(longOne)).isPresent();
    assertThat(store.lastRaised(WALL)).isPresent();
  }

  @Test
  void rememberAnalysis_keepsTheLatestValuationTime() throws Exception {
    KeyedAlertStateStore store = open("hashmap", null);
    GexAnalysis early = analysis(0, Duration.ofMinutes(1));
    GexAnalysis late = analysis(0, Duration.ofMinutes(2));
    assertThat(store.latestAnalysis("S00001")).isEmpty();
    store.rememberAnalysis(late);
    store.rememberAnalysis(early);
    assertThat(store.latestAnalysis("S00001")).contains(late);
    GexAnalysis later = analysis(0, Duration.ofMinutes(3));
    store.rememberAnalysis(later);
    assertThat(store.latestAnalysis("S00001")).contains(later);
    assertThatThrownBy(() -> store.rememberAnalysis(analysis(1, Duration.ofMinutes(4))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("outside the keyed context of S00002");
  }

  @ParameterizedTest
  @ValueSource(strings = {"hashmap", "rocksdb"})
  void snapshotAndRestore_keepCooldownsAndTheLatestAnalysis(String backend) throws Exception {
    KeyedAlertStateStore store = open(backend, null);
    GexAnalysis a = analysis(0, Duration.ofMinutes(1));
    GexAnalysis b = analysis(1, Duration.ofMinutes(1));
    assertThat(store.tryRaise(WALL, AlertSeverity.MEDIUM, T0, COOLDOWN)).isTrue();
    store.rememberAnalysis(a);
    key("S00002");
    store.rememberAnalysis(b);
    OperatorSubtaskState snapshot = Objects.requireNonNull(harness).snapshot(1L, 1L);
    harness.close();
    harness = null;

    KeyedAlertStateStore restored = open(backend, snapshot);
    assertThat(restored.lastRaised(WALL)).contains(new AlertState(AlertSeverity.MEDIUM, T0, T0.plus(COOLDOWN)));
    assertThat(restored.tryRaise(WALL, AlertSeverity.MEDIUM, T0.plusSeconds(60), COOLDOWN)).isFalse();
    assertThat(restored.latestAnalysis("S00001")).isEqualTo(Optional.of(a));
    key("S00002");
    assertThat(restored.latestAnalysis("S00002")).isEqualTo(Optional.of(b));
    assertThat(restored.lastRaised(new AlertKey("wall-breach", "S00002", "call-wall:55"))).isEmpty();
  }
}
