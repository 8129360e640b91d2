package io.pressroom.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The measuring steps of a run. bench/run has started the app (and its PostgreSQL) and nginx; this
 * finds the fixtures, runs wrk on every row with retries, samples the CPU, counts the statements,
 * and keeps the results in {@code bench/work/state.properties}.
 */
final class Harness {

  /** A row of more paths than this adds only its first few to the common warm-up. */
  private static final int MANY_PATHS = 100;

  private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final Options o;
  private final Path work;
  private final Path lua;
  private final String app;
  private final String management;
  private final String nginx;
  private final long appPid;
  private final int threads;
  private final int connections;
  private final int duration;
  private final int rowWarmup;
  private final int ticksPerSecond;
  private final int cores;
  private final long runStarted;
  private final long settleMs;
  private final Retry retry;
  private final Psql db;
  private final Api api = new Api();
  private final Procs.Sampler sampler;
  private final JitQueue jit;
  private final int rowJitWait;
  private final int rowWarmupSlices;
  private boolean statementStats;

  /** The readers signed up for the signed-in rows and the write mix: email and password. */
  private final List<Map.Entry<String, String>> readers = new ArrayList<>();

  /** What {@code POST /api/v1/accounts} answered an empty body (404: no sign-up endpoint). */
  private int signUpAnswer;

  Harness(Options o) {
    this.o = o;
    this.work = Path.of(o.text("work"));
    this.lua = Path.of(o.text("lua"));
    this.app = o.text("app-url");
    // Health and metrics live on the app's management interface; without one, on the app's port.
    this.management = o.text("management-url", app);
    this.nginx = o.text("nginx-url");
    this.appPid = o.number("app-pid");
    this.threads = o.integer("threads");
    this.connections = o.integer("connections");
    this.duration = o.integer("duration");
    this.rowWarmup = o.integer("row-warmup");
    this.ticksPerSecond = o.integer("clock-ticks", 100);
    this.cores = o.integer("cores", Runtime.getRuntime().availableProcessors());
    this.runStarted = o.number("run-started");
    this.settleMs = o.number("settle-ms", 250);
    this.retry =
        new Retry(
            o.integer("retries", 1), o.integer("max-other-cpu", 20), o.number("retry-budget"));
    this.db = new Psql(o.text("psql", "psql"), o.integer("db-port"));
    this.sampler =
        new Procs.Sampler(appPid, Path.of(o.text("pg-pid-file")), o.number("nginx-pid", 0));
    this.jit = new JitQueue(o.text("jcmd", "jcmd"), appPid);
    this.rowJitWait = o.integer("row-jit-wait", 30);
    this.rowWarmupSlices = o.integer("row-warmup-slices", 12);
  }

  static void log(String message) {
    System.err.printf("[bench %s] %s%n", LocalTime.now().format(CLOCK), message);
  }

  private Path state() {
    return work.resolve("state.properties");
  }

  // -------------------------------------------------------------------------------------------
  // As deployed (response cache on)
  // -------------------------------------------------------------------------------------------

