package io.pressroom.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pressroom.support.Fixtures;
import io.pressroom.support.Users;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sends a corpus of hostile requests to every endpoint family, anonymous and signed in where the
 * endpoint needs it, over a raw socket so that nothing is cleaned up on the way (control
 * characters, bad percent-encoding, wrong JSON types, deep and huge bodies). Every answer must be a
 * 4xx problem: application/problem+json with type, title, status and detail; never a 5xx and never
 * a bare 4xx.
 */
@QuarkusTest
class HostileInputTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Path segments no slug, handle or token has. */
  private static final List<String> SEGMENTS =
      List.of(
          "%00",
          "a%00b",
          "%01",
          "%1b%5b31m",
          "%zz",
          "%",
          "a%e2%82",
          "%ed%a0%80",
          "a|b",
          "a%7Bb%7D",
          "x".repeat(10_000));

  private static final List<String> IDS =
      List.of("99999999999999999999", "-1", "abc", "1.5", "0x10", "%00", "%zz", "1%00");

  /** Query values every parameter refuses. */
  private static final List<String> QUERY_VALUES =
      List.of("%00", "a%00b", "%07", "%zz", "%", "x".repeat(9_000));

  @Inject Users users;
  @Inject Fixtures fixtures;

  private Users.User reader;
  private Users.User author;
  private Users.User admin;
  private String slug;
  private String authorSlug;
  private long commentId;

  @BeforeEach
  void setUp() {
    reader = users.reader();
    author = users.author();
    admin = users.admin();
    authorSlug = fixtures.article(fixtures.author()).create();
    slug = authorSlug;
    commentId =
        reader
            .json()
            .body(Map.of("body", "A comment."))
            .post("/api/v1/articles/" + slug + "/comments")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
  }

  @Test
  void hostilePathSegmentsAreProblems() {
    List<Call> calls = new ArrayList<>();
    for (String s : SEGMENTS) {
      calls.add(anonymous("GET", "/api/v1/articles/" + s));
      calls.add(anonymous("GET", "/api/v1/authors/" + s));
      calls.add(anonymous("GET", "/api/v1/tags/" + s));
      calls.add(anonymous("GET", "/api/v1/tags/" + s + "/articles"));
      calls.add(anonymous("GET", "/api/v1/articles/" + s + "/comments"));
      calls.add(anonymous("GET", "/api/v1/articles/" + s + "/rating"));
      calls.add(anonymous("GET", "/feeds/tags/" + s + ".atom"));
      calls.add(anonymous("GET", "/feeds/authors/" + s + ".rss"));
      calls.add(anonymous("GET", "/feeds/articles." + s));
      calls.add(anonymous("GET", "/go/" + s));
      calls.add(anonymous("POST", "/api/v1/articles/" + s + "/reports").json(reportBody()));
      calls.add(as(reader, "PUT", "/api/v1/articles/" + s + "/like"));
      calls.add(as(reader, "PUT", "/api/v1/articles/" + s + "/rating").json("{\"score\":4}"));
      calls.add(as(reader, "PUT", "/api/v1/authors/" + s + "/follow"));
      calls.add(as(reader, "GET", "/api/v1/articles/" + s + "/source"));
      calls.add(as(author, "PATCH", "/api/v1/articles/" + s).json("{\"title\":\"New\"}"));
      calls.add(as(admin, "POST", "/api/v1/articles/" + s + "/publish").json("{}"));
      calls.add(as(admin, "PATCH", "/api/v1/tags/" + s).json("{\"name\":\"New\"}"));
      calls.add(as(admin, "DELETE", "/api/v1/tags/" + s));
      calls.add(as(admin, "PATCH", "/api/v1/accounts/" + s).json("{\"role\":\"author\"}"));
    }
    for (String id : IDS) {
      calls.add(anonymous("GET", "/api/v1/comments/" + id));
      calls.add(as(reader, "PATCH", "/api/v1/comments/" + id).json("{\"body\":\"New\"}"));
      calls.add(as(reader, "DELETE", "/api/v1/comments/" + id));
      calls.add(as(reader, "DELETE", "/api/v1/api-keys/" + id));
      calls.add(as(admin, "GET", "/api/v1/reports/" + id));
      calls.add(as(admin, "PATCH", "/api/v1/reports/" + id).json("{\"status\":\"resolved\"}"));
    }
    assertAllProblems(calls);
  }

  @Test
  void hostileQueryParametersAreProblems() {
    Map<String, List<String>> parameters = new LinkedHashMap<>();
    parameters.put(
        "/api/v1/articles",
        List.of(
            "author",
            "cursor",
            "limit",
            "page",
            "publishedAfter",
            "publishedBefore",
            "q",
            "sort",
            "status",
            "tag",
            "updatedSince",
            "fields",
            "unknown"));
    parameters.put("/api/v1/articles/" + slug, List.of("fields"));
    parameters.put("/api/v1/articles/" + slug + "/comments", List.of("cursor", "limit", "page"));
    parameters.put("/api/v1/changes", List.of("limit", "since", "tag"));
    parameters.put("/api/v1/authors", List.of("cursor", "limit", "page", "sort"));
    parameters.put("/api/v1/tags", List.of("cursor", "limit", "page", "sort"));
    parameters.put("/feeds/articles.atom", List.of("format"));
    List<Call> calls = new ArrayList<>();
    parameters.forEach(
        (path, names) -> {
          for (String name : names) {
            for (String value : QUERY_VALUES) {
              calls.add(anonymous("GET", path + "?" + name + "=" + value));
            }
          }
        });
    for (String value : QUERY_VALUES) {
      calls.add(as(reader, "GET", "/api/v1/me/feed?cursor=" + value));
      calls.add(as(admin, "GET", "/api/v1/reports?status=" + value));
      calls.add(as(admin, "GET", "/api/v1/accounts?cursor=" + value));
      calls.add(anonymous("GET", "/api/v1/articles?" + value + "=1"));
    }
    assertAllProblems(calls);
  }

  @Test
  void hostileBodiesAreProblems() {
    Map<Call, Map<String, Object>> endpoints = new LinkedHashMap<>();
    endpoints.put(
        anonymous("POST", "/api/v1/accounts"),
        Map.of(
            "email", "hostile@example.com",
            "password", "correct horse battery",
            "handle", "hostile",
            "name", "Hostile"));
    endpoints.put(
        anonymous("POST", "/api/v1/auth/token"),
        Map.of("email", "nobody@example.com", "password", "correct horse battery"));
    endpoints.put(anonymous("POST", "/api/v1/auth/refresh"), Map.of("refreshToken", "abc"));
    endpoints.put(anonymous("POST", "/api/v1/articles/" + slug + "/reports"), reportMap());
    endpoints.put(as(reader, "PATCH", "/api/v1/me"), Map.of("name", "N", "bio", "B"));
    endpoints.put(as(reader, "POST", "/api/v1/api-keys"), Map.of("name", "Reader"));
    endpoints.put(
        as(reader, "POST", "/api/v1/articles/" + slug + "/comments"),
        Map.of("body", "Reply.", "parentId", commentId));
    endpoints.put(as(reader, "PATCH", "/api/v1/comments/" + commentId), Map.of("body", "Edit."));
    endpoints.put(as(reader, "PUT", "/api/v1/articles/" + slug + "/rating"), Map.of("score", 4));
    endpoints.put(
        as(author, "POST", "/api/v1/articles"),
        Map.of("title", "T", "summary", "S", "body", "B", "tags", List.of("rust")));
    endpoints.put(
        as(admin, "PATCH", "/api/v1/articles/" + slug),
        Map.of("title", "T", "tags", List.of("rust")));
    endpoints.put(
        as(admin, "POST", "/api/v1/articles/" + slug + "/publish"),
        Map.of("at", "2030-01-01T00:00:00Z"));
    endpoints.put(as(admin, "POST", "/api/v1/tags"), Map.of("name", "Hostile"));
    endpoints.put(as(admin, "PATCH", "/api/v1/tags/rust"), Map.of("description", "D"));
    endpoints.put(
        as(admin, "PATCH", "/api/v1/accounts/" + reader.handle()), Map.of("disabled", false));
    endpoints.put(as(admin, "PATCH", "/api/v1/reports/1"), Map.of("status", "resolved"));

    List<Call> calls = new ArrayList<>();
    endpoints.forEach(
        (call, sample) -> {
          for (String raw : hostileRawBodies()) {
            // Publishing takes any body or none: no body (or null) means now.
            if (!(call.target().endsWith("/publish") && (raw.isEmpty() || raw.equals("null")))) {
              calls.add(call.json(raw));
            }
          }
          calls.add(
              call.bytes(
                  "application/json",
                  new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}));
          calls.add(
              call.bytes("application/json", new byte[] {(byte) 0xFF, (byte) 0xFE, '{', '}'}));
          if (!call.target().endsWith("/publish")) {
            calls.add(call.bytes("text/plain", write(sample).getBytes(StandardCharsets.UTF_8)));
          }
          calls.add(call.bytes("application/xml", "<a/>".getBytes(StandardCharsets.UTF_8)));
          calls.add(call.bytes("application/json", new byte[1_100_000]));
          for (Map.Entry<String, Object> field : sample.entrySet()) {
            for (Object wrong : wrongValues(field.getValue())) {
              Map<String, Object> body = new LinkedHashMap<>(sample);
              body.put(field.getKey(), wrong);
              calls.add(call.json(write(body)));
            }
          }
        });
    assertAllProblems(calls);
  }

  @Test
  void hostileHeadersAreProblems() {
    String bigTag = "\"" + "x".repeat(5_000) + "\"";
    List<Call> calls = new ArrayList<>();
    for (String key : List.of("made-up", "x".repeat(20_000), "prk_\u00ff\u00fe")) {
      calls.add(anonymous("GET", "/api/v1/articles").header("X-Api-Key", key));
      calls.add(anonymous("GET", "/api/v1/changes").header("X-Api-Key", key));
    }
    for (String authorization :
        List.of(
            "Bearer",
            "Bearer ",
            "Bearer not-a-token",
            "Bearer " + "x".repeat(20_000),
            "Bearer " + reader.accessToken() + "x",
            "Bearer a.b.c",
            "Basic YTpi",
            "Bearer \u00ff\u00fe")) {
      calls.add(anonymous("GET", "/api/v1/me").header("Authorization", authorization));
      calls.add(
          anonymous("POST", "/api/v1/articles/" + slug + "/comments")
              .header("Authorization", authorization)
              .json("{\"body\":\"Hi.\"}"));
    }
    for (String etag : List.of("\"nope\"", bigTag, "W/\"\u00ff\"", "garbage")) {
      calls.add(
          as(admin, "PATCH", "/api/v1/articles/" + slug)
              .header("If-Match", etag)
              .json("{\"title\":\"New\"}"));
    }
    calls.add(as(admin, "GET", "/api/v1/articles").header("Accept", "application/xml"));
    calls.add(anonymous("GET", "/api/v1/articles/" + slug).header("Accept", "text/html"));
    assertAllProblems(calls);
  }

  @Test
  void hostileInputThatMayBeIgnoredIsNeverAServerErrorNorABare4xx() {
    List<Call> calls = new ArrayList<>();
    calls.add(anonymous("GET", "/api/v1/articles").json("{\"a\":1}"));
    calls.add(anonymous("GET", "/api/v1/articles?tag=%ff"));
    calls.add(anonymous("GET", "/api/v1/articles?q=" + "%ef%bf%bf".repeat(100)));
    calls.add(anonymous("OPTIONS", "/api/v1/articles"));
    calls.add(anonymous("TRACE", "/api/v1/articles"));
    calls.add(anonymous("GET", "/api/v1/articles/" + slug).header("If-None-Match", "\u00ff"));
    calls.add(anonymous("GET", "/feeds/articles.atom").header("If-Modified-Since", "yesterday"));
    calls.add(anonymous("GET", "/api/v1/articles").header("Accept-Language", "\u00ff"));
    calls.add(as(admin, "POST", "/api/v1/articles/" + slug + "/publish").json(""));
    // A public read ignores credentials it does not recognise as a bearer token.
    calls.add(anonymous("GET", "/api/v1/articles").header("Authorization", "Basic YTpi"));
    calls.add(anonymous("GET", "/api/v1/articles").header("Authorization", "Bearer"));
    calls.add(anonymous("GET", "/api/v1/articles").header("Authorization", "Bearer a.b.c"));
    SoftAssertions softly = new SoftAssertions();
    for (Call call : calls) {
      Answer answer = call.send();
      softly.assertThat(answer.status()).as(call.describe()).isLessThan(500);
      if (answer.status() >= 400) {
        checkProblem(softly, call, answer);
      }
    }
    softly.assertAll();
  }

  // ---- the corpus ----

  private static List<String> hostileRawBodies() {
    return List.of(
        "",
        "null",
        "[]",
        "\"text\"",
        "42",
        "{",
        "{\"a\":",
        "{\"a\":1,}",
        "{'a':1}",
        "{\"a\":1}{\"b\":2}",
        "{\"a\":1} trailing",
        "{\"a\":NaN}",
        "[".repeat(5_000) + "]".repeat(5_000),
        "{\"a\":".repeat(100) + "1" + "}".repeat(100),
        "{\"a\":[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]}",
        "{\"x\":\"" + "x".repeat(100_000) + "\"}");
  }

  /** Values of every JSON type other than the sample's, and hostile text in its place. */
  private static List<Object> wrongValues(Object sample) {
    List<Object> values = new ArrayList<>();
    values.add(Map.of("nested", 1));
    if (!(sample instanceof String)) {
      values.add("4");
      values.add("a\u0000b");
    }
    if (!(sample instanceof Number)) {
      values.add(123);
      values.add(1.5);
      values.add(new java.math.BigInteger("99999999999999999999"));
    }
    if (!(sample instanceof Boolean)) {
      values.add(true);
    }
    if (!(sample instanceof List)) {
      values.add(List.of("a"));
    }
    if (sample instanceof String) {
      values.add("a\u0000b");
      values.add("a\u0001b");
      values.add("bell\u0007");
      values.add(LONE_SURROGATE);
      values.add("x".repeat(300_000));
    }
    if (sample instanceof Number) {
      values.add(4.5);
      values.add(new java.math.BigInteger("99999999999999999999"));
    }
    if (sample instanceof List) {
      values.add(List.of(1));
      values.add(List.of("a\u0000b"));
      values.add(List.of(List.of("a")));
    }
    return values;
  }

  private static Map<String, Object> reportMap() {
    return Map.of(
        "reason", "This is our story, copied without permission.",
        "contact", "legal@publisher.example");
  }

  private static String reportBody() {
    return write(reportMap());
  }

  /** Stands for an unpaired surrogate, which only a JSON escape can carry over UTF-8. */
  private static final String LONE_SURROGATE = "lone-surrogate-marker";

  private static String write(Object value) {
    try {
      return JSON.writeValueAsString(value).replace(LONE_SURROGATE, "lone \\ud800 surrogate");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- checking ----

  private static void assertAllProblems(List<Call> calls) {
    SoftAssertions softly = new SoftAssertions();
    for (Call call : calls) {
      Answer answer = call.send();
      softly
          .assertThat(answer.status())
          .as(call.describe() + " -> " + answer.abbreviated())
          .isBetween(400, 499);
      checkProblem(softly, call, answer);
    }
    softly.assertAll();
  }

  private static void checkProblem(SoftAssertions softly, Call call, Answer answer) {
    softly
        .assertThat(answer.contentType())
        .as(call.describe() + " -> " + answer.abbreviated())
        .startsWith("application/problem+json");
    JsonNode problem;
    try {
      problem = JSON.readTree(answer.body());
    } catch (IOException e) {
      softly.fail(call.describe() + " -> not JSON: " + answer.abbreviated());
      return;
    }
    for (String member : List.of("type", "title", "status", "detail")) {
      softly
          .assertThat(problem.hasNonNull(member))
          .as(call.describe() + " -> " + member + " in " + answer.abbreviated())
          .isTrue();
    }
    softly
        .assertThat(problem.path("status").asInt())
        .as(call.describe() + " -> status member")
        .isEqualTo(answer.status());
  }

  // ---- a raw HTTP/1.1 client, so that requests reach the server exactly as written ----

  private Call anonymous(String method, String target) {
    return new Call(method, target, new LinkedHashMap<>(), null, null);
  }

  private Call as(Users.User user, String method, String target) {
    return anonymous(method, target).header("Authorization", "Bearer " + user.accessToken());
  }

  private record Call(
      String method, String target, Map<String, String> headers, String contentType, byte[] body) {

    Call header(String name, String value) {
      Map<String, String> copy = new LinkedHashMap<>(headers);
      copy.put(name, value);
      return new Call(method, target, copy, contentType, body);
    }

    Call json(String json) {
      return bytes("application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    Call bytes(String type, byte[] content) {
      return new Call(method, target, headers, type, content);
    }

    String describe() {
      String shown = target.length() > 80 ? target.substring(0, 80) + "..." : target;
      String sent = "";
      if (body != null) {
        String text = new String(body, StandardCharsets.UTF_8);
        sent =
            " " + contentType + " " + (text.length() > 80 ? text.substring(0, 80) + "..." : text);
      }
      String auth = headers.containsKey("Authorization") ? " (signed in)" : "";
      Map<String, String> others = new LinkedHashMap<>(headers);
      others.remove("Authorization");
      String shownHeaders =
          others.isEmpty()
              ? ""
              : " " + others.keySet() + "=" + abbreviate(String.join(",", others.values()));
      return method + " " + shown + auth + shownHeaders + sent;
    }

    Answer send() {
      try (Socket socket = new Socket("localhost", RestAssured.port)) {
        socket.setSoTimeout(30_000);
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        head.append("Host: localhost\r\nConnection: close\r\n");
        headers.forEach(
            (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body != null) {
          head.append("Content-Type: ").append(contentType).append("\r\n");
          head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        OutputStream out = socket.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
          try {
            out.write(body);
          } catch (IOException answeredEarly) {
            // The server may answer (413) and close before reading everything; read its answer.
          }
        }
        out.flush();
        return Answer.read(socket.getInputStream());
      } catch (IOException e) {
        return new Answer(-1, "", "I/O failure: " + e.getMessage());
      }
    }
  }

  private record Answer(int status, String contentType, String body) {

    String abbreviated() {
      return status + " " + contentType + " " + abbreviate(body);
    }

    static Answer read(InputStream in) throws IOException {
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      byte[] buffer = new byte[16_384];
      for (int n; (n = in.read(buffer)) > 0; ) {
        all.write(buffer, 0, n);
      }
      String text = all.toString(StandardCharsets.ISO_8859_1);
      int end = text.indexOf("\r\n\r\n");
      if (end < 0) {
        return new Answer(-1, "", "no answer: " + text);
      }
      String[] lines = text.substring(0, end).split("\r\n");
      int status = Integer.parseInt(lines[0].split(" ")[1]);
      String contentType = "";
      boolean chunked = false;
      for (String line : lines) {
        String lower = line.toLowerCase(Locale.ROOT);
        if (lower.startsWith("content-type:")) {
          contentType = line.substring("content-type:".length()).trim();
        }
        if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
          chunked = true;
        }
      }
      byte[] raw = all.toByteArray();
      byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
      if (chunked) {
        body = dechunk(body);
      }
      return new Answer(status, contentType, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int i = 0;
      while (i < chunked.length) {
        int lineEnd = i;
        while (lineEnd + 1 < chunked.length
            && !(chunked[lineEnd] == '\r' && chunked[lineEnd + 1] == '\n')) {
          lineEnd++;
        }
        String size = new String(chunked, i, lineEnd - i, StandardCharsets.ISO_8859_1).trim();
        int length = size.isEmpty() ? 0 : Integer.parseInt(size.split(";")[0], 16);
        if (length == 0) {
          break;
        }
        out.write(chunked, lineEnd + 2, Math.min(length, chunked.length - lineEnd - 2));
        i = lineEnd + 2 + length + 2;
      }
      return out.toByteArray();
    }
  }

  private static String abbreviate(String text) {
    String oneLine = text.replace("\r", "\\r").replace("\n", "\\n");
    return oneLine.length() > 160 ? oneLine.substring(0, 160) + "..." : oneLine;
  }
}
