// Oracle for the imgix-java profile: runs the official imgix-java 2.3.2 classes
// (com.imgix.URLBuilder / com.imgix.URLHelper) on neutral cases and prints what they emit.
//
// stdin:  a JSON array of cases in the form of expectations.json (only "id", "operation" and
//         "input" are read).
// stdout: a JSON array, same order: {"id": ..., "ok": <string or list of ints>} or
//         {"id": ..., "error": "<exception class>: <message>"}.
//
// Run (imgix-java on the class path, see java_oracle.sh):
//   java -cp <imgix-java classes or jar> JavaOracle.java < cases.json
//
// Param values: imgix-java takes Map<String, String>; a JSON number or boolean is turned into
// a string with String.valueOf, which is what URLHelper.setParameter(String, Number) does; a
// JSON null is passed as a Java null.

import com.imgix.URLBuilder;
import com.imgix.URLHelper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public class JavaOracle {

  public static void main(String[] args) throws Exception {
    String text = new String(readAll(System.in), StandardCharsets.UTF_8);
    Object parsed = new Json(text).parseTop();
    @SuppressWarnings("unchecked")
    List<Object> cases = (List<Object>) parsed;
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < cases.size(); i++) {
      @SuppressWarnings("unchecked")
      Map<String, Object> c = (Map<String, Object>) cases.get(i);
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("id", c.get("id"));
      try {
        result.put("ok", run(c));
      } catch (Throwable t) {
        result.put("error", t.getClass().getName() + ": " + t.getMessage());
      }
      if (i > 0) out.append(",\n");
      Json.write(out, result);
    }
    out.append("]\n");
    PrintStream ps = new PrintStream(System.out, true, "UTF-8");
    ps.print(out);
  }

  @SuppressWarnings("unchecked")
  static Object run(Map<String, Object> c) {
    String op = (String) c.get("operation");
    Map<String, Object> in = (Map<String, Object>) c.get("input");
    if (op.equals("target_widths")) {
      Map<String, Object> s = (Map<String, Object>) in.get("srcset");
      List<Object> widths =
          new ArrayList<>(
              URLBuilder.targetWidths(
                  intOf(s.get("min_width")), intOf(s.get("max_width")), dblOf(s.get("tolerance"))));
      return widths;
    }
    String api = (String) in.getOrDefault("java_api", "URLBuilder");
    String path = (String) in.get("path");
    List<Object> pairs = (List<Object>) in.get("params");
    Object tokenObj = in.get("token");
    String token = tokenObj == null ? null : (String) tokenObj;

    if (api.equals("URLHelper")) {
      if (!op.equals("build_url")) throw new IllegalArgumentException("URLHelper only builds URLs");
      String scheme = Boolean.TRUE.equals(in.get("use_https")) ? "https" : "http";
      URLHelper uh;
      if ("setParameter".equals(in.get("java_params_via"))) {
        uh = new URLHelper((String) in.get("domain"), path, scheme, token);
        for (Object p : pairs) {
          List<Object> kv = (List<Object>) p;
          Object v = kv.get(1);
          if (v instanceof Number) {
            uh.setParameter((String) kv.get(0), (Number) v);
          } else {
            uh.setParameter((String) kv.get(0), v == null ? null : String.valueOf(v));
          }
        }
      } else {
        uh = new URLHelper((String) in.get("domain"), path, scheme, token, toMap(pairs));
      }
      return uh.getURL();
    }

    URLBuilder ub =
        new URLBuilder(
            (String) in.get("domain"),
            Boolean.TRUE.equals(in.get("use_https")),
            token,
            Boolean.TRUE.equals(in.get("include_library_param")));
    HashMap<String, String> params = toMap(pairs);
    if (op.equals("build_url")) {
      return ub.createURL(path, params);
    }
    if (op.equals("build_srcset")) {
      Map<String, Object> s = (Map<String, Object>) in.get("srcset");
      Object widths = s.get("widths");
      if (widths != null) {
        List<Object> ws = (List<Object>) widths;
        Integer[] arr = new Integer[ws.size()];
        for (int i = 0; i < arr.length; i++) arr[i] = intOf(ws.get(i));
        return ub.createSrcSet(path, params, arr);
      }
      return ub.createSrcSet(
          path,
          params,
          intOf(s.get("min_width")),
          intOf(s.get("max_width")),
          dblOf(s.get("tolerance")),
          Boolean.TRUE.equals(s.get("disable_variable_quality")));
    }
    throw new IllegalArgumentException("operation not in imgix-java: " + op);
  }

  @SuppressWarnings("unchecked")
  static HashMap<String, String> toMap(List<Object> pairs) {
    HashMap<String, String> m = new HashMap<>();
    for (Object p : pairs) {
      List<Object> kv = (List<Object>) p;
      Object v = kv.get(1);
      m.put((String) kv.get(0), v == null ? null : stringOf(v));
    }
    return m;
  }

  static String stringOf(Object v) {
    if (v instanceof Long) return String.valueOf((long) (Long) v);
    if (v instanceof Double) return String.valueOf((double) (Double) v);
    return String.valueOf(v);
  }

  static int intOf(Object o) {
    return (int) (long) (Long) o;
  }

  static double dblOf(Object o) {
    return o instanceof Long ? (double) (long) (Long) o : (Double) o;
  }

  static byte[] readAll(InputStream in) throws Exception {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    byte[] b = new byte[65536];
    int n;
    while ((n = in.read(b)) > 0) buf.write(b, 0, n);
    return buf.toByteArray();
  }

  /** A small JSON reader and writer (objects keep their order; integers are Long). */
  static final class Json {
    private final String s;
    private int i;

    Json(String s) {
      this.s = s;
    }

    Object parseTop() {
      Object v = value();
      ws();
      if (i != s.length()) throw new IllegalArgumentException("trailing data at " + i);
      return v;
    }

    private void ws() {
      while (i < s.length() && " \t\r\n".indexOf(s.charAt(i)) >= 0) i++;
    }

    private Object value() {
      ws();
      char c = s.charAt(i);
      if (c == '{') {
        i++;
        Map<String, Object> m = new LinkedHashMap<>();
        ws();
        if (s.charAt(i) == '}') {
          i++;
          return m;
        }
        while (true) {
          ws();
          String k = string();
          ws();
          expect(':');
          m.put(k, value());
          ws();
          if (s.charAt(i) == ',') {
            i++;
          } else {
            expect('}');
            return m;
          }
        }
      }
      if (c == '[') {
        i++;
        List<Object> l = new ArrayList<>();
        ws();
        if (s.charAt(i) == ']') {
          i++;
          return l;
        }
        while (true) {
          l.add(value());
          ws();
          if (s.charAt(i) == ',') {
            i++;
          } else {
            expect(']');
            return l;
          }
        }
      }
      if (c == '"') return string();
      if (s.startsWith("true", i)) {
        i += 4;
        return Boolean.TRUE;
      }
      if (s.startsWith("false", i)) {
        i += 5;
        return Boolean.FALSE;
      }
      if (s.startsWith("null", i)) {
        i += 4;
        return null;
      }
      int start = i;
      while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
      String num = s.substring(start, i);
      if (num.isEmpty()) throw new IllegalArgumentException("bad JSON at " + start);
      if (num.contains(".") || num.contains("e") || num.contains("E")) return Double.valueOf(num);
      return Long.valueOf(num);
    }

    private void expect(char c) {
      if (s.charAt(i) != c) throw new IllegalArgumentException("expected " + c + " at " + i);
      i++;
    }

    private String string() {
      expect('"');
      StringBuilder b = new StringBuilder();
      while (true) {
        char c = s.charAt(i++);
        if (c == '"') return b.toString();
        if (c != '\\') {
          b.append(c);
          continue;
        }
        char e = s.charAt(i++);
        switch (e) {
          case 'n': b.append('\n'); break;
          case 't': b.append('\t'); break;
          case 'r': b.append('\r'); break;
          case 'b': b.append('\b'); break;
          case 'f': b.append('\f'); break;
          case 'u':
            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
            i += 4;
            break;
          default: b.append(e);
        }
      }
    }

    @SuppressWarnings("unchecked")
    static void write(StringBuilder out, Object v) {
      if (v == null) {
        out.append("null");
      } else if (v instanceof String) {
        String str = (String) v;
        out.append('"');
        for (int k = 0; k < str.length(); k++) {
          char c = str.charAt(k);
          if (c == '"' || c == '\\') {
            out.append('\\').append(c);
          } else if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
        out.append('"');
      } else if (v instanceof Map) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, Object> e : ((Map<String, Object>) v).entrySet()) {
          if (!first) out.append(", ");
          first = false;
          write(out, e.getKey());
          out.append(": ");
          write(out, e.getValue());
        }
        out.append('}');
      } else if (v instanceof List) {
        out.append('[');
        boolean first = true;
        for (Object o : (List<Object>) v) {
          if (!first) out.append(", ");
          first = false;
          write(out, o);
        }
        out.append(']');
      } else {
        out.append(String.valueOf(v));
      }
    }
  }
}
