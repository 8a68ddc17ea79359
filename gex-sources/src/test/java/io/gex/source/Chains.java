package io.gex.source;

import io.gex.chain.OccSymbol;
import io.gex.chain.OptionChain;
import io.gex.chain.OptionContract;
import io.gex.chain.OptionRight;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Small queries over chains for assertions. */
final class Chains {
  private Chains() {}

  static OptionContract contract(OptionChain chain, String occ) {
    OccSymbol symbol = OccSymbol.parse(occ);
    return chain.contracts().stream()
        .filter(c -> c.symbol().equals(symbol))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no contract " + occ));
  }

  static Map<String, Long> countByRoot(OptionChain chain) {
    Map<String, Long> counts = new HashMap<>();
    for (OptionContract c : chain.contracts()) {
      counts.merge(c.root(), 1L, Long::sum);
    }
    return counts;
  }

  static Set<LocalDate> expiries(OptionChain chain) {
    Set<LocalDate> dates = new HashSet<>();
    chain.contracts().forEach(c -> dates.add(c.expiry()));
    return dates;
  }

  /** Pairs of contracts with the same expiry date, right and strike but different roots (SPX and SPXW). */
  static long sameDateRightStrikeAcrossRoots(OptionChain chain) {
    Map<String, Set<String>> roots = new HashMap<>();
    for (OptionContract c : chain.contracts()) {
      String key = c.expiry() + "|" + c.right() + "|" + c.strike();
      roots.computeIfAbsent(key, k -> new HashSet<>()).add(c.root());
    }
    return roots.values().stream().filter(s -> s.size() > 1).count();
  }

  static long count(List<OptionContract> contracts, OptionRight right) {
    return contracts.stream().filter(c -> c.right() == right).count();
  }
}
