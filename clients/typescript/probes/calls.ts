/**
 * Compile-time probes of the generated types (`npm run probes`, tsc --strict, nothing runs).
 * The calls above each `@ts-expect-error` must be accepted; every line after one must be
 * rejected, or tsc fails with "Unused '@ts-expect-error' directive".
 */
import { createPressroomClient, type ArticleDetail, type ArticlePatch, type Session } from "../src/index.js";

const client = createPressroomClient({ baseUrl: "http://localhost:8080" });

export async function accepted(session: Session): Promise<void> {
  const page = await client.GET("/api/v1/tags/{slug}/articles", {
    params: { path: { slug: "rust" }, query: { limit: 20, sort: "-publishedAt", cursor: "abc" } },
  });
  if (page.data) {
    // Required fields need no check: the answer always has them.
    const slugs: string[] = page.data.items.map((a) => a.slug);
    const next: string | null = page.data.page.next;
    void slugs;
    void next;
  }
  const article = await client.GET("/api/v1/articles/{slug}", {
    params: { path: { slug: "x" }, query: { fields: "slug,title" } },
  });
  if (article.data) {
    const status: "draft" | "scheduled" | "published" | "archived" = article.data.status;
    const liked: boolean | undefined = article.data.viewer?.liked;
    void status;
    void liked;
  }
  if (article.error) {
    const title: string = article.error.title;
    void title;
  }
  // A partial update: only the title.
  const patch: ArticlePatch = { title: "A new title" };
  await client.PATCH("/api/v1/articles/{slug}", { params: { path: { slug: "x" } }, body: patch });
  await client.PATCH("/api/v1/articles/{slug}", {
    params: { path: { slug: "x" } },
    body: { tags: null, coverImageUrl: null },
  });
  await client.POST("/api/v1/auth/refresh", { body: { refreshToken: session.refreshToken } });
  await client.POST("/api/v1/articles/{slug}/comments", {
    params: { path: { slug: "x" } },
    body: { body: "Nice", parentId: 12 },
  });
  await client.DELETE("/api/v1/api-keys/{id}", { params: { path: { id: 3 } } });
  await client.GET("/api/v1/reports", { params: { query: { status: "open", page: 2 } } });
}

export async function rejected(detail: ArticleDetail): Promise<void> {
  await client.GET("/api/v1/articles", {
    // @ts-expect-error limit is an integer, not a string
    params: { query: { limit: "20" } },
  });
  await client.GET("/api/v1/articles", {
    // @ts-expect-error sort is one of the listed orders
    params: { query: { sort: "-title" } },
  });
  await client.GET("/api/v1/tags/{slug}/articles", {
    // @ts-expect-error page is an integer
    params: { path: { slug: "rust" }, query: { page: "2" } },
  });
  // @ts-expect-error the path parameter slug is required
  await client.GET("/api/v1/articles/{slug}", { params: { path: {} } });
  await client.DELETE("/api/v1/api-keys/{id}", {
    // @ts-expect-error an API key id is an integer
    params: { path: { id: "3" } },
  });
  await client.GET("/api/v1/reports", {
    // @ts-expect-error a report status is open, resolved or dismissed
    params: { query: { status: "closed" } },
  });
  // @ts-expect-error a comment needs a body
  await client.POST("/api/v1/articles/{slug}/comments", { params: { path: { slug: "x" } }, body: {} });
  // @ts-expect-error a patch sets only known fields
  const patch: ArticlePatch = { slug: "renamed" };
  void patch;
  // @ts-expect-error the status is a closed set
  const status: typeof detail.status = "deleted";
  void status;
  // @ts-expect-error no such operation
  await client.GET("/api/v1/articles/{slug}/likes", { params: { path: { slug: "x" } } });
}
