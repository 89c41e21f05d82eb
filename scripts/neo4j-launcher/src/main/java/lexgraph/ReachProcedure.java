package lexgraph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.neo4j.graphdb.Direction;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Relationship;
import org.neo4j.graphdb.RelationshipType;
import org.neo4j.graphdb.Transaction;
import org.neo4j.procedure.Context;
import org.neo4j.procedure.Description;
import org.neo4j.procedure.Mode;
import org.neo4j.procedure.Name;
import org.neo4j.procedure.Procedure;

/**
 * {@code CALL lexgraph.reach(key, direction, types, relations, scope, maxDepth)}: the breadth-first
 * search behind lexgraph's implementers and lineage, run inside the server.
 *
 * <p>Why: on Neo4j Community a variable-length Cypher pattern over the 10,000 implementers of a
 * central directive takes 80-90 ms before anything is sent, and sending every reached document's
 * qualifying edges for the client to search costs more again (about 400 ms in all here). This
 * procedure walks the same edges with the public Core API and sends one record: the reached
 * documents (the origin first), each with its depth, parent and the evidence of its edge to the
 * parent, as parallel lists (about 200 ms in all; docs/benchmarks_queries.md). The kernel's
 * cursors (internal API) were tried and saved only a further 15 %: most of the time is the
 * page-cache reads of 74,000 relationships and their scope, whatever the API.
 *
 * <p>Its answer is the one queries/traverse.py computes (the tests compare both on the same
 * databases): depth is the shortest distance; a document's parent is the smallest key one step
 * closer (keys compared by code point, as Python compares strings); among parallel qualifying
 * edges to that parent the evidence is the smallest by (kind is not 'citation', scope is not
 * 'document', position of its relation in {@code relations}, start or 0, id or ''). An edge
 * qualifies when its type is one of {@code types} (the relations' types, graph/neo4j_types.py)
 * and, unless {@code scope} is null, its scope property equals it. {@code direction} 'down' walks edges backwards (who
 * implements the origin), 'up' forwards.
 *
 * <p>Read-only: it never writes, and runs in the caller's read transaction.
 */
public final class ReachProcedure {
  private static final Label DOCUMENT = Label.label("Document");
  private static final String[] FIELDS = {
    "number", "kind", "issuer", "province", "level", "date", "title"
  };

  @Context public Transaction tx;

  /** One record of parallel lists, index 0 being the origin (depth 0, parent -1). */
  public static final class Reached {
    public List<Object> keys;
    public List<Object> depths;
    public List<Object> parents; // index into these lists, -1 for the origin
    public List<Object> fields; // per document: [number, kind, issuer, province, level, date,
    // title, first source]
    public List<Object> evidence; // per document: [relation, scope, quote] of its parent edge

    Reached(int size) {
      keys = new ArrayList<>(size);
      depths = new ArrayList<>(size);
      parents = new ArrayList<>(size);
      fields = new ArrayList<>(size);
      evidence = new ArrayList<>(size);
    }
  }

  /** A candidate parent edge of a document first met at the current depth. */
  private static final class Candidate {
    final Node node;
    int parent; // index of the parent
    Relationship edge;

    Candidate(Node node, int parent, Relationship edge) {
      this.node = node;
      this.parent = parent;
      this.edge = edge;
    }
  }

