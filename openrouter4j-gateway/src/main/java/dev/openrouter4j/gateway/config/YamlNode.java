package dev.openrouter4j.gateway.config;

import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One node of the parsed YAML, with the path that names it in messages ({@code
 * providers[0].timeout_ms}) and the source it came from.
 *
 * <p>SnakeYAML's composed nodes are used rather than a Jackson tree because every scalar, key and
 * collection keeps its start mark, which is what the messages need. Scalars are typed here, after
 * {@code ${VAR}} substitution, so a substituted value behaves as if it had been written in the file.
 * Plain scalars follow the YAML 1.2 core schema ({@code yes}/{@code no} are strings, not booleans).
 * A value that is null ({@code ~}, {@code null}, nothing) or empty after substitution counts as not
 * given, so {@code api_key: ${KEY:-}} means "no key".
 */
final class YamlNode {
  private static final Pattern NULL = Pattern.compile("~|null|Null|NULL");
  private static final Pattern BOOLEAN = Pattern.compile("true|True|TRUE|false|False|FALSE");
  // Underscores between digits are YAML 1.1 and Java habit (10_485_760); accepting them costs nothing.
  private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9]+(_[0-9]+)*");
  private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

  /** Where the text came from, for messages, and the environment that {@code ${VAR}} reads. */
  record Source(String name, Map<String, String> env) {}

  private final Node node;
  private final String path;
  private final Source source;

  private YamlNode(Node node, String path, Source source) {
    this.node = node;
    this.path = path;
    this.source = source;
  }

  /** The document's root, or null when the text holds no document (empty, or only comments). */
  static YamlNode parse(String yaml, Source source) {
    Node root;
    try {
      root = new Yaml(new LoaderOptions()).compose(new StringReader(yaml));
    } catch (MarkedYAMLException e) {
      throw syntaxError(e, yaml, source);
    } catch (YAMLException e) {
      throw new ConfigException(source.name() + ": invalid YAML: " + oneLine(e.getMessage()), e);
    }
    return root == null ? null : new YamlNode(root, "", source);
  }

  private static ConfigException syntaxError(MarkedYAMLException e, String yaml, Source source) {
    Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    String problem = oneLine(e.getProblem());
    String context = oneLine(e.getContext());
    StringBuilder msg = new StringBuilder("invalid YAML: ");
    if (problem.startsWith("but ")) {
      // SnakeYAML splits some sentences in two ("expected a single document …" / "but found …").
      msg.append(context).append(", ").append(problem);
    } else {
      msg.append(problem.isEmpty() ? context : problem);
      if (!problem.isEmpty() && !context.isEmpty()) {
        msg.append(" (").append(context);
        if (e.getContextMark() != null) msg.append(" that starts at line ").append(e.getContextMark().getLine() + 1);
        msg.append(')');
      }
    }
    // `port: ${PORT}` is fine in block style but not inside { } or [ ], where '{' and '}' are syntax.
    if (mark != null && lineText(yaml, mark.getLine()).contains("${")) {
      msg.append("; inside { } or [ ], quote values that use ${…}");
    }
    return new ConfigException(location(source, mark) + msg, e);
  }

  private static String lineText(String text, int index) {
    List<String> lines = text.lines().toList();
    return index >= 0 && index < lines.size() ? lines.get(index) : "";
  }

  private static String location(Source source, Mark mark) {
    if (mark == null) return source.name() + ": ";
    return source.name() + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1) + ": ";
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  String path() {
    return path;
  }

  /** The path as a subject: "providers[0]", or "the top level" for the root. */
  String where() {
    return path.isEmpty() ? "the top level" : path;
  }

  /** The path after a noun: "in providers[0]", or "at the top level". */
  String in() {
    return path.isEmpty() ? "at the top level" : "in " + path;
  }

  /** 1-based line of the node's start. */
  int line() {
    return node.getStartMark().getLine() + 1;
  }

  /** An error located at this node. */
  ConfigException error(String message) {
    return new ConfigException(location(source, node.getStartMark()) + message);
  }

  private YamlNode child(String key, Node value) {
    return new YamlNode(value, path.isEmpty() ? key : path + "." + key, source);
  }

  /**
   * This node as a mapping whose keys must all be in {@code known} (any key when null). Keys are
   * checked here, in document order, so the first unknown or repeated key is the one reported.
   */
  YamlMap asMap(List<String> known) {
    if (!(node instanceof MappingNode mapping)) throw mismatch("a mapping (key: value)");
    Map<String, YamlMap.Entry> entries = new LinkedHashMap<>();
    for (NodeTuple tuple : mapping.getValue()) {
      Node keyNode = tuple.getKeyNode();
      YamlNode keyAt = new YamlNode(keyNode, path, source);
      if (!(keyNode instanceof ScalarNode scalarKey)) throw keyAt.error("keys must be plain strings, " + in());
      if (Tag.MERGE.equals(keyNode.getTag())) throw keyAt.error("merge keys (<<) are not supported, " + in());
      String key = scalarKey.getValue();
      if (known != null && !known.contains(key)) throw keyAt.error(unknownKey(key, known));
      YamlMap.Entry first = entries.get(key);
      if (first != null) {
        throw keyAt.error("duplicate key '" + key + "' " + in() + " (first at line " + first.key().line() + ")");
      }
      entries.put(key, new YamlMap.Entry(keyAt, child(key, tuple.getValueNode())));
    }
    return new YamlMap(this, entries);
  }

  private String unknownKey(String key, List<String> known) {
    String hint = KeyHint.closest(key, known);
    return "unknown key '" + key + "' " + in() + " (" + (hint != null ? "did you mean '" + hint + "'? " : "")
        + "known: " + String.join(", ", known) + ")";
  }

  List<YamlNode> asList() {
    if (!(node instanceof SequenceNode sequence)) throw mismatch("a list");
    List<YamlNode> items = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      items.add(new YamlNode(item, path + "[" + items.size() + "]", source));
    }
    return items;
  }

  boolean isScalar() {
    return node instanceof ScalarNode;
  }

  /** True when the value counts as not given: a null literal, or empty after substitution. */
  boolean isNull() {
    if (!(node instanceof ScalarNode scalar)) return false;
    String text = text("a value");
    return text.isEmpty() || (scalar.isPlain() && NULL.matcher(text).matches());
  }

  String asString() {
    return text("a string");
  }

  /** The string when {@code ok} accepts it, else "{path} must be {expected}, got '…'". */
  String asString(Predicate<String> ok, String expected) {
    String s = text(expected);
    if (!ok.test(s)) throw mismatch(expected);
    return s;
  }

  String asOneOf(List<String> allowed) {
    return asString(allowed::contains, "one of " + String.join(", ", allowed));
  }

  long asLong(long min, long max) {
    String expected = "an integer " + range(min, max);
    String s = text(expected);
    if (!INTEGER.matcher(s).matches()) throw mismatch(expected);
    BigInteger value = new BigInteger(s.replace("_", "").replace("+", ""));
    if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
      throw mismatch(expected);
    }
    return value.longValue();
  }

  double asDouble(double min) {
    String expected = "a number " + (min == 0 ? ">= 0" : ">= " + min);
    String s = text(expected);
    if (!DECIMAL.matcher(s).matches()) throw mismatch(expected);
    double value = Double.parseDouble(s);
    if (value < min || Double.isInfinite(value)) throw mismatch(expected);
    return value;
  }

  boolean asBoolean() {
    String s = text("true or false");
    if (!BOOLEAN.matcher(s).matches()) throw mismatch("true or false");
    return s.equalsIgnoreCase("true");
  }

  /**
   * The node as plain Java values for kind-specific settings that this package does not interpret:
   * maps, lists, String, Long, Double, Boolean. Map entries whose value is null are left out, as for
   * any other key that is not given.
   */
  Object toPlain() {
    if (node instanceof MappingNode) {
      Map<String, Object> map = new LinkedHashMap<>();
      asMap(null).forEach((key, value) -> {
        Object v = value.toPlain();
        if (v != null) map.put(key, v);
      });
      return Collections.unmodifiableMap(map);
    }
    if (node instanceof SequenceNode) {
      List<Object> list = new ArrayList<>();
      for (YamlNode item : asList()) list.add(item.toPlain());
      return Collections.unmodifiableList(list);
    }
    if (isNull()) return null;
    String s = text("a value");
    if (!((ScalarNode) node).isPlain()) return s;
    if (BOOLEAN.matcher(s).matches()) return s.equalsIgnoreCase("true");
    if (INTEGER.matcher(s).matches()) {
      BigInteger big = new BigInteger(s.replace("_", "").replace("+", ""));
      return big.bitLength() < 64 ? (Object) big.longValue() : s;
    }
    if (DECIMAL.matcher(s).matches()) return Double.parseDouble(s);
    return s;
  }

  /**
   * The scalar's text after {@code ${VAR}} substitution (only scalar values are substituted); for a
   * mapping or list, an error saying that {@code expected} was wanted.
   */
  private String text(String expected) {
    if (!(node instanceof ScalarNode scalar)) throw mismatch(expected);
    try {
      return EnvSubstitution.apply(scalar.getValue(), source.env());
    } catch (IllegalArgumentException e) {
      throw error(path + ": " + e.getMessage());
    }
  }

  /** "{path} must be {expected}, got …", naming what was found. */
  ConfigException mismatch(String expected) {
    String got;
    if (node instanceof MappingNode) got = "a mapping";
    else if (node instanceof SequenceNode) got = "a list";
    else got = quote(text(expected));
    return error(where() + " must be " + expected + ", got " + got);
  }

  /** The value for a one-line message: line breaks shown as \n, long text cut short. */
  private static String quote(String value) {
    String s = value.replaceAll("\\R", "\\\\n");
    return "'" + (s.length() > 80 ? s.substring(0, 77) + "…" : s) + "'";
  }

  private static String range(long min, long max) {
    if (max == Long.MAX_VALUE) return min == 0 ? ">= 0" : ">= " + min;
    return "from " + min + " to " + max;
  }
}
