/**
 * Runs the reader example against a live instance and checks every answer against the OpenAPI
 * document the client was generated from: the status must be documented, and a JSON body must
 * validate against its schema (required fields present, types and nulls as declared). So the
 * generated types are tested against what the server really sends.
 *
 *   PRESSROOM_URL=http://127.0.0.1:8080 node build/test/live.js ../../openapi/openapi.json
 */
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { Middleware } from "openapi-fetch";
import { readerExample } from "../examples/reader.js";
import { createPressroomClient } from "../src/index.js";

type Json = { [key: string]: unknown };

// ajv-formats is CommonJS: its default export arrives as the module object under NodeNext.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
  addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

const documentPath = process.argv[2] ?? "../../openapi/openapi.json";
const baseUrl = process.env["PRESSROOM_URL"] ?? "http://localhost:8080";
const document = JSON.parse(readFileSync(documentPath, "utf8")) as Json;

// Answers hold no field the document does not declare: every object schema is closed here.
for (const schema of Object.values((document["components"] as Json)["schemas"] as Record<string, Json>)) {
  if (schema["properties"] !== undefined && schema["additionalProperties"] === undefined) {
    schema["additionalProperties"] = false;
  }
}

const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat("int32", true);
ajv.addFormat("int64", true);
ajv.addSchema(document, "openapi.json");

