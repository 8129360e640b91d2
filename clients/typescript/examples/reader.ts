/**
 * A reader's session, as a web or mobile app would run it: sign up (once), sign in, list a tag's
 * articles page by page with the cursor, read an article with the reader's own `viewer` state,
 * renew the session with the refresh token, and comment.
 *
 *   npm run build:examples && PRESSROOM_URL=http://localhost:8080 npm run example
 */
import { createPressroomClient, type PressroomClientOptions, type Session } from "../src/index.js";

export interface ReaderRun {
  tag: string;
  pages: string[][];
  article: string;
  liked: boolean;
  commentId: number;
}

/** Runs the whole flow against baseUrl; throws on any answer that is not the expected one. */
export async function readerExample(
  baseUrl: string,
  extra: Omit<PressroomClientOptions, "baseUrl" | "accessToken"> = {},
  log: (line: string) => void = console.log,
): Promise<ReaderRun> {
  let session: Session | undefined;
  const client = createPressroomClient({
    ...extra,
    baseUrl,
    accessToken: () => session?.accessToken,
  });

  // A new reader each run: sign up, then sign in as an app does on its next start.
  const email = `reader-${Date.now()}@example.org`;
  const password = "a long reader passphrase";
  const signUp = await client.POST("/api/v1/accounts", {
    body: { email, password, handle: `reader${Date.now()}`, name: "Example Reader" },
  });
  if (signUp.error) throw new Error(`sign-up: ${signUp.error.title}`);
  const signIn = await client.POST("/api/v1/auth/token", { body: { email, password } });
  if (signIn.error) throw new Error(`sign-in: ${signIn.error.title}`);
  session = signIn.data;
  log(`signed in as ${session.account.handle} until ${session.expiresAt}`);

  // The most used tag, then its articles two at a time, following page.next.
  const tags = await client.GET("/api/v1/tags", { params: { query: { sort: "-articles", limit: 1 } } });
  if (tags.error) throw new Error(`tags: ${tags.error.title}`);
  const tag = tags.data.items[0];
  if (tag === undefined) throw new Error("no tag to list");
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await client.GET("/api/v1/tags/{slug}/articles", {
      params: { path: { slug: tag.slug }, query: { limit: 2, ...(cursor ? { cursor } : {}) } },
    });
    if (page.error) throw new Error(`tag articles: ${page.error.title}`);
    pages.push(page.data.items.map((article) => article.slug));
    cursor = page.data.page.next ?? undefined;
  } while (cursor !== undefined && pages.length < 3);
  log(`${tag.name}: ${pages.map((p) => p.join(", ")).join(" | ")}`);

  // An article as the signed-in reader sees it: viewer is there only because the token was sent.
  const slug = pages[0]?.[0];
  if (slug === undefined) throw new Error(`tag ${tag.slug} has no article`);
  const read = await client.GET("/api/v1/articles/{slug}", { params: { path: { slug } } });
  if (read.error) throw new Error(`article: ${read.error.title}`);
  const viewer = read.data.viewer;
  if (viewer === undefined) throw new Error("a signed-in reader's article has no viewer");
  log(`${read.data.title} (${read.data.status}): liked ${viewer.liked}, rating ${viewer.rating}`);

  // Renew the session before the access token expires; the old refresh token stops working.
  const renewed = await client.POST("/api/v1/auth/refresh", {
    body: { refreshToken: session.refreshToken },
  });
  if (renewed.error) throw new Error(`refresh: ${renewed.error.title}`);
  session = renewed.data;
  log(`session renewed until ${session.expiresAt}`);

  const comment = await client.POST("/api/v1/articles/{slug}/comments", {
    params: { path: { slug } },
    body: { body: "Thanks, a clear write-up." },
  });
  if (comment.error) throw new Error(`comment: ${comment.error.title}`);
  log(`comment ${comment.data.id} by ${comment.data.author?.handle}`);

  return { tag: tag.slug, pages, article: slug, liked: viewer.liked, commentId: comment.data.id };
}

const invokedDirectly =
  typeof process !== "undefined" && process.argv[1]?.endsWith("examples/reader.js");
if (invokedDirectly) {
  readerExample(process.env["PRESSROOM_URL"] ?? "http://localhost:8080").catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
