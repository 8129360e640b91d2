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

try {
  const run = await readerExample(baseUrl, { middleware: [validating] });
  await publicReads(run.article, run.tag);
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