  void deployed() throws IOException {
    Files.createDirectories(work.resolve("wrk"));
    Files.createDirectories(work.resolve("www"));
    checkStatementStats();
    RunState s = new RunState();
    signUpReaders();
    Fixtures f = fixtures();
    s.depth = f.depth();
    s.rows.addAll(f.rows());

    // Which read rows answer; a 404 means the endpoint is not there yet: that row is n/a.
    List<String> paths = new ArrayList<>();
    for (Row row : List.copyOf(s.rows)) {
      if (row.kind() == Row.Kind.WRITE || row.kind() == Row.Kind.NA) {
        continue;
      }
      String token = row.signedIn() ? first(readerTokens()) : null;
      if (row.signedIn() && token == null) {
        s.replace(row.notMeasured("n/a: no signed-in reader (sign-up or sign-in failed)"));
        continue;
      }
      int code = api.send("GET", app + row.path(), token, null).status();
      if (code == 200) {
        if (!row.signedIn()) {
          // A row of thousands of queries (the varied searches) would be most of the warm-up: a
          // few of them are enough here, its own warm-up runs them all.
          paths.addAll(
              row.paths().size() > MANY_PATHS
                  ? row.paths().subList(0, SearchWords.PER_ROW)
                  : row.paths());
        }
        Files.write(
            work.resolve("paths-" + row.id() + ".txt"), row.paths(), StandardCharsets.UTF_8);
      } else if (code == 404) {
        s.replace(row.notMeasured(Row.MISSING));
      } else {
        s.replace(row.notMeasured("n/a: answered " + code));
      }
    }
    Files.write(work.resolve("paths.txt"), paths, StandardCharsets.UTF_8);

    // The ceiling: nginx serving each hot row's own answer as a static file, byte for byte. The
    // deep page and search are compared with the list file, the author with the detail file.
    for (var c : Fixtures.CEILINGS) {
      String file = c.getValue().getKey();
      Row source = s.row(c.getValue().getValue());
      if (source.kind() == Row.Kind.NA) {
        continue;
      }
      byte[] bytes =
          api.fetch(app + source.path(), "could not fetch " + source.path() + " for nginx");
      Path target = work.resolve("www").resolve(file);
      Files.write(target, bytes);
      Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
      s.ceilings.add(new RunState.Ceiling(c.getKey(), file, source.id(), bytes.length));
    }
    checkNginx(s);

    log("warm-up: " + o.integer("warmup") + " s over every read row");
    wrk("warmup", app, lua.resolve("rotate.lua"), o.integer("warmup"), pathsEnv());
    jit.awaitDrained(o.integer("jit-wait", 180), "the warm-up", Harness::log);

    for (RunState.Ceiling c : s.ceilings) {
      log("nginx static " + c.file() + " (" + c.bytes() + " bytes): " + duration + " s");
      Measurement m = measure(s, "nginx-" + c.id(), nginx + "/" + c.file(), null, Map.of());
      log(
          String.format(
              "  %d req/s, p50 %s ms, p99 %s ms, CPU %% nginx/wrk/other %d/%d/%d",
              m.rps(), m.p50Cell(), m.p99Cell(), m.cpu().nginx(), m.cpu().wrk(), m.cpu().other()));
    }
    for (Row row : s.rows) {
      if (row.kind() == Row.Kind.WRITE || row.kind() == Row.Kind.NA) {
        continue;
      }
      String shown = row.path().length() > 90 ? row.path().substring(0, 90) : row.path();
      log(row.label() + ": " + duration + " s on " + shown);
      Measurement m = measureRow(s, row.id(), row);
      log(
          String.format(
              "  %d req/s, p50 %s ms, p99 %s ms, %s SQL/req, errors %d, CPU %% app/db/wrk/other %s",
              m.rps(), m.p50Cell(), m.p99Cell(), m.sqlCell(), m.errors(), m.cpu().appCell()));
    }

    coldCheck(s, f);
    writeMix(s);
    s.rssDeployedMb = peakRssMb();
    s.anonDeployedMb = anonRssMb();
    s.save(state());
  }

