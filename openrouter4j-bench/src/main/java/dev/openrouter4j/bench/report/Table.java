package dev.openrouter4j.bench.report;

import java.util.ArrayList;
import java.util.List;

/** A Markdown table: a header row, then rows of cells; pipes in cells are escaped. */
final class Table {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  Table(String... header) {
    this.header = List.of(header);
  }

  Table row(Object... cells) {
    List<String> r = new ArrayList<>();
    for (Object c : cells) r.add(c == null ? "" : c.toString().replace("|", "\\|").replace("\n", " "));
    while (r.size() < header.size()) r.add("");
    rows.add(r);
    return this;
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  String render() {
    StringBuilder sb = new StringBuilder();
    line(sb, header);
    sb.append('|');
    for (int i = 0; i < header.size(); i++) sb.append("---|");
    sb.append('\n');
    for (List<String> r : rows) line(sb, r);
    return sb.toString();
  }

  private static void line(StringBuilder sb, List<String> cells) {
    sb.append('|');
    for (String c : cells) sb.append(' ').append(c).append(" |");
    sb.append('\n');
  }
}