const pointer = (...parts: string[]) =>
  parts.map((p) => p.replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

let passed = 0;
const failures: string[] = [];

const validating: Middleware = {
  async onResponse({ request, response, schemaPath }) {
    const method = request.method.toLowerCase();
    const status = String(response.status);
    const what = `${request.method} ${schemaPath} -> ${status}`;
    const paths = document["paths"] as Record<string, Record<string, Json>>;
    const responses = paths[schemaPath]?.[method]?.["responses"] as Record<string, Json> | undefined;
    let answer = responses?.[status];
    let at = `#/${pointer("paths", schemaPath, method, "responses", status)}`;
    if (answer === undefined) {
      failures.push(`${what}: status not in the document`);
      return;
    }
    const ref = answer["$ref"];
    if (typeof ref === "string") {
      at = ref;
      const components = (document["components"] as Json)["responses"] as Record<string, Json>;
      answer = components[ref.substring("#/components/responses/".length)] as Json;
    }
    const type = (response.headers.get("Content-Type") ?? "").split(";")[0]?.trim() ?? "";
    if (response.status === 204 || type === "") {
      passed++;
      return;
    }
    const content = answer["content"] as Record<string, Json> | undefined;
    if (content?.[type] === undefined) {
      failures.push(`${what}: media type ${type} not in the document`);
      return;
    }
    const validate = ajv.getSchema(`openapi.json${at}/${pointer("content", type, "schema")}`);
    if (validate === undefined) {
      failures.push(`${what}: no schema at ${at}`);
      return;
    }
    const body: unknown = await response.clone().json();
    if (validate(body)) {
      passed++;
    } else {
      failures.push(`${what}: ${ajv.errorsText(validate.errors)}`);
    }
  },
};

// The check itself must be able to fail: an empty object is not a session.
if (ajv.validate({ $ref: "openapi.json#/components/schemas/Session" }, {})) {
  throw new Error("the validator accepts a session without its required fields");
}
if (ajv.validate({ $ref: "openapi.json#/components/schemas/TagRef" }, { slug: "a", name: "A", x: 1 })) {
  throw new Error("the validator accepts a field the document does not declare");
}
if (!ajv.validate({ $ref: "openapi.json#/components/schemas/TagRef" }, { slug: "a", name: "A" })) {
  throw new Error("the validator refuses a valid tag reference");
}

/** Anonymous reads of every public kind, each answer checked like the example's. */
async function publicReads(slug: string, tag: string) {
  const client = createPressroomClient({ baseUrl, middleware: [validating] });
  const articles = await client.GET("/api/v1/articles", {
    params: { query: { limit: 5, sort: "-likes" } },
  });
  const author = articles.data?.items[0]?.author.handle ?? "northwind-desk";
  await client.GET("/api/v1/articles", { params: { query: { q: "linux", limit: 3 } } });
  await client.GET("/api/v1/articles/{slug}", { params: { path: { slug } } });
  await client.GET("/api/v1/authors", { params: { query: { sort: "-followers" } } });
  await client.GET("/api/v1/authors/{handle}", { params: { path: { handle: author } } });
  const comments = await client.GET("/api/v1/articles/{slug}/comments", {
    params: { path: { slug } },
  });
  const id = comments.data?.items[0]?.id;
  if (id !== undefined) {
    await client.GET("/api/v1/comments/{id}", { params: { path: { id } } });
  }
  await client.GET("/api/v1/articles/{slug}/rating", { params: { path: { slug } } });
  await client.GET("/api/v1/tags/{slug}", { params: { path: { slug: tag } } });
  await client.GET("/api/v1/suggestions", { params: { query: { q: "ru" } } });
  await client.GET("/api/v1/changes", { params: { query: { limit: 5 } } });
  await client.GET("/feeds/articles.{format}", { params: { path: { format: "json" } } });
  await client.GET("/api/v1/articles/{slug}", { params: { path: { slug: "no-such-article" } } });
  await client.GET("/api/v1/articles", { params: { query: { limit: 500 } } });
}

/** A second reader's own state: the answers that only signed-in callers get. */
async function readerState(slug: string) {
  let token: string | undefined;
  const client = createPressroomClient({
    baseUrl,
    accessToken: () => token,
    middleware: [validating],
  });
  const suffix = `${Date.now()}b`;
  const signUp = await client.POST("/api/v1/accounts", {
    body: {
      email: `reader-${suffix}@example.org`,
      password: "another long passphrase",
      handle: `reader${suffix}`,
      name: "Second Reader",
    },
  });
  if (signUp.error) throw new Error(`sign-up: ${signUp.error.title}`);
  token = signUp.data.accessToken;
  const article = await client.GET("/api/v1/articles/{slug}", { params: { path: { slug } } });
  const author = article.data?.author.handle ?? "northwind-desk";
  await client.GET("/api/v1/me");
  await client.PUT("/api/v1/articles/{slug}/like", { params: { path: { slug } } });
  await client.PUT("/api/v1/articles/{slug}/rating", {
    params: { path: { slug } },
    body: { score: 4 },
  });
  await client.PUT("/api/v1/authors/{handle}/follow", { params: { path: { handle: author } } });
  const read = await client.GET("/api/v1/articles/{slug}", { params: { path: { slug } } });
  if (read.data?.viewer?.liked !== true || read.data.viewer.rating !== 4) {
    failures.push(`the reader's viewer does not show the like and the rating`);
  }
  await client.GET("/api/v1/articles/{slug}/rating", { params: { path: { slug } } });
  await client.GET("/api/v1/authors/{handle}", { params: { path: { handle: author } } });
  await client.GET("/api/v1/me/feed", { params: { query: { limit: 2 } } });
  await client.POST("/api/v1/articles/{slug}/source-link", { params: { path: { slug } } });
  await client.POST("/api/v1/articles/{slug}/reports", {
    params: { path: { slug } },
    body: { reason: "Checking the report answer from the client test." },
  });
  await client.PATCH("/api/v1/me", { body: { bio: "Reads about kernels." } });
  await client.POST("/api/v1/auth/logout", { body: { refreshToken: signUp.data.refreshToken } });
}

try {
  const run = await readerExample(baseUrl, { middleware: [validating] });
  await publicReads(run.article, run.tag);
  await readerState(run.article);
  if (run.pages.length < 2) {
    failures.push(`the tag ${run.tag} gave ${run.pages.length} page(s): the cursor was not followed`);
  }
} catch (error) {
  failures.push(`the example failed: ${String(error)}`);
}
for (const failure of failures) {
  console.error(`FAIL ${failure}`);
}
console.log(`${passed} passed, ${failures.length} failed`);
process.exitCode = failures.length === 0 ? 0 : 1;