  private Fixtures fixtures() throws IOException {
    String tag =
        db.query(
            "select t.slug from tags t join article_tags at on at.tag_id = t.id"
                + " group by t.id, t.slug order by count(*) desc, t.slug limit 1");
    if (tag.isEmpty()) {
      throw new BenchException("no tag has articles: was the data set loaded?");
    }
    Object tagPage =
        json(
            api.fetch(
                app + "/api/v1/articles?tag=" + tag + "&limit=1",
                "GET /api/v1/articles?tag=" + tag + " failed"));
    long tagTotal = whole(Json.at(tagPage, "page", "total"), "page.total of tag " + tag);
    String author =
        db.query(
            "select u.handle from accounts u join articles a on a.author_id = u.id"
                + " group by u.id, u.handle order by count(*) desc, u.handle limit 1");
    String authorTotal =
        db.query(
            "select count(*) from articles a join accounts u on u.id = a.author_id where u.handle = "
                + Psql.literal(author));
    Object firstPage =
        json(
            api.fetch(
                app + "/api/v1/articles?tag=" + tag,
                "GET /api/v1/articles?tag=" + tag + " failed"));
    Object hot = Json.at(firstPage, "items", 0, "slug");
    if (hot == null) {
      throw new BenchException("the first page of tag " + tag + " has no article");
    }
    Files.writeString(
        work.resolve("slugs.txt"),
        db.query("select slug from articles order by random() limit 500") + "\n");
    int depth = Fixtures.depth(tagTotal);
    String cursor = deepCursor(tag, depth);
    String query = o.text("query");
    String queryTotal = total(query);
    log(
        "popular tag '"
            + tag
            + "' ("
            + tagTotal
            + " articles), hot article '"
            + Json.text(hot)
            + "', author '"
            + author
            + "' ("
            + authorTotal
            + " articles)");
    log(
        "cursor "
            + depth
            + " articles deep; query '"
            + query
            + "' matches "
            + queryTotal
            + " articles");
    SearchWords words = searchWords();
    Map<String, String> totals = new LinkedHashMap<>();
    for (List<String> kind :
        List.of(words.common(), words.rare(), words.phrase(), words.multi(), words.prefix())) {
      for (String w : kind) {
        totals.put(w, total(w));
      }
    }
    log("search queries and their matches: " + totals);
    return new Fixtures(
        tag,
        tagTotal,
        Json.text(hot),
        author,
        authorTotal,
        depth,
        cursor,
        query,
        queryTotal,
        words,
        totals,
        readers.size());
  }

  /**
   * How many articles a search matches, "?" when the app does not answer. Asked most liked first,
   * an order the index does not keep, where every match is collected and so counted; a total the
   * app says is only a lower bound reads "100+".
   */
  private String total(String query) {
    Api.Answer q =
        api.get(app + "/api/v1/articles?q=" + Uri.encode(query) + "&sort=-likes&limit=1");
    if (!q.ok()) {
      return "?";
    }
    try {
      Object page = Json.at(Json.parse(q.text()), "page");
      String total = Json.text(Json.at(page, "total"));
      return Boolean.FALSE.equals(Json.at(page, "totalIsExact")) ? total + "+" : total;
    } catch (IllegalArgumentException e) {
      return "?";
    }
  }

  /**
   * The queries of the search rows, from document frequencies on a sample of about 2,000 articles
   * (a second or two at any scale), and the codenames bench/generate.sql writes into about a tenth
   * of the articles.
   */
  private SearchWords searchWords() {
    long t0 = System.nanoTime();
    String count =
        // The planner's estimate (the load ends with ANALYZE); a count only if there is none.
        db.query(
            "select case when reltuples > 0 then reltuples::bigint"
                + " else (select count(*) from articles) end"
                + " from pg_class where relname = 'articles'");
    double percent = Math.min(100, 2000.0 * 100 / Math.max(1, Long.parseLong(count.trim())));
    String sample =
        "s as (select id, body from articles tablesample system ("
            + String.format(java.util.Locale.ROOT, "%.4f", percent)
            + ") repeatable (7)), n as (select greatest(count(*), 1)::float8 as n from s)";
    String words =
        db.query(
            // plainto_tsquery notes every stop word it drops: not wanted in the output.
            "set client_min_messages = warning; with "
                + sample
                + ", w as (select x.w, count(distinct s.id) as df from s,"
                + " regexp_split_to_table(lower(s.body), '[^a-z-]+') as x(w)"
                + " where x.w ~ '^[a-z]{3,}$' group by x.w)"
                + " select w.w, round((w.df / n.n)::numeric, 5) from w, n"
                + " where numnode(plainto_tsquery('english', w.w)) > 0 order by w.w");
    String phrases =
        db.query(
            // plainto_tsquery notes every stop word it drops: not wanted in the output.
            "set client_min_messages = warning; with "
                + sample
                + ", t as (select s.id, x.w, x.i from s,"
                + " regexp_split_to_table(lower(s.body), '[^a-z-]+') with ordinality as x(w, i)),"
                + " b as (select a.w || ' ' || b.w as phrase, count(distinct a.id) as df"
                + " from t a join t b on b.id = a.id and b.i = a.i + 1"
                + " where a.w ~ '^[a-z]{3,}$' and b.w ~ '^[a-z]{3,}$' group by 1)"
                // Both words count: no stop word (a query of two operands and their operator).
                + " select phrase, round((df / n)::numeric, 5) from b, n"
                + " where df / n between 0.005 and 0.2"
                + " and numnode(plainto_tsquery('english', phrase)) = 3"
                + " order by df desc, phrase limit 400");
    String codenames =
        db.query(
            "select substring(body from 'codename is ([a-z]+)') from articles"
                + " where body like '%codename is %' limit "
                + SearchWords.PER_ROW);
    SearchWords chosen =
        SearchWords.choose(
            SearchWords.parse(words),
            SearchWords.parse(phrases),
            codenames.lines().map(String::trim).filter(l -> !l.isEmpty()).toList());
    log(
        "search words chosen in "
            + (System.nanoTime() - t0) / 1_000_000
            + " ms from "
            + Fmt.fixed(percent, 2)
            + "% of the articles");
    return chosen;
  }