  @Procedure(name = "lexgraph.reach", mode = Mode.READ)
  @Description(
      "lexgraph.reach(key, direction, types, relations, scope, maxDepth): the documents reached from "
          + "the document `key` over edges of the given relations (and scope), with depth, "
          + "smallest-key parent and evidence; one record of parallel lists, origin first.")
  @SuppressWarnings("deprecation") // Node.getId(): a map key within this transaction only
  public Stream<Reached> reach(
      @Name("key") String key,
      @Name("direction") String direction,
      @Name("types") List<String> typeNames,
      @Name("relations") List<String> relations,
      @Name(value = "scope", defaultValue = "null") String scope,
      @Name(value = "maxDepth", defaultValue = "-1") Long maxDepth) {
    Node origin = tx.findNode(DOCUMENT, "key", key);
    if (origin == null) {
      return Stream.empty();
    }
    Direction step = "up".equals(direction) ? Direction.OUTGOING : Direction.INCOMING;
    RelationshipType[] types = new RelationshipType[typeNames.size()];
    for (int i = 0; i < types.length; i++) {
      types[i] = RelationshipType.withName(typeNames.get(i));
    }
    Map<String, Integer> relationRank = new HashMap<>();
    for (int i = 0; i < relations.size(); i++) {
      relationRank.putIfAbsent(relations.get(i), i);
    }
    long limit = maxDepth == null || maxDepth < 0 ? Long.MAX_VALUE : maxDepth;

    List<Node> nodes = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    List<Integer> depths = new ArrayList<>();
    List<Integer> parents = new ArrayList<>();
    List<Relationship> edges = new ArrayList<>();
    Map<Long, Integer> index = new HashMap<>();
    nodes.add(origin);
    keys.add(key);
    depths.add(0);
    parents.add(-1);
    edges.add(null);
    index.put(origin.getId(), 0);

    int levelStart = 0;
    int levelEnd = 1;
    // No type: nothing qualifies (getRelationships with no type would return every edge).
    for (int depth = 1; depth <= limit && levelStart < levelEnd && types.length > 0; depth++) {
      Map<Long, Candidate> found = new HashMap<>();
      List<Long> order = new ArrayList<>();
      for (int u = levelStart; u < levelEnd; u++) {
        Node from = nodes.get(u);
        for (Relationship edge : from.getRelationships(step, types)) {
          if (scope != null && !scope.equals(edge.getProperty("scope", null))) {
            continue;
          }
          Node to = edge.getOtherNode(from);
          long id = to.getId();
          if (index.containsKey(id)) {
            continue;
          }
          Candidate seen = found.get(id);
          if (seen == null) {
            found.put(id, new Candidate(to, u, edge));
            order.add(id);
          } else if (seen.parent == u) {
            if (rankCompare(edge, seen.edge, relationRank, relations.size()) < 0) {
              seen.edge = edge;
            }
          } else if (compareCodePoints(keys.get(u), keys.get(seen.parent)) < 0) {
            seen.parent = u;
            seen.edge = edge;
          }
        }
      }
      levelStart = levelEnd;
      for (Long id : order) {
        Candidate c = found.get(id);
        index.put(id, nodes.size());
        nodes.add(c.node);
        keys.add((String) c.node.getProperty("key", null));
        depths.add(depth);
        parents.add(c.parent);
        edges.add(c.edge);
      }
      levelEnd = nodes.size();
      // A parent chosen among documents of the previous level depends on their keys only,
      // so choosing while scanning (above) is final once the level is scanned.
    }

    Reached out = new Reached(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      Node node = nodes.get(i);
      out.keys.add(keys.get(i));
      out.depths.add((long) depths.get(i));
      out.parents.add((long) parents.get(i));
      List<Object> row = new ArrayList<>(FIELDS.length + 1);
      for (String field : FIELDS) {
        row.add(node.getProperty(field, null));
      }
      Object sources = node.getProperty("sources", null);
      row.add(sources instanceof String[] s && s.length > 0 ? s[0] : null);
      out.fields.add(row);
      Relationship edge = edges.get(i);
      if (edge == null) {
        out.evidence.add(null);
      } else {
        out.evidence.add(
            java.util.Arrays.asList(
                edge.getProperty("relation", null),
                edge.getProperty("scope", null),
                edge.getProperty("quote", null)));
      }
    }
    return Stream.of(out);
  }

  /** The order of two parallel edges as evidence (negative when {@code a} is better). */
  private static int rankCompare(
      Relationship a, Relationship b, Map<String, Integer> relationRank, int size) {
    int c = Boolean.compare(!"citation".equals(a.getProperty("kind", null)),
        !"citation".equals(b.getProperty("kind", null)));
    if (c != 0) {
      return c;
    }
    c = Boolean.compare(!"document".equals(a.getProperty("scope", null)),
        !"document".equals(b.getProperty("scope", null)));
    if (c != 0) {
      return c;
    }
    c = Integer.compare(relationRank.getOrDefault(a.getProperty("relation", null), size),
        relationRank.getOrDefault(b.getProperty("relation", null), size));
    if (c != 0) {
      return c;
    }
    c = Long.compare(start(a), start(b));
    if (c != 0) {
      return c;
    }
    return compareCodePoints(idOf(a), idOf(b));
  }

  private static long start(Relationship edge) {
    Object value = edge.getProperty("start", null);
    return value instanceof Number n ? n.longValue() : 0L;
  }

  private static String idOf(Relationship edge) {
    Object value = edge.getProperty("id", null);
    return value instanceof String s ? s : "";
  }

  /** Strings compared by code point, as Python compares them (not by UTF-16 unit). */
  static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
