package io.pressroom.search;

import io.pressroom.article.SearchSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;

/**
 * The Lucene index of public articles on local disk (memory-mapped, not on the heap), with where in
 * the changes feed it stands kept in each commit's user data, so that a restart goes on from there
 * instead of rebuilding. One writer per directory: each instance has its own index.
 *
 * <p>A build is merged into one segment before anything searches it ({@link #mergeBuilt}), so that
 * the merge reads its segments without mapping them ({@link IndexFiles}): once searches hold a
 * segment open, the writer's merges read it through the searches' own readers, which are mapped.
 */
final class SearchIndex implements AutoCloseable {

  /**
   * Each segment holds its articles newest first (since schema 9): the newest matches of a query
   * are then the first it meets, so a newest-first page (suggestions' titles that begin as typed, a
   * search with {@code sort=-publishedAt}) stops reading once it has them, where in the order the
   * articles were added it read every match, each newer than the last.
   */
  static final Sort INDEX_ORDER = SearchPage.BY_NEWEST;

  static final String SCHEMA_KEY = "schema";
  static final String TXID_KEY = "txid";
  static final String SEQ_KEY = "seq";
  static final String CLOCK_KEY = "clock";

  /**
   * Present while a built index is still to be merged into one segment: a stop during that merge (a
   * deploy right after the first build) leaves it in dozens of segments, which each search visits
   * one by one, so the next start takes it up again.
   */
  static final String MERGE_OWED_KEY = "merge-owed";

  private final Path path;
  private final IndexFiles directory;
  private final IndexWriter writer;

  /**
   * Opened at the first search or refresh, not with the writer: from then on the writer keeps the
   * readers it opens (Lucene pools them for near-real-time search), and merges read through them.
   */
  private volatile SearcherManager searchers;

  private final Map<String, String> resumeFrom;
  private volatile boolean merging;
  private volatile boolean mergeOwed;

  private SearchIndex(
      Path path, IndexFiles directory, IndexWriter writer, Map<String, String> resumeFrom) {
    this.path = path;
    this.directory = directory;
    this.writer = writer;
    this.resumeFrom = resumeFrom;
    this.mergeOwed = resumeFrom.containsKey(MERGE_OWED_KEY);
  }

  /**
   * Opens the index in {@code path}; one missing, unreadable or of another schema is started
   * afresh, which {@link #resumePoint()} tells by being empty.
   */
  static SearchIndex open(Path path) throws IOException {
    IndexFiles directory = IndexFiles.open(path);
    Map<String, String> committed = Map.of();
    try {
      if (DirectoryReader.indexExists(directory)) {
        committed = SegmentInfos.readLatestCommit(directory).getUserData();
      }
    } catch (IOException | RuntimeException e) {
      committed = Map.of();
    }
    boolean usable =
        SearchFields.SCHEMA.equals(committed.get(SCHEMA_KEY)) && committed.containsKey(TXID_KEY);
    return openWriter(path, directory, usable ? Map.copyOf(committed) : Map.of());
  }

  /**
   * Drops this index, uncommitted writes included, and opens an empty one in its place, to be built
   * again: a fresh writer and directory, so that the build's merge reads no file mapped, as a first
   * build's does (this one's searches have mapped its segments, see {@link #mergeBuilt}). Its last
   * commit stays on disk until the build commits: a start after a crash meanwhile resumes it, finds
   * it stale again and builds again.
   */
  SearchIndex emptiedForRebuild() throws IOException {
    abandon();
    return openWriter(path, IndexFiles.open(path), Map.of());
  }

  /** A writer that appends to the commit {@code resumeFrom} names, or starts empty without one. */
  private static SearchIndex openWriter(
      Path path, IndexFiles directory, Map<String, String> resumeFrom) throws IOException {
    try {
      IndexWriterConfig config = new IndexWriterConfig(SearchFields.analyzer());
      config.setOpenMode(
          resumeFrom.isEmpty()
              ? IndexWriterConfig.OpenMode.CREATE
              : IndexWriterConfig.OpenMode.APPEND);
      config.setRAMBufferSizeMB(16);
      config.setIndexSort(INDEX_ORDER);
      return new SearchIndex(path, directory, new IndexWriter(directory, config), resumeFrom);
    } catch (IOException | RuntimeException e) {
      directory.close();
      throw e;
    }
  }

  /** The committed position to go on from; empty when the index has to be built. */
  Optional<Map<String, String>> resumePoint() {
    return resumeFrom.isEmpty() ? Optional.empty() : Optional.of(resumeFrom);
  }