  /** The cursor that lists the tag from article depth+1 on, walked with limit=100 via page.next. */
  private String deepCursor(String tag, int depth) {
    String cursor = "";
    for (int i = 0; i < depth / 100; i++) {
      String url =
          app
              + "/api/v1/articles?tag="
              + tag
              + "&limit=100"
              + (cursor.isEmpty() ? "" : "&cursor=" + cursor);
      Api.Answer page = api.get(url);
      Object next = page.ok() ? Json.at(Json.parse(page.text()), "page", "next") : null;
      if (!(next instanceof String text) || text.isEmpty()) {
        throw new BenchException("could not walk " + depth + " articles deep into tag " + tag);
      }
      cursor = Uri.encode(text);
    }
    return cursor;
  }

  /**
   * Signs up {@code --writers} readers through the API (generated readers have no password), for
   * the signed-in rows and the write mix; those an earlier run on the same data signed up already
   * are kept as they are.
   */
  private void signUpReaders() {
    signUpAnswer = api.send("POST", app + "/api/v1/accounts", null, "{}").status();
    if (signUpAnswer == 404 || signUpAnswer == 405) {
      log("no sign-up endpoint (POST /api/v1/accounts: " + signUpAnswer + ")");
      return;
    }
    int writers = o.integer("writers");
    for (int i = 1; i <= writers; i++) {
      String email = "bench-writer-" + i + "@bench.pressroom.test";
      String password = "bench-password-" + i + "-secret";
      Api.Answer up =
          api.send(
              "POST",
              app + "/api/v1/accounts",
              null,
              "{\"email\":\""
                  + email
                  + "\",\"password\":\""
                  + password
                  + "\",\"handle\":\"bench-writer-"
                  + i
                  + "\",\"name\":\"Bench Writer "
                  + i
                  + "\"}");
      if (up.status() == 409) {
        // Signed up by an earlier run on this data set (--reuse-data): the same email and
        // password, so the reader signs in like the others.
        readers.add(Map.entry(email, password));
        continue;
      }
      if (!up.ok()) {
        String body = up.text();
        log(
            "sign-up "
                + i
                + " answered "
                + up.status()
                + ": "
                + body.substring(0, Math.min(300, body.length())));
        continue;
      }
      readers.add(Map.entry(email, password));
    }
    log(readers.size() + " readers signed up");
  }

  /**
   * A fresh access token for each reader: tokens are short-lived (15 minutes by default, less than
   * a full run), so every signed-in row and the write mix sign in again just before they start.
   */
  private List<String> readerTokens() {
    List<String> tokens = new ArrayList<>();
    for (Map.Entry<String, String> reader : readers) {
      Api.Answer in =
          api.send(
              "POST",
              app + "/api/v1/auth/token",
              null,
              "{\"email\":\"" + reader.getKey() + "\",\"password\":\"" + reader.getValue() + "\"}");
      String token = in.ok() ? Fixtures.tokenOf(in.text()) : null;
      if (token != null) {
        tokens.add(token);
      } else {
        log("sign-in of " + reader.getKey() + " answered " + in.status());
      }
    }
    return tokens;
  }

  private static String first(List<String> values) {
    return values.isEmpty() ? null : values.get(0);
  }

