package io.gex.positions;

import io.gex.chain.OptionContract;
import io.gex.spi.Providers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The position models: the three built in and those found by {@link Providers} (explicit registration
 * first, then {@link java.util.ServiceLoader}), by id. Built-in ids cannot be taken by a plugin: a plugin
 * with the id {@code oi}, {@code volume} or {@code flow} is reported as a duplicate and not used.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class PositionModels {

  /** {@code oi}: {@code sign × open interest}, the behaviour of every gex version before position models. */
  public static final PositionModel OI =
      new BuiltIn("oi", false) {
        @Override
        public double dealerPosition(double sign, OptionContract contract, double customerNet) {
          return sign * contract.openInterest();
        }
      };

  /**
   * {@code volume}: {@code sign × the day's volume} (0 when the chain gives none), the proxy several tools
   * use for same-day expiries, whose open interest is that of yesterday.
   */
  public static final PositionModel VOLUME =
      new BuiltIn("volume", false) {
        @Override
        public double dealerPosition(double sign, OptionContract contract, double customerNet) {
          return sign * (double) contract.volume().orElse(0);
        }
      };

  /**
   * {@code flow}: {@code sign × start-of-day open interest − customers' net purchases since the open}. A
   * customer buy of N contracts makes the dealers N contracts shorter, a sell N longer.
   */
  public static final PositionModel FLOW =
      new BuiltIn("flow", true) {
        @Override
        public double dealerPosition(double sign, OptionContract contract, double customerNet) {
          return sign * contract.openInterest() - customerNet;
        }
      };

  private final Providers.Report<PositionModel> report;
  private final Map<String, PositionModel> byId;

  private PositionModels(Providers.Report<PositionModel> report) {
    this.report = report;
    Map<String, PositionModel> map = new LinkedHashMap<>();
    for (PositionModel m : report.providers()) {
      map.put(m.id(), m);
    }
    this.byId = map;
  }

  /** The built-in models and those on the module or class path. */
  public static PositionModels discover() {
    return discover(List.of());
  }

  /**
   * The built-in models, the given ones, then those on the module or class path.
   *
   * @throws NullPointerException if the list or a model is null
   */
  public static PositionModels discover(List<PositionModel> registered) {
    Objects.requireNonNull(registered, "registered");
    return new PositionModels(
        Providers.lookup(PositionModel.class, PositionModel::id)
            .register(OI)
            .register(VOLUME)
            .register(FLOW)
            .registerAll(registered)
            .severalExpected(true)
            .discover());
  }

  /** What the lookup found (failures and duplicates included). */
  public Providers.Report<PositionModel> report() {
    return report;
  }

  /** The ids of the models, built-in ones first. */
  public Set<String> ids() {
    return java.util.Collections.unmodifiableSet(byId.keySet());
  }

  /**
   * The model with this id.
   *
   * @throws IllegalArgumentException naming the id and the ids available if there is none
   */
  public PositionModel model(String id) {
    PositionModel m = byId.get(Objects.requireNonNull(id, "id"));
    if (m == null) {
      throw new IllegalArgumentException(
          "no position model with id '" + id + "'; available: " + byId.keySet()
              + (report.failures().isEmpty() ? "" : " (failed to load: " + report.failures() + ")"));
    }
    return m;
  }

  private abstract static class BuiltIn implements PositionModel {
    private final String id;
    private final boolean usesFlow;

    BuiltIn(String id, boolean usesFlow) {
      this.id = id;
      this.usesFlow = usesFlow;
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public boolean usesFlow() {
      return usesFlow;
    }

    @Override
    public String toString() {
      return "PositionModel[" + id + "]";
    }
  }
}
