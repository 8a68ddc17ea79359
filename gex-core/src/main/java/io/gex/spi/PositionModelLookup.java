package io.gex.spi;

import io.gex.positions.PositionModel;
import io.gex.positions.PositionModels;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The position models by id: the three built in ({@link PositionModels}), those registered explicitly, then
 * those found by {@link java.util.ServiceLoader} ({@link Providers}: a provider that fails to load is
 * reported, not fatal). Built-in ids cannot be taken by a plugin: a plugin with the id {@code oi}, {@code
 * volume} or {@code flow} is reported as a duplicate and not used. Hand the model found to {@link
 * io.gex.GexEngine.Builder#positionModel(PositionModel)}.
 *
 * <p>This class is immutable and thread-safe.
 */
public final class PositionModelLookup {

  private final Providers.Report<PositionModel> report;
  private final Map<String, PositionModel> byId;

  private PositionModelLookup(Providers.Report<PositionModel> report) {
    this.report = report;
    Map<String, PositionModel> map = new LinkedHashMap<>();
    for (PositionModel m : report.providers()) {
      map.put(m.id(), m);
    }
    this.byId = map;
  }

  /** The built-in models and those on the module or class path. */
  public static PositionModelLookup discover() {
    return discover(List.of());
  }

  /**
   * The built-in models, the given ones, then those on the module or class path.
   *
   * @throws NullPointerException if the list or a model is null
   */
  public static PositionModelLookup discover(List<PositionModel> registered) {
    Objects.requireNonNull(registered, "registered");
    return new PositionModelLookup(
        Providers.lookup(PositionModel.class, PositionModel::id)
            .registerAll(PositionModels.builtIn())
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
    return Collections.unmodifiableSet(byId.keySet());
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

  @Override
  public String toString() {
    return "PositionModelLookup" + byId.keySet();
  }
}