  /** nginx (started by bench/run on an empty root) must serve each file exactly as fetched. */
  private void checkNginx(RunState s) throws IOException {
    for (RunState.Ceiling c : s.ceilings) {
      String url = nginx + "/" + c.file();
      for (int i = 0; i < 50 && api.get(url).status() != 200; i++) {
        sleep(100);
      }
      byte[] served = api.get(url).body();
      if (!Arrays.equals(served, Files.readAllBytes(work.resolve("www").resolve(c.file())))) {
        Path errors = work.resolve("nginx/error.log");
        if (Files.exists(errors)) {
          System.err.print(Files.readString(errors));
        }
        throw new BenchException("nginx does not serve " + c.file() + " as fetched from the app");
      }
    }
    log("nginx serves the app's answers byte for byte on " + nginx);
  }

  /** First page and deep page, each asked once per distinct limit, one at a time. */
  private void coldCheck(RunState s, Fixtures f) throws IOException {
    int samples = o.integer("cold-samples");
    log(
        "cache-miss check: "
            + samples
            + " distinct first-page and deep-page requests, one at a time");
    List<Double> first = new ArrayList<>();
    List<Double> deep = new ArrayList<>();
    for (int i = 0; i < samples; i++) {
      int limit = 11 + i;
      first.add(api.timeGet(app + "/api/v1/articles?tag=" + f.tag() + "&limit=" + limit));
      deep.add(
          api.timeGet(
              app
                  + "/api/v1/articles?tag="
                  + f.tag()
                  + "&limit="
                  + limit
                  + "&cursor="
                  + f.cursor()));
    }
    Files.write(work.resolve("cold-first.txt"), first.stream().map(String::valueOf).toList());
    Files.write(work.resolve("cold-deep.txt"), deep.stream().map(String::valueOf).toList());
    s.cold = RunState.ColdCheck.of(first, deep);
    log(
        "  median first page "
            + Fmt.fixed(s.cold.firstMs(), 2)
            + " ms, deep page "
            + Fmt.fixed(s.cold.deepMs(), 2)
            + " ms (x"
            + Fmt.fixed(s.cold.ratio(), 2)
            + ")");
  }

  /**
   * The write mix comes last: it changes the data the reads use. The readers signed up at the start
   * sign in again (their tokens are short-lived); only the operations that answered a probe go into
   * the mix.
   */
  private void writeMix(RunState s) throws IOException {
    Row row = s.row("writes");
    Path tokens = work.resolve("tokens.txt");
    List<String> signedIn = new ArrayList<>();
    String na = null;
    String ops = "";
    if (signUpAnswer == 404 || signUpAnswer == 405) {
      na = "no sign-up endpoint (POST /api/v1/accounts: " + signUpAnswer + ")";
    } else {
      signedIn.addAll(readerTokens());
      Files.write(tokens, signedIn);
      if (signedIn.isEmpty()) {
        na = "sign-up gave no token";
      } else {
        String token = signedIn.get(0);
        String slug = Files.readAllLines(work.resolve("slugs.txt")).get(0);
        String article = app + "/api/v1/articles/" + slug;
        int code = api.send("PUT", article + "/like", token, null).status();
        if (code >= 200 && code < 300) {
          ops = "like,unlike";
          api.send("DELETE", article + "/like", token, null);
        } else {
          log("PUT like answered " + code + ": likes left out of the write mix");
        }
        code =
            api.send(
                    "POST", article + "/comments", token, "{\"body\":\"Benchmark probe comment.\"}")
                .status();
        if (code >= 200 && code < 300) {
          ops = ops.isEmpty() ? "comment" : ops + ",comment";
        } else {
          log("POST comment answered " + code + ": comments left out of the write mix");
        }
        if (ops.isEmpty()) {
          na = "no like or comment endpoint";
        }
      }
    }
    if (na != null) {
      s.replace(row.notMeasured("n/a: " + na));
      return;
    }
    log("write mix (" + ops + ") by " + signedIn.size() + " signed-in readers: " + duration + " s");
    Map<String, String> env =
        Map.of(
            "BENCH_TOKENS", tokens.toString(),
            "BENCH_SLUGS", work.resolve("slugs.txt").toString(),
            "BENCH_OPS", ops);
    Measurement m = measure(s, "writes", app, lua.resolve("writes.lua"), env);
    s.replace(row.withNote(ops + "; statuses " + m.statuses()));
    log(
        String.format(
            "  %d req/s, p50 %s ms, p99 %s ms, %s SQL/req",
            m.rps(), m.p50Cell(), m.p99Cell(), m.sqlCell()));
  }

