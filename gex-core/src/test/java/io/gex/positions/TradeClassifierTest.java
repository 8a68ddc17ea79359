package io.gex.positions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.gex.chain.OccSymbol;
import io.gex.chain.OptionRight;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Every rule of the classifier on hand-built trades, with the counts the book keeps. */
class TradeClassifierTest {

  private static final OccSymbol CALL =
      new OccSymbol("SPXW", LocalDate.of(2024, 3, 15), OptionRight.CALL, 5000);
  private static final Instant T0 = Instant.parse("2024-03-15T14:00:00Z");

  /** Bid 10.00, ask 11.00: mid 10.50, band 0.1 of the spread = 0.10, so inside prints decide beyond ±0.10. */
  private static Trade quoted(double price, long size) {
    return new Trade(T0, CALL, price, size, 10.0, 11.0);
  }

  private static Trade bare(Instant time, double price, long size) {
    return new Trade(time, CALL, price, size, 0, 0);
  }

  private static Classification first(Trade t) {
    return new FlowBook(TradeClassifier.DEFAULT).add(t);
  }

  @Test
  void atOrAboveTheAsk_isACustomerBuy() {
    assertThat(first(quoted(11.0, 1))).isEqualTo(Classification.BUY_AT_ASK);
    assertThat(first(quoted(11.2, 1))).isEqualTo(Classification.BUY_AT_ASK);
  }

  @Test
  void atOrBelowTheBid_isACustomerSell() {
    assertThat(first(quoted(10.0, 1))).isEqualTo(Classification.SELL_AT_BID);
    assertThat(first(quoted(9.5, 1))).isEqualTo(Classification.SELL_AT_BID);
  }

  @Test
  void insideTheSpread_beyondTheBand_isDecidedByTheMid() {
    assertThat(first(quoted(10.61, 1))).isEqualTo(Classification.BUY_ABOVE_MID);
    assertThat(first(quoted(10.39, 1))).isEqualTo(Classification.SELL_BELOW_MID);
  }

  @Test
  void withinTheBand_theTickTestDecides_andTheFirstTradeIsUnclassified() {
    FlowBook book = new FlowBook(TradeClassifier.DEFAULT);
    assertThat(book.add(quoted(10.50, 1))).isEqualTo(Classification.UNCLASSIFIED);
    assertThat(book.add(quoted(10.55, 2))).isEqualTo(Classification.BUY_UPTICK);
    // A zero tick takes the direction of the last price change (up).
    assertThat(book.add(quoted(10.55, 3))).isEqualTo(Classification.BUY_UPTICK);
    assertThat(book.add(quoted(10.45, 4))).isEqualTo(Classification.SELL_DOWNTICK);
    assertThat(book.add(quoted(10.45, 5))).isEqualTo(Classification.SELL_DOWNTICK);
    ContractFlow f = book.snapshot().of(CALL);
    assertThat(f).isEqualTo(new ContractFlow(5, 9, 15, 5, 1, 0));
    assertThat(f.net()).isEqualTo(-4);
    assertThat(f.classified()).isEqualTo(4);
  }

  @Test
  void aBandOfZero_classifiesEveryPrintOffTheMid() {
    TradeClassifier exact = new TradeClassifier(0, Duration.ofSeconds(5));
    assertThat(exact.classify(10.51, 10, 11, 0, 0, 0)).isEqualTo(Classification.BUY_ABOVE_MID);
    assertThat(exact.classify(10.49, 10, 11, 0, 0, 0)).isEqualTo(Classification.SELL_BELOW_MID);
    assertThat(exact.classify(10.50, 10, 11, 0, 0, 0)).isEqualTo(Classification.UNCLASSIFIED);
  }

  @Test
  void aTradeWithoutAQuote_usesTheContractsLastQuote_whileItIsFresh() {
    FlowBook book = new FlowBook(TradeClassifier.DEFAULT);
    book.add(quoted(10.0, 1)); // remembers 10.00 / 11.00 at T0
    assertThat(book.add(bare(T0.plusSeconds(5), 11.0, 1))).isEqualTo(Classification.BUY_AT_ASK);
    assertThat(book.add(bare(T0.plusMillis(5_001), 11.0, 1))).isEqualTo(Classification.STALE_QUOTE);
    // A quote event refreshes it.
    book.quote(CALL, T0.plusSeconds(60), 12.0, 13.0);
    assertThat(book.add(bare(T0.plusSeconds(61), 12.0, 7))).isEqualTo(Classification.SELL_AT_BID);
    assertThat(book.snapshot().of(CALL)).isEqualTo(new ContractFlow(1, 8, 10, 4, 0, 1));
  }

  @Test
  void noQuoteEver_leavesOnlyTheTickTest() {
    FlowBook book = new FlowBook(TradeClassifier.DEFAULT);
    assertThat(book.add(bare(T0, 5.0, 1))).isEqualTo(Classification.UNCLASSIFIED);
    assertThat(book.add(bare(T0, 5.1, 1))).isEqualTo(Classification.BUY_UPTICK);
    assertThat(book.add(bare(T0, 4.9, 1))).isEqualTo(Classification.SELL_DOWNTICK);
  }

  @Test
  void aCrossedOrOneSidedQuote_isNoQuote() {
    FlowBook book = new FlowBook(TradeClassifier.DEFAULT);
    assertThat(book.add(new Trade(T0, CALL, 11.0, 1, 11.5, 10.5))).isEqualTo(Classification.UNCLASSIFIED);
    assertThat(book.add(new Trade(T0, CALL, 11.2, 1, 0, 11.0))).isEqualTo(Classification.BUY_UPTICK);
  }

  @Test
  void contractsAreClassifiedApart() {
    OccSymbol put = new OccSymbol("SPXW", LocalDate.of(2024, 3, 15), OptionRight.PUT, 5000);
    FlowBook book = new FlowBook(TradeClassifier.DEFAULT);
    book.add(bare(T0, 5.0, 1));
    // The put's first trade has no previous price of its own, whatever the call did.
    assertThat(book.add(new Trade(T0, put, 6.0, 1, 0, 0))).isEqualTo(Classification.UNCLASSIFIED);
    assertThat(book.trades()).isEqualTo(2);
    assertThat(book.snapshot().byContract()).hasSize(2);
  }

  @Test
  void badArguments_areRejectedNamingTheField() {
    assertThatThrownBy(() -> new Trade(T0, CALL, 0, 1, 0, 0)).hasMessageContaining("price");
    assertThatThrownBy(() -> new Trade(T0, CALL, 1, 0, 0, 0)).hasMessageContaining("size must be");
    assertThatThrownBy(() -> new Trade(T0, CALL, 1, 1, -1, 0)).hasMessageContaining("bid");
    assertThatThrownBy(() -> new Trade(T0, CALL, 1, 1, 0, Double.NaN)).hasMessageContaining("ask");
    assertThatThrownBy(() -> new TradeClassifier(0.5, Duration.ofSeconds(1))).hasMessageContaining("midBand");
    assertThatThrownBy(() -> new TradeClassifier(0.1, Duration.ZERO)).hasMessageContaining("maxQuoteAge");
    assertThatThrownBy(() -> new ContractFlow(5, 6, 10, 2, 0, 0))
        .hasMessageContaining("customerBought + customerSold must be <= volume");
  }
}