  void put(SearchSource.Document article) {
    try {
      writer.updateDocument(key(article.id()), document(article));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void remove(Collection<Long> ids) {
    try {
      writer.deleteDocuments(ids.stream().map(SearchIndex::key).toArray(Term[]::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Adds an article the index cannot hold yet (a build, which starts from nothing): no look-up of
   * an older copy to replace.
   */
  void add(SearchSource.Document article) {
    try {
      writer.addDocument(document(article));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Makes what was written visible to searches (near real time, without a commit). */
  void refresh() throws IOException {
    searchers().maybeRefreshBlocking();
  }

  private SearcherManager searchers() throws IOException {
    SearcherManager opened = searchers;
    if (opened == null) {
      synchronized (this) {
        opened = searchers;
        if (opened == null) {
          directory.searchesStart();
          opened = new SearcherManager(writer, null);
          searchers = opened;
        }
      }
    }
    return opened;
  }

  /** Writes everything to disk with the position it reflects. */
  void commit(String txid, long seq, String clock) throws IOException {
    Map<String, String> data = new HashMap<>();
    data.put(SCHEMA_KEY, SearchFields.SCHEMA);
    data.put(TXID_KEY, txid);
    data.put(SEQ_KEY, Long.toString(seq));
    data.put(CLOCK_KEY, clock);
    if (mergeOwed) {
      data.put(MERGE_OWED_KEY, "true");
    }
    writer.setLiveCommitData(data.entrySet());
    writer.commit();
  }

  IndexSearcher acquire() throws IOException {
    return searchers().acquire();
  }

  void release(IndexSearcher searcher) throws IOException {
    searchers().release(searcher);
  }

  /** The documents searches see now (after the last refresh). */
  int searchableDocuments() throws IOException {
    IndexSearcher searcher = acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      release(searcher);
    }
  }

  int documents() {
    return writer.getDocStats().numDocs;
  }

  /**
   * Starts merging every segment into one, in the background (Lucene's merge threads): a freshly
   * built index has dozens, and a search visits each of them, every word looked up in each. The
   * index answers meanwhile, from the segments it had; {@link #mergeEnded()} tells when it is done.
   */
  void startMergingIntoOne() throws IOException {
    mergeOwed = true;
    merging = true;
    writer.forceMerge(1, false);
  }

  /**
   * Whether this index was built and its merge into one segment has not ended yet, here or before
   * the last stop (each commit says so until the merge has ended).
   */
  boolean mergeOwed() {
    return mergeOwed;
  }

  /** Notes that this index was just built: the merge into one segment is owed from now on. */
  void built() {
    mergeOwed = true;
  }

  /**
   * Merges a build into one segment now, waiting for it, before anything searches the index (no
   * reader of it is open, so the merge reads the segments without mapping them), then commits that
   * at the position given. A stop meanwhile leaves the last commit owing the merge, which the next
   * start then takes up in the background ({@link #startMergingIntoOne()}).
   */
  void mergeBuilt(String txid, long seq, String clock) throws IOException {
    if (searchers != null) {
      // Its merge would read every segment mapped (up to the whole index resident at once).
      throw new IllegalStateException("A build is merged before anything searches it");
    }
    writer.forceMerge(1, true);
    mergeOwed = false;
    commit(txid, seq, clock);
  }

  /**
   * Whether the merge {@link #startMergingIntoOne()} started has ended since the last time this
   * said so; the caller then refreshes and commits, so that searches and the next start read the
   * one segment and the old ones leave the disk (that commit no longer owes the merge).
   */
  boolean mergeEnded() {
    if (!merging || writer.hasPendingMerges() || !writer.getMergingSegments().isEmpty()) {
      return false;
    }
    merging = false;
    mergeOwed = false;
    return true;
  }

  /**
   * Commits what is not committed yet (with the position of the last commit: the feed's changes
   * since then are applied again at the next start, which changes nothing) and closes without
   * waiting for a merge still running: a rollback aborts it, and it had only rewritten segments
   * that the commit keeps.
   */
  @Override
  public void close() throws IOException {
    try {
      closeSearchers();
      if (writer.hasUncommittedChanges()) {
        writer.commit();
      }
    } finally {
      try {
        writer.rollback();
      } finally {
        directory.close();
      }
    }
  }

  /**
   * Closes without committing anything: what was written since the last commit (a build that failed
   * half way, or the clearing before it) is dropped, and the writer's lock released, so that the
   * index can be opened again.
   */
  void abandon() throws IOException {
    try {
      closeSearchers();
    } finally {
      try {
        writer.rollback();
      } finally {
        directory.close();
      }
    }
  }

  private void closeSearchers() throws IOException {
    if (searchers != null) {
      searchers.close();
    }
  }

  private static Term key(long id) {
    return new Term(SearchFields.KEY, Long.toString(id));
  }

  private static Document document(SearchSource.Document article) {
    Document doc = new Document();
    doc.add(new StringField(SearchFields.KEY, Long.toString(article.id()), Field.Store.NO));
    doc.add(new LongField(SearchFields.ID, article.id(), Field.Store.NO));
    doc.add(
        new LongField(
            SearchFields.PUBLISHED, SearchFields.micros(article.publishedAt()), Field.Store.NO));
    doc.add(
        new LongField(
            SearchFields.UPDATED, SearchFields.micros(article.updatedAt()), Field.Store.NO));
    doc.add(new LongField(SearchFields.AUTHOR, article.authorId(), Field.Store.NO));
    for (long tag : article.tagIds()) {
      doc.add(new LongField(SearchFields.TAG, tag, Field.Store.NO));
    }
    SearchFields.addArticleMarkdown(doc, article.title(), article.summary(), article.body());
    return doc;
  }
}
