package org.madoguchi.hostile;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.madoguchi.hostile.Endpoints.Body;
import org.madoguchi.hostile.Endpoints.Endpoint;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * Makes the {@code index}-th hostile request from the seed alone (the same request whichever thread
 * sends it): an endpoint, who sends it, and one kind of damage. Each request is built to be refused:
 * its body, parameters, path, method, content type, credentials or CSRF token is wrong.
 */
final class HostileRequests {

  /** Who sends a request. */
  enum Sender { NOBODY, APPLICANT, STAFF, APPLICANT_ON_OTHERS_CASE, WRONG_TOKEN, GARBAGE_CREDENTIALS }

  /** What is wrong with it. */
  enum Damage {
    WRONG_TYPES, MISSING_AND_EXTRA_FIELDS, HUGE_STRING, HUGE_LIST, INVALID_UTF8, CONTROL_CHARACTERS, DEEP_NESTING,
    MALFORMED, WRONG_CONTENT_TYPE, FORGED_CSRF, MISSING_CSRF, WRONG_METHOD, BAD_PATH, HUGE_QUERY, BROKEN_MULTIPART,
    BODY_OVER_LIMIT
  }

  /** A request to send: {@code path} already encoded; {@code csrf} whether the session's token goes with it. */
  record Hostile(
      String method, String path, Map<String, String> headers, byte[] body, Sender sender, Damage damage, Endpoint endpoint,
      boolean csrf) {

    String describe() {
      return method + " " + endpoint.path() + " as " + sender + ": " + damage;
    }
  }

  /** The case numbers the requests aim at: the applicant's own, and another applicant's. */
  record Targets(String ownCase, String othersCase) {}

  private static final String[] BAD_SEGMENTS = {
    "..%2F..%2Fetc%2Fpasswd", "%00", "%C3%28", "%FF%FE", "x".repeat(3000), "'%20OR%201%3D1%20--", "-1", "99999999999999999999",
    "%E2%80%AE", "BINDS-9999-99999", "%0D%0ASet-Cookie:%20a%3Db", "%2e%2e"
  };
  private static final String[] WRONG_CONTENT_TYPES = {
    "text/plain", "application/xml", "multipart/form-data", "application/x-www-form-urlencoded", "application/json; charset=latin-9",
    "image/png", "*/*", ""
  };

  private final List<Endpoint> endpoints;
  private final Targets targets;
  private final long seed;

  HostileRequests(List<Endpoint> endpoints, Targets targets, long seed) {
    this.endpoints = endpoints;
    this.targets = targets;
    this.seed = seed;
  }

