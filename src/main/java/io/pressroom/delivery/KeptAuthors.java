package io.pressroom.delivery;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An authors' answer as the application writes it (one author's profile, or a page of them as
 * {@code {"items":[...],"page":{...}}}, no whitespace), read to add or take away the signed-in
 * reader's own state: {@code "viewer":{"following":...}}, the last field of each author (see {@code
 * AuthorProfile}). What one reader is sent is so the public answer kept for everyone with whether
 * they follow each author, byte for byte what the resource builds for them.
 */
final class KeptAuthors {

  private static final JsonFactory JSON = new JsonFactory();
  private static final String VIEWER = "viewer";

  /** An author of the answer: their handle, and where their object closes. */
  private record Author(String handle, int closingBrace) {}

  private final byte[] answer;
  private final List<Author> authors;

  private KeptAuthors(byte[] answer, List<Author> authors) {
    this.answer = answer;
    this.authors = authors;
  }

  /** The authors of a public answer: a page of them when {@code list}, else one profile. */
  static KeptAuthors of(byte[] answer, boolean list) {
    List<Author> authors = new ArrayList<>();
    try (JsonParser parser = JSON.createParser(answer)) {
      expect(parser.nextToken(), JsonToken.START_OBJECT);
      if (list) {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          if ("items".equals(parser.currentName())) {
            expect(parser.nextToken(), JsonToken.START_ARRAY);
            while (parser.nextToken() == JsonToken.START_OBJECT) {
              authors.add(author(parser));
            }
          } else {
            parser.nextToken();
            parser.skipChildren();
          }
        }
      } else {
        authors.add(author(parser));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("A kept authors' answer is not JSON", e);
    }
    return new KeptAuthors(answer, authors);
  }

  /** The handles of the answer's authors, in order. */
  List<String> handles() {
    return authors.stream().map(Author::handle).toList();
  }

  /**
   * The answer with {@code "viewer":{"following":...}} last in each author, as {@code followed}.
   */
  byte[] withFollowing(Set<String> followed) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(answer.length + 32 * authors.size());
    int from = 0;
    for (Author author : authors) {
      out.write(answer, from, author.closingBrace() - from);
      String viewer = ",\"viewer\":{\"following\":" + followed.contains(author.handle()) + "}";
      out.writeBytes(viewer.getBytes(StandardCharsets.UTF_8));
      from = author.closingBrace();
    }
    out.write(answer, from, answer.length - from);
    return out.toByteArray();
  }

  /**
   * A signed-in reader's authors' answer without their own state: what an anonymous client gets.
   * Each {@code viewer} field is cut with the comma before it.
   */
  static byte[] withoutViewer(byte[] answer) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(answer.length);
    int from = 0;
    try (JsonParser parser = JSON.createParser(answer)) {
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.FIELD_NAME && VIEWER.equals(parser.currentName())) {
          int comma = (int) parser.currentTokenLocation().getByteOffset() - 1;
          if (comma < 0 || answer[comma] != ',') {
            throw new IllegalStateException("An author's viewer is not after another field");
          }
          parser.nextToken();
          parser.skipChildren();
          out.write(answer, from, comma - from);
          from = (int) parser.currentTokenLocation().getByteOffset() + 1;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("An authors' answer is not JSON", e);
    }
    out.write(answer, from, answer.length - from);
    return out.toByteArray();
  }

  /** The author whose object the parser just opened, read to its closing brace. */
  private static Author author(JsonParser parser) throws IOException {
    String handle = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if ("handle".equals(field) && value == JsonToken.VALUE_STRING) {
        handle = parser.getText();
      } else if (VIEWER.equals(field)) {
        throw new IllegalStateException("A kept author already has a viewer");
      } else {
        parser.skipChildren();
      }
    }
    expect(parser.currentToken(), JsonToken.END_OBJECT);
    if (handle == null) {
      throw new IllegalStateException("A kept author has no handle");
    }
    return new Author(handle, (int) parser.currentTokenLocation().getByteOffset());
  }

  private static void expect(JsonToken token, JsonToken expected) {
    if (token != expected) {
      throw new IllegalStateException("A kept authors' answer has " + token + " for " + expected);
    }
  }
}