  // -------------------------------------------------------------------------------------------
  // The database path (response cache off; bench/run restarted the app)
  // -------------------------------------------------------------------------------------------

  void nocache() throws IOException {
    RunState s = RunState.load(state());
    checkStatementStats();
    log("warm-up without the cache: " + o.integer("warmup") + " s over every read row");
    wrk("nocache-warmup", app, lua.resolve("rotate.lua"), o.integer("warmup"), pathsEnv());
    jit.awaitDrained(o.integer("jit-wait", 180), "the warm-up", Harness::log);
    for (Row row : s.rows) {
      if (!row.inDatabasePass()) {
        continue;
      }
      log(row.label() + ", no cache: " + duration + " s");
      Measurement m = measureRow(s, "nocache-" + row.id(), row);
      log(
          String.format(
              "  %d req/s, p50 %s ms, p99 %s ms, %s SQL/req, %s DB ms/req, CPU %% app/db/wrk/other %s",
              m.rps(), m.p50Cell(), m.p99Cell(), m.sqlCell(), m.dbMsCell(), m.cpu().appCell()));
    }
    s.rssNocacheMb = peakRssMb();
    s.anonNocacheMb = anonRssMb();
    s.save(state());
  }

  /**
   * A read row: one path as it is, several in turn (bench/lua/rotate.lua), a signed-in row with the
   * readers' tokens, signed in again just before (bench/lua/signed-in.lua).
   */
  private Measurement measureRow(RunState s, String name, Row row) throws IOException {
    Path rowPaths = work.resolve("paths-" + row.id() + ".txt");
    if (row.signedIn()) {
      Path tokens = work.resolve("tokens.txt");
      Files.write(tokens, readerTokens());
      return measure(
          s,
          name,
          app,
          lua.resolve("signed-in.lua"),
          Map.of("BENCH_PATHS", rowPaths.toString(), "BENCH_TOKENS", tokens.toString()));
    }
    if (row.rotation().size() > 1) {
      return measure(
          s, name, app, lua.resolve("rotate.lua"), Map.of("BENCH_PATHS", rowPaths.toString()));
    }
    return measure(s, name, app + row.path(), null, Map.of());
  }

  // -------------------------------------------------------------------------------------------
  // Running wrk
  // -------------------------------------------------------------------------------------------

  private record Try(Measurement measurement, String output) {}

  /**
   * A row's warm-up and measured run, again while other work disturbed it (see {@link Retry}); the
   * kept try's wrk output is {@code bench/work/wrk/NAME.best.txt}.
   */
  private Measurement measure(
      RunState s, String name, String url, Path script, Map<String, String> env)
      throws IOException {
    Retry.Best<Try> best =
        retry.run(
            name,
            () -> {
              if (rowWarmup > 0) {
                warmUp(name, url, script, env);
              }
              Measurement m = wrk(name, url, script, duration, env);
              return new Try(m, read(work.resolve("wrk").resolve(name + ".txt")));
            },
            t -> t.measurement().cpu().other(),
            () -> System.currentTimeMillis() / 1000 - runStarted,
            Harness::log);
    Files.writeString(work.resolve("wrk").resolve(name + ".best.txt"), best.value().output());
    Measurement m = best.value().measurement().withTries(best.tries());
    s.results.put(name, m);
    return m;
  }

  /**
   * Warms a row in slices of {@code --row-warmup} seconds until its rate stops rising ({@link
   * Warmth}), at most {@code --row-warmup-slices} of them, letting the app's JIT drain its queue
   * after each.
   */
  private void warmUp(String name, String url, Path script, Map<String, String> env) {
    Warmth warmth = new Warmth(rowWarmupSlices);
    List<Long> rates = new ArrayList<>();
    boolean settled = false;
    while (!settled) {
      Measurement slice = wrk(name + "-warmup", url, script, rowWarmup, env);
      if (url.startsWith(app)) {
        jit.awaitDrained(rowJitWait, "the warm-up of " + name, Harness::log);
      }
      rates.add(slice.rps());
      settled = warmth.settled(slice.rps());
    }
    if (warmth.slices() > Warmth.STILL + 1) {
      log("warmed " + name + " for " + warmth.slices() * rowWarmup + " s: " + rates + " req/s");
    }
  }

