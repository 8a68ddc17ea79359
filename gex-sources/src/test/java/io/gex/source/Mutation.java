package io.gex.source;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Ways the fuzz test damages a real input file; each is deterministic for a random generator's state. */
enum Mutation {
  FLIP_BYTES {
    @Override
    byte[] apply(byte[] in, SplittableRandom r) {
      byte[] out = in.clone();
      for (int i = 0, n = 1 + r.nextInt(20); i < n && out.length > 0; i++) {
        out[r.nextInt(out.length)] ^= (byte) (1 + r.nextInt(255));
      }
      return out;
    }
  },
  TRUNCATE {
    @Override
    byte[] apply(byte[] in, SplittableRandom r) {
      return Arrays.copyOf(in, in.length == 0 ? 0 : r.nextInt(in.length));
    }
  },
  DELETE_LINES {
    @Override
    byte[] apply(byte[] in, SplittableRandom r) {
      List<String> lines = lines(in);
      for (int i = 0, n = 1 + r.nextInt(10); i < n && !lines.isEmpty(); i++) {
        lines.remove(r.nextInt(lines.size()));
      }
      return join(lines);
    }
  },
  DUPLICATE_LINES {
    @Override
    byte[] apply(byte[] in, SplittableRandom r) {
      List<String> lines = lines(in);
      for (int i = 0, n = 1 + r.nextInt(10); i < n; i++) {
        lines.add(r.nextInt(lines.size() + 1), lines.get(r.nextInt(lines.size())));
      }
      return join(lines);
    }
  },
  SWAP_COLUMNS {
    @Override
    byte[] apply(byte[] in, SplittableRandom r) {
      int a = r.nextInt(23);
      int b = r.nextInt(23);
      boolean everyLine = r.nextBoolean();
      List<String> out = new ArrayList<>();
      for (String line : lines(in)) {
        String[] fields = line.split(",", -1);
        if ((everyLine || r.nextInt(4) == 0) && a < fields.length && b < fields.length) {
          String t = fields[a];
          fields[a] = fields[b];
          fields[b] = t;
        }
        out.add(String.join(",", fields));
      }
      return join(out);
    }
  },
  /** Replaces numbers with NaN, infinities, -0, subnormals, 1e308, huge integers and the like. */
  SPECIAL_NUMBERS {
    @Override
    byte[] apply(byte[] in, SplittableRandom r) {
      String text = text(in);
      List<int[]> spans = new ArrayList<>();
      Matcher m = NUMBER.matcher(text);
      while (m.find()) {
        spans.add(new int[] {m.start(), m.end()});
      }
      if (spans.isEmpty()) {
        return in;
      }
      StringBuilder out = new StringBuilder(text);
      // Replace from the end so earlier spans stay valid.
      int n = 1 + r.nextInt(8);
      int[] picks = r.ints(n, 0, spans.size()).distinct().sorted().toArray();
      for (int i = picks.length - 1; i >= 0; i--) {
        int[] span = spans.get(picks[i]);
        out.replace(span[0], span[1], SPECIALS[r.nextInt(SPECIALS.length)]);
      }
      return bytes(out.toString());
    }
  },
  EMPTY_FIELDS {
    @Override
    byte[] apply(byte[] in, SplittableRandom r) {
      String text = text(in);
      StringBuilder out = new StringBuilder(text);
      for (int i = 0, n = 1 + r.nextInt(10); i < n; i++) {
        int start = out.indexOf(",", r.nextInt(Math.max(1, out.length())));
        if (start < 0) {
          continue;
        }
        int end = start + 1;
        while (end < out.length() && ",\n}]".indexOf(out.charAt(end)) < 0) {
          end++;
        }
        String segment = out.substring(start + 1, end);
        int colon = segment.indexOf(':');
        if (colon >= 0) {
          out.replace(start + 2 + colon, end, "\"\""); // a JSON "key":value gets an empty string
        } else {
          out.replace(start + 1, end, "");
        }
      }
      return bytes(out.toString());
    }
  },
  BYTE_ORDER_MARK {
    @Override
    byte[] apply(byte[] in, SplittableRandom r) {
      byte[][] marks = {
        {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, (byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
        {(byte) 0xFE, (byte) 0xFF},
        {(byte) 0xEF, (byte) 0xBB},
      };
      byte[] mark = marks[r.nextInt(marks.length)];
      byte[] out = new byte[mark.length + in.length];
      System.arraycopy(mark, 0, out, 0, mark.length);
      System.arraycopy(in, 0, out, mark.length, in.length);
      return out;
    }
  },
  LINE_ENDINGS {
    @Override
    byte[] apply(byte[] in, SplittableRandom r) {
      String[] endings = {"\r\n", "\r", "\n\n", "\r\r\n"};
      return bytes(text(in).replace("\n", endings[r.nextInt(endings.length)]));
    }
  },
  LONG_LINE {
    @Override
    byte[] apply(byte[] in, SplittableRandom r) {
      List<String> lines = lines(in);
      String[] units = {"9", "A", ",", "1,", "\"", " ", "0.5,"};
      String unit = units[r.nextInt(units.length)];
      String longText = unit.repeat((65_537 + r.nextInt(100_000)) / unit.length());
      if (r.nextBoolean()) {
        lines.add(r.nextInt(lines.size() + 1), longText);
      } else {
        int at = r.nextInt(lines.size());
        String line = lines.get(at);
        int cut = r.nextInt(line.length() + 1);
        lines.set(at, line.substring(0, cut) + longText + line.substring(cut));
      }
      return join(lines);
    }
  },
  DEEP_NESTING {
    @Override
    byte[] apply(byte[] in, SplittableRandom r) {
      String text = text(in);
      int depth = 500 + r.nextInt(50_000);
      boolean arrays = r.nextBoolean();
      String open = arrays ? "[" : "{\"a\":";
      String nested = open.repeat(depth) + "1" + (arrays ? "]" : "}").repeat(depth);
      int colon = text.indexOf("\":", r.nextInt(Math.max(1, text.length())));
      if (colon < 0) {
        return bytes(nested + text);
      }
      int start = colon + 2;
      int end = start;
      while (end < text.length() && ",}]\n".indexOf(text.charAt(end)) < 0) {
        end++;
      }
      return bytes(text.substring(0, start) + nested + text.substring(end));
    }
  },
  /** Replaces scalar JSON values ({@code "key":value}) with values of the wrong type. */
  WRONG_JSON_TYPES {
    @Override
    byte[] apply(byte[] in, SplittableRandom r) {
      String[] wrong = {
        "\"x\"", "null", "-1", "1e999", "[]", "{}", "\"22.5\"", "true", "\"\"", "2.5", "[1,2]",
        "{\"a\":1}", "\"NaN\"", "\"Infinity\"", "-0", "1e-320", "99999999999999999999999"
      };
      StringBuilder text = new StringBuilder(text(in));
      for (int i = 0, n = 1 + r.nextInt(10); i < n; i++) {
        int colon = text.indexOf("\":", r.nextInt(Math.max(1, text.length())));
        if (colon < 0) {
          continue;
        }
        int start = colon + 2;
        if (start >= text.length()) {
          continue;
        }
        char c = text.charAt(start);
        int end;
        if (c == '"') {
          end = text.indexOf("\"", start + 1) + 1;
        } else if (c == '{' || c == '[') {
          continue;
        } else {
          end = start;
          while (end < text.length() && ",}]".indexOf(text.charAt(end)) < 0) {
            end++;
          }
        }
        if (end > start) {
          text.replace(start, end, wrong[r.nextInt(wrong.length)]);
        }
      }
      return bytes(text.toString());
    }
  },
  /** Moves years (of the valuation time, expiries, symbols) far into the past or future. */
  FAR_YEARS {
    @Override
    byte[] apply(byte[] in, SplittableRandom r) {
      String[] years = {"0000", "0001", "1000", "1899", "1900", "2299", "2300", "2301", "9999", "99999",
        "+999999999", "-999999999"};
      String text = text(in);
      Matcher m = YEAR.matcher(text);
      StringBuilder out = new StringBuilder();
      boolean all = r.nextBoolean();
      String year = years[r.nextInt(years.length)];
      while (m.find()) {
        m.appendReplacement(out, all || r.nextInt(20) == 0 ? Matcher.quoteReplacement(year) : "$0");
      }
      m.appendTail(out);
      return bytes(out.toString());
    }
  },
  INSERT_JUNK {
    @Override
    byte[] apply(byte[] in, SplittableRandom r) {
      byte[] junk = {',', '"', '\n', '\r', '{', '}', '[', ']', ':', '-', 'e', '.', '0', '9', 0, (byte) 0xC3};
      byte[] out = in;
      for (int i = 0, n = 1 + r.nextInt(20); i < n; i++) {
        int at = r.nextInt(out.length + 1);
        byte[] next = new byte[out.length + 1];
        System.arraycopy(out, 0, next, 0, at);
        next[at] = junk[r.nextInt(junk.length)];
        System.arraycopy(out, at, next, at + 1, out.length - at);
        out = next;
      }
      return out;
    }
  };

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
  private static final Pattern YEAR = Pattern.compile("(?<=\\D|^)20\\d\\d(?=\\D)");

  static final String[] SPECIALS = {
    "NaN", "Infinity", "-Infinity", "-0", "-0.0", "1e-320", "4.9e-324", "1e308", "1.8e308", "1e300",
    "99999999999999999999", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
    "1000000001", "10000000001", "1e9", "1e-7", "0", "0.0000001", "", "-1", "1e", "0x10", "1,000,000"
  };

  abstract byte[] apply(byte[] in, SplittableRandom r);

  static String text(byte[] in) {
    return new String(in, StandardCharsets.UTF_8);
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static List<String> lines(byte[] in) {
    return new ArrayList<>(Arrays.asList(text(in).split("\n", -1)));
  }

  static byte[] join(List<String> lines) {
    return bytes(String.join("\n", lines));
  }
}
