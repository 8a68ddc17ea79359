package io.gex.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The columns and keys of a contract table, and its list behaviour. */
class ContractTableTest {

  private static final LocalDate MAR15 = LocalDate.of(2024, 3, 15);
  private static final LocalDate MAR28 = LocalDate.of(2024, 3, 28);

  @Test
  void keys_areOnePerExpiryAndSettlement_inOrderOfFirstAppearance_evenWhenInterleaved() {
    ContractTable.Builder<String> b = ContractTable.builder(6);
    b.add("a", 100, true, 0.2, 10, MAR15, true, false); // AM 15th: key 0
    b.add("b", 100, false, 0.21, 11, MAR15, false, false); // PM 15th: key 1
    b.add("c", 105, true, 0.22, 12, MAR15, true, false); // AM again: key 0 through the map
    b.add("d", 105, false, 0.23, 13, MAR28, false, false); // key 2
    b.add("e", 110, true, 0.24, 14, MAR28, false, false); // same as previous: key 2
    b.add("f", 110, false, 0.25, 15, MAR15, false, true); // PM 15th: key 1
    ContractTable<String> t = b.build(false);

    assertThat(t.expiryKey()).containsExactly(0, 1, 0, 2, 2, 1);
    assertThat(t.keyExpiry()).containsExactly(MAR15, MAR15, MAR28);
    assertThat(t.keyAmSettled()).containsExactly(true, false, false);
    assertThat(t.strike()).containsExactly(100, 100, 105, 105, 110, 110);
    assertThat(t.call()).containsExactly(true, false, true, false, true, false);
    assertThat(t.impliedVolatility()).containsExactly(0.2, 0.21, 0.22, 0.23, 0.24, 0.25);
    assertThat(t.openInterest()).containsExactly(10, 11, 12, 13, 14, 15);
    assertThat(t.pairsWithPrevious()).containsExactly(false, false, false, false, false, true);
    assertThat(t.checked()).isFalse();
  }

  @Test
  void list_isTheRowsInOrder_immutable_andEqualToAnyListOfThem() {
    ContractTable.Builder<String> b = ContractTable.builder(3);
    b.add("x", 1, true, 0, 0, MAR15, false, false);
    b.add("y", 2, true, 0, 0, MAR15, false, false);
    ContractTable<String> t = b.build(true);

    assertThat(t).containsExactly("x", "y").isEqualTo(List.of("x", "y"));
    assertThat(t.hashCode()).isEqualTo(List.of("x", "y").hashCode());
    assertThat(t.strike()).as("columns trimmed to the rows added").hasSize(2);
    assertThat(t.checked()).isTrue();
    assertThatThrownBy(() -> t.add("z")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> t.set(0, "z")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> t.get(2)).isInstanceOf(IndexOutOfBoundsException.class);
    Object[] copy = t.toArray();
    copy[0] = "changed";
    assertThat(t.get(0)).as("toArray is a copy").isEqualTo("x");
  }

  @Test
  void builder_refusesRowsOnceBuilt_soThatTheTableCannotChange() {
    ContractTable.Builder<String> b = ContractTable.builder(2);
    b.add("x", 1, true, 0, 0, MAR15, false, false);
    ContractTable<String> t = b.build(false);

    assertThatThrownBy(() -> b.add("y", 2, true, 0, 0, MAR15, false, false))
        .isInstanceOf(IllegalStateException.class);
    assertThat(t).containsExactly("x");
  }
}