  /**
   * One wrk run; its output is left in {@code bench/work/wrk/NAME.txt}. For the app, waits until
   * the requests of the previous run are finished, and counts the statements this run made.
   */
  private Measurement wrk(
      String name, String url, Path script, int seconds, Map<String, String> env) {
    Path out = work.resolve("wrk").resolve(name + ".txt");
    boolean toApp = url.startsWith(app);
    Long served0 = null;
    Long served1 = null;
    Measurement.Statements statements = null;
    if (toApp) {
      settleApp();
      statsReset();
      served0 = api.servedRequests(management);
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                o.text("wrk", "wrk"),
                "-t",
                Integer.toString(threads),
                "-c",
                Integer.toString(connections),
                "-d",
                seconds + "s",
                "--timeout",
                "10s",
                "--latency",
                "-s",
                (script == null ? lua.resolve("report.lua") : script).toString(),
                url));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.redirectOutput(out.toFile());
    pb.environment().put("BENCH_LUA", lua.toString());
    pb.environment().putAll(env);
    Procs.Sample before = sampler.sample();
    long t0 = System.nanoTime();
    int exit;
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      if (!p.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        p.waitFor();
        throw new BenchException("wrk did not finish in " + (seconds + 30) + " s for " + name);
      }
      exit = p.exitValue();
    } catch (IOException e) {
      throw new BenchException("cannot run wrk: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException("interrupted", e);
    }
    Procs.Sample after = sampler.sample();
    double elapsed = (System.nanoTime() - t0) / 1e9;
    String output = read(out);
    if (exit != 0) {
      System.err.print(output);
      throw new BenchException("wrk failed for " + name);
    }
    Cpu.Share cpu = Cpu.Share.of(sampler.since(before, after), elapsed, ticksPerSecond, cores);
    if (appPid > 0 && !Procs.alive(appPid)) {
      throw new BenchException(
          "the app stopped during "
              + name
              + " (see "
              + o.text("app-log", "bench/work/app.log")
              + "; was it stopped from outside?)");
    }
    if (toApp) {
      settleApp();
      served1 = api.servedRequests(management);
      statements = statsRead();
    }
    WrkResult result;
    try {
      result = WrkResult.parse(output);
    } catch (IllegalArgumentException e) {
      throw new BenchException("no result from wrk for " + name + " (see " + out + ")");
    }
    Measurement m = Measurement.of(result, served0, served1, statements, cpu);
    if (toApp && !name.endsWith("warmup")) {
      statsTop(name, m.requests());
    }
    return m;
  }

  private Map<String, String> pathsEnv() {
    return Map.of("BENCH_PATHS", work.resolve("paths.txt").toString());
  }

  // -------------------------------------------------------------------------------------------
  // The app and its statements
  // -------------------------------------------------------------------------------------------

  /**
   * Requests still in flight when wrk stops (or that time out in wrk) go on in the app: wait until
   * PostgreSQL has no busy app session and the app's request count holds still (60 s at most), so
   * that each row's statement count belongs to that row's requests only.
   */
  private void settleApp() {
    for (int i = 0; i < 120; i++) {
      Long before = api.servedRequests(management);
      String busy;
      try {
        busy =
            db.query(
                "select count(*) from pg_stat_activity where backend_type = 'client backend'"
                    + " and pid <> pg_backend_pid() and state <> 'idle'");
      } catch (BenchException e) {
        busy = "0";
      }
      sleep(settleMs);
      Long after = api.servedRequests(management);
      if (busy.equals("0") && Objects.equals(before, after)) {
        return;
      }
    }
    log("the app was still busy 60 s after the load stopped");
  }

  private void checkStatementStats() {
    statementStats = db.works("select count(*) from pg_stat_statements");
    if (!statementStats) {
      log("pg_stat_statements is not loaded: SQL statements per request will be n/a");
    }
  }

  private void statsReset() {
    if (statementStats) {
      try {
        db.query("select pg_stat_statements_reset()");
      } catch (BenchException e) {
        // as before: a failed reset leaves the count of this row high, it does not stop the run
      }
    }
  }

  private Measurement.Statements statsRead() {
    if (!statementStats) {
      return null;
    }
    String line =
        db.query(
            "select coalesce(sum(calls), 0) || ' ' || round(coalesce(sum(total_exec_time), 0)::numeric, 1)"
                + " from pg_stat_statements where "
                + Psql.APP_STATEMENTS);
    String[] f = line.trim().split("\\s+");
    return new Measurement.Statements(Long.parseLong(f[0]), Double.parseDouble(f[1]));
  }

  /** The costliest statements of a row, into {@code bench/work/statements.txt}. */
  private void statsTop(String name, long requests) {
    if (!statementStats) {
      return;
    }
    StringBuilder text =
        new StringBuilder("\n== " + name + ": top statements (" + requests + " requests)\n");
    try {
      text.append(
          db.table(
              "select calls, round(mean_exec_time::numeric, 3) as mean_ms,"
                  + " round(total_exec_time::numeric, 1) as total_ms,"
                  + " left(regexp_replace(query, '\\s+', ' ', 'g'), 400) as query"
                  + " from pg_stat_statements where "
                  + Psql.APP_STATEMENTS
                  + " order by total_exec_time desc limit 8"));
      text.append('\n');
      text.append(
          db.query(
              "select 'driver catalog lookups left out: ' || coalesce(sum(calls), 0) from pg_stat_statements"
                  + " where query ~* 'from[[:space:]]+pg_catalog[.]' and query not like '%pg_stat_%'"));
      text.append('\n');
    } catch (BenchException e) {
      text.append(e.getMessage()).append('\n');
    }
    try {
      Files.writeString(
          work.resolve("statements.txt"),
          text,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      log("cannot write statements.txt: " + e.getMessage());
    }
  }

  private long peakRssMb() {
    return Procs.peakRssKb(appPid)
            .orElseThrow(
                () -> new BenchException("cannot read VmHWM of the app (pid " + appPid + ")"))
        / 1024;
  }

  private long anonRssMb() {
    return Procs.anonRssKb(appPid).orElse(0) / 1024;
  }

  // -------------------------------------------------------------------------------------------
  // The report
  // -------------------------------------------------------------------------------------------

  /** Renders the report from the state; bench/run passes what it knows of the data set. */
  static String report(Options o) throws IOException {
    Path work = Path.of(o.text("work"));
    RunState s = RunState.load(work.resolve("state.properties"));
    Path loadLog = Path.of(o.text("load-log"));
    String feedback = Files.exists(loadLog) ? Report.feedback(Files.readString(loadLog)) : "";
    Report.Info info =
        new Report.Info(
            java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'")),
            o.number("articles"),
            o.number("authors"),
            o.number("readers"),
            o.number("tags"),
            feedback,
            o.number("load-seconds"),
            o.text("db-size"),
            o.integer("threads"),
            o.integer("connections"),
            o.integer("duration"),
            o.integer("nocache-duration"),
            o.integer("cores", Runtime.getRuntime().availableProcessors()),
            o.text("java-opts", ""),
            o.text("loadavg-before"),
            o.number("app-start-seconds"),
            System.currentTimeMillis() / 1000 - o.number("run-started"));
    String text = Report.render(s, info);
    Files.writeString(work.resolve("results.md"), text);
    Files.writeString(work.resolve("results.svg"), Chart.render(s, info));
    return text;
  }

  // -------------------------------------------------------------------------------------------

  private static Object json(byte[] body) {
    try {
      return Json.parse(new String(body, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new BenchException("the app answered something that is not JSON: " + e.getMessage());
    }
  }

  private static long whole(Object value, String what) {
    if (value instanceof java.math.BigDecimal number) {
      return number.longValue();
    }
    throw new BenchException("no " + what + " in the app's answer");
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new BenchException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException("interrupted", e);
    }
  }
}