  Hostile make(int index) {
    Random random = new Random(seed * 1_000_003L + index);
    Endpoint endpoint = endpoints.get(random.nextInt(endpoints.size()));
    Sender sender = senderFor(endpoint, random);
    String method = methodOf(endpoint, random);
    Damage damage = damageFor(endpoint, method, random);
    String caseNumber = sender == Sender.APPLICANT_ON_OTHERS_CASE ? targets.othersCase() : targets.ownCase();
    String path = expand(endpoint, caseNumber, damage == Damage.BAD_PATH, random);
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Accept-Language", random.nextBoolean() ? "ja" : "en");
    headers.put("Accept", endpoint.isApi() || random.nextInt(4) == 0 ? "application/json" : "text/html");
    byte[] body = null;
    boolean csrf = damage != Damage.FORGED_CSRF && damage != Damage.MISSING_CSRF && !endpoint.path().equals("/logout");
    if (damage == Damage.FORGED_CSRF) {
      headers.put("X-CSRF-TOKEN", "forged-" + Long.toHexString(random.nextLong()));
    }
    switch (damage) {
      case WRONG_METHOD -> method = pick(random, "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE");
      case HUGE_QUERY -> path += "?" + hugeQuery(endpoint, random);
      case WRONG_CONTENT_TYPE -> {
        String type = pick(random, WRONG_CONTENT_TYPES);
        if (!type.isEmpty()) {
          headers.put("Content-Type", type);
        }
        // The body is refused too, should the content type be one the endpoint takes after all. Under the
        // form type it is a form: JSON text read as a form has none of the form's fields, which is a valid
        // post of a form whose fields are all optional (an unticked box, no cancellation reason).
        boolean form = type.equals("application/x-www-form-urlencoded") || random.nextBoolean();
        body = form ? formBody(endpoint, Damage.CONTROL_CHARACTERS, random) : jsonBody(endpoint, Damage.CONTROL_CHARACTERS, random);
      }
      case BROKEN_MULTIPART -> {
        headers.put("Content-Type", random.nextBoolean() ? "multipart/form-data" : "multipart/form-data; boundary=xyz");
        body = brokenMultipart(random);
      }
      case BODY_OVER_LIMIT -> {
        headers.put("Content-Type", endpoint.body() == Body.FORM ? "application/x-www-form-urlencoded" : "application/json");
        body = ("{\"x\":\"" + "a".repeat(17 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
      }
      default -> {
        if (!method.equals("GET")) {
          boolean json = endpoint.body() == Body.JSON || (endpoint.body() != Body.FORM && endpoint.isApi());
          headers.put("Content-Type", json ? "application/json" : "application/x-www-form-urlencoded");
          body = json ? jsonBody(endpoint, damage, random) : formBody(endpoint, damage, random);
        } else if (damage != Damage.BAD_PATH) {
          path += "?" + formText(endpoint, damage, random, true);
        }
      }
    }
    return new Hostile(method, path, headers, body, sender, damage, endpoint, csrf);
  }

  private static Sender senderFor(Endpoint endpoint, Random random) {
    if (endpoint.path().equals("/login") || endpoint.path().startsWith("/signup") || endpoint.path().startsWith("/password")) {
      return Sender.NOBODY;
    }
    if (endpoint.path().startsWith("/api/") || endpoint.path().startsWith("/actuator")) {
      // Most API requests are refused before any password check; a few check one (each costs a BCrypt hash).
      int r = random.nextInt(20);
      return r < 10 ? Sender.NOBODY : r < 11 ? Sender.WRONG_TOKEN : r < 13 ? Sender.GARBAGE_CREDENTIALS
          : r < 17 ? Sender.APPLICANT : r < 19 ? Sender.APPLICANT_ON_OTHERS_CASE : Sender.STAFF;
    }
    return pick(random, Sender.NOBODY, Sender.APPLICANT, Sender.APPLICANT, Sender.STAFF, Sender.APPLICANT_ON_OTHERS_CASE);
  }

  private static String methodOf(Endpoint endpoint, Random random) {
    Set<RequestMethod> methods = endpoint.methods();
    if (methods.isEmpty()) {
      return random.nextBoolean() ? "GET" : "POST";
    }
    return methods.stream().skip(random.nextInt(methods.size())).findFirst().orElseThrow().name();
  }

  private static Damage damageFor(Endpoint endpoint, String method, Random random) {
    List<Damage> possible = new ArrayList<>(List.of(Damage.WRONG_METHOD, Damage.BAD_PATH, Damage.HUGE_QUERY));
    if (method.equals("GET")) {
      possible.addAll(List.of(Damage.WRONG_TYPES, Damage.HUGE_STRING, Damage.CONTROL_CHARACTERS, Damage.INVALID_UTF8));
    } else {
      possible.addAll(
          List.of(
              Damage.WRONG_TYPES, Damage.MISSING_AND_EXTRA_FIELDS, Damage.HUGE_STRING, Damage.HUGE_LIST, Damage.INVALID_UTF8,
              Damage.CONTROL_CHARACTERS, Damage.MALFORMED, Damage.WRONG_CONTENT_TYPE, Damage.FORGED_CSRF,
              Damage.MISSING_CSRF, Damage.BROKEN_MULTIPART));
      if (endpoint.body() == Body.JSON) {
        possible.add(Damage.DEEP_NESTING);
      }
      if (random.nextInt(1_000) == 0) {
        return Damage.BODY_OVER_LIMIT;
      }
    }
    return possible.get(random.nextInt(possible.size()));
  }

  private static String expand(Endpoint endpoint, String caseNumber, boolean damaged, Random random) {
    String path = endpoint.path();
    List<String> variables = endpoint.pathVariables();
    String damagedVariable = variables.isEmpty() ? null : variables.get(random.nextInt(variables.size()));
    for (String variable : variables) {
      String value;
      if (damaged && variable.equals(damagedVariable)) {
        value = pick(random, BAD_SEGMENTS);
      } else if (variable.equals("caseNumber")) {
        value = caseNumber;
      } else if (variable.equals("name")) {
        value = pick(random, "support-request", "info-reply", "nothing");
      } else {
        value = String.valueOf(1 + random.nextInt(5));
      }
      path = path.replaceFirst("\\{" + variable + "(:[^}]*)?}", java.util.regex.Matcher.quoteReplacement(value));
    }
    if (damaged && variables.isEmpty()) {
      path += "/" + pick(random, BAD_SEGMENTS);
    }
    return path.replace("/**", "/x");
  }

  // ---- bodies

  private static byte[] jsonBody(Endpoint endpoint, Damage damage, Random random) {
    Class<?> type = endpoint.bodyType();
    return switch (damage) {
      case DEEP_NESTING -> ("{\"a\":" + "[".repeat(2000 + random.nextInt(5000))).getBytes(StandardCharsets.UTF_8);
      case MALFORMED -> pick(random, "{", "{\"title\":", "nul", "{\"a\":1}}", "[1,2", "{'a':1}", "\"x\"")
          .getBytes(StandardCharsets.UTF_8);
      case INVALID_UTF8 -> invalidUtf8(type, random);
      case HUGE_LIST -> hugeList(type, random);
      default -> json(objectFor(type, damage, random, 0)).getBytes(StandardCharsets.UTF_8);
    };
  }

  /** A JSON object for {@code type} with {@code damage} done to it; every value is one the type refuses. */
  private static Object objectFor(Class<?> type, Damage damage, Random random, int depth) {
    Map<String, Object> object = new LinkedHashMap<>();
    List<Field> fields = type == null ? List.of() : fieldsOf(type);
    if (fields.isEmpty()) {
      object.put("value", hostileText(damage, random));
      return object;
    }
    boolean removeSome = damage == Damage.MISSING_AND_EXTRA_FIELDS;
    for (Field field : fields) {
      if (removeSome && random.nextBoolean() && !(field.getType() == String.class)) {
        continue;
      }
      object.put(field.getName(), valueFor(field, damage, random, depth));
    }
    if (removeSome) {
      object.put("unexpected" + random.nextInt(100), hostileText(Damage.CONTROL_CHARACTERS, random));
      object.put("__proto__", Map.of("admin", true));
      object.put("id", 1);
    }
    return object;
  }

  private static Object valueFor(Field field, Damage damage, Random random, int depth) {
    Class<?> type = field.getType();
    if (damage == Damage.WRONG_TYPES) {
      return type == String.class ? pick(random, Map.of("x", 1), List.of(1, 2)) : type == List.class ? "not-a-list"
          : type == Boolean.class || type == boolean.class ? "perhaps" : Number.class.isAssignableFrom(type) ? "many"
          : pick(random, 12, "x", List.of());
    }
    if (type == String.class) {
      return hostileText(damage, random);
    }
    if (List.class.isAssignableFrom(type)) {
      Class<?> element = elementOf(field);
      if (element == String.class) {
        return List.of(hostileText(damage, random));
      }
      return depth > 2 ? List.of() : List.of(objectFor(element, damage, random, depth + 1));
    }
    if (type == Boolean.class || type == boolean.class) {
      return random.nextBoolean();
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
      return pick(random, -1, Long.MAX_VALUE, 0, 1e308);
    }
    if (type == java.time.LocalDate.class) {
      return pick(random, "2026-02-30", "0000-00-00", "9999-12-31");
    }
    return hostileText(damage, random);
  }

  /** Text a sized field refuses: too long, or with control characters, or both. */
  private static String hostileText(Damage damage, Random random) {
    return switch (damage) {
      case HUGE_STRING -> random.nextInt(200) == 0 ? "x".repeat(10 * 1024 * 1024) : "長".repeat(8_001 + random.nextInt(12_000));
      default -> "a" + (char) random.nextInt(9) + "b" + (char) (14 + random.nextInt(18)) + "\u0000";
    };
  }

  private static byte[] hugeList(Class<?> type, Random random) {
    String listField =
        type == null ? null : fieldsOf(type).stream().filter(f -> List.class.isAssignableFrom(f.getType())).map(Field::getName)
            .findFirst().orElse(null);
    int n = 10_000 + random.nextInt(20_000);
    String elements = String.join(",", java.util.Collections.nCopies(n, "\"x\""));
    String json = listField == null ? "[" + elements + "]" : "{\"" + listField + "\":[" + elements + "]}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] invalidUtf8(Class<?> type, Random random) {
    String field = type == null || fieldsOf(type).isEmpty() ? "value" : fieldsOf(type).getFirst().getName();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("{\"" + field + "\":\"ab").getBytes(StandardCharsets.UTF_8));
    byte[][] broken = {{(byte) 0xC3, 0x28}, {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}};
    out.writeBytes(broken[random.nextInt(broken.length)]);
    out.writeBytes("cd\"}".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  private static byte[] formBody(Endpoint endpoint, Damage damage, Random random) {
    if (damage == Damage.INVALID_UTF8) {
      return (firstFormField(endpoint) + "=%C3%28%FF%ZZ%&=&&%").getBytes(StandardCharsets.ISO_8859_1);
    }
    if (damage == Damage.HUGE_LIST) {
      return (formText(endpoint, Damage.CONTROL_CHARACTERS, random, false) + "&"
              + java.util.stream.IntStream.range(0, 5_000).mapToObj(i -> "p" + i + "=" + i).collect(Collectors.joining("&")))
          .getBytes(StandardCharsets.UTF_8);
    }
    return formText(endpoint, damage, random, false).getBytes(StandardCharsets.UTF_8);
  }

  /** Every form field and named parameter of the endpoint, each with a value it refuses. */
  private static String formText(Endpoint endpoint, Damage damage, Random random, boolean query) {
    List<String> names = new ArrayList<>(endpoint.parameters());
    if (endpoint.bodyType() != null) {
      fieldsOf(endpoint.bodyType()).forEach(f -> names.add(f.getName()));
    }
    if (names.isEmpty()) {
      names.add("x");
    }
    return names.stream()
        .map(name -> name + "=" + URLEncoder.encode(formValue(damage, random, query), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }

  private static String formValue(Damage damage, Random random, boolean query) {
    return switch (damage) {
      // Of the wrong type for a number or a flag, and with a control character for text.
      case WRONG_TYPES -> pick(random, "maybe", "-1e999", "[]", "{}", "NaN") + "\u0000";
      // A query string is cut off by the header limit long before a body is.
      case HUGE_STRING -> "長".repeat(query ? 300 + random.nextInt(2_000) : 2_001 + random.nextInt(20_000));
      default -> hostileText(Damage.CONTROL_CHARACTERS, random);
    };
  }

  private static String hugeQuery(Endpoint endpoint, Random random) {
    // Past Tomcat's 8 KB for the request line and headers.
    return firstFormField(endpoint) + "=" + "%E9%95%B7".repeat(1_000 + random.nextInt(2_000));
  }

  private static String firstFormField(Endpoint endpoint) {
    if (!endpoint.parameters().isEmpty()) {
      return endpoint.parameters().getFirst();
    }
    return endpoint.bodyType() == null || fieldsOf(endpoint.bodyType()).isEmpty() ? "q" : fieldsOf(endpoint.bodyType()).getFirst().getName();
  }

  private static byte[] brokenMultipart(Random random) {
    return pick(
            random,
            "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../\u0007.exe\"\r\n\r\nMZ",
            "--xyz\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n",
            "--abc\r\n\r\n--abc--",
            "garbage",
            "--xyz\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nvalue\r\n--xyz--\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  // ---- reflection and JSON

  private static List<Field> fieldsOf(Class<?> type) {
    List<Field> fields = new ArrayList<>();
    for (Field field : type.getDeclaredFields()) {
      if (!Modifier.isStatic(field.getModifiers())) {
        fields.add(field);
      }
    }
    return fields;
  }

  private static Class<?> elementOf(Field field) {
    return field.getGenericType() instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c ? c : Object.class;
  }

  static String json(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      StringBuilder out = new StringBuilder("\"");
      for (char c : s.toCharArray()) {
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          default -> {
            if (c < 0x20) {
              out.append(String.format("\\u%04x", (int) c));
            } else {
              out.append(c);
            }
          }
        }
      }
      return out.append('"').toString();
    }
    if (value instanceof Map<?, ?> map) {
      return map.entrySet().stream().map(e -> json(e.getKey().toString()) + ":" + json(e.getValue()))
          .collect(Collectors.joining(",", "{", "}"));
    }
    if (value instanceof List<?> list) {
      return list.stream().map(HostileRequests::json).collect(Collectors.joining(",", "[", "]"));
    }
    return value.toString();
  }

  @SafeVarargs
  private static <T> T pick(Random random, T... values) {
    return values[random.nextInt(values.length)];
  }
}
