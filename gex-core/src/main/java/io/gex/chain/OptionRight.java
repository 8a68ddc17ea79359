package io.gex.chain;

/** Whether an option is a call or a put. */
public enum OptionRight {
  CALL('C'),
  PUT('P');

  private final char code;

  OptionRight(char code) {
    this.code = code;
  }

  /** The OCC letter, {@code C} or {@code P}. */
  public char code() {
    return code;
  }

  /**
   * Parses an OCC right letter or a word ({@code C}, {@code P}, {@code call}, {@code put}, any case).
   *
   * @throws IllegalArgumentException if the text names neither
   */
  public static OptionRight parse(String text) {
    String t = text.trim();
    if (t.equalsIgnoreCase("C") || t.equalsIgnoreCase("CALL")) {
      return CALL;
    }
    if (t.equalsIgnoreCase("P") || t.equalsIgnoreCase("PUT")) {
      return PUT;
    }
    throw new IllegalArgumentException("right must be C, P, call or put, was '" + text + "'");
  }
}
