package io.gex.positions;

import io.gex.chain.OptionContract;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The three built-in position models. Plugins are found by {@link io.gex.spi.PositionModelLookup}.
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

  private PositionModels() {}

  /** The built-in models: {@code oi}, {@code volume}, {@code flow}. */
  public static List<PositionModel> builtIn() {
    return List.of(OI, VOLUME, FLOW);
  }

  /** The built-in model with this id, if any. */
  public static Optional<PositionModel> builtIn(String id) {
    Objects.requireNonNull(id, "id");
    for (PositionModel m : builtIn()) {
      if (m.id().equals(id)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
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
