package io.pressroom.web;

import io.pressroom.PressroomConfig;
import io.pressroom.crypto.InstanceSecrets;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encodes keyset positions as opaque, signed cursors. The signature makes a tampered or hand-made
 * cursor a clear 400 instead of a silent jump to some other place in a list.
 */
@ApplicationScoped
public class CursorCodec {

  private static final String SEPARATOR = "\u001f";
  private static final int SIGNATURE_BYTES = 12;

  private final PressroomConfig config;
  private final InstanceSecrets secrets;
  private volatile SecretKeySpec key;
  private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

  CursorCodec(PressroomConfig config, InstanceSecrets secrets) {
    this.config = config;
    this.secrets = secrets;
  }

  /**
   * A position in the list ordered by {@code sort}: the sort key values of the last item. Read the
   * keys of a decoded position with the typed accessors: a key that is not what its list expects is
   * the same 400 problem as a forged cursor.
   */
  public record Position(String sort, List<String> keys) {

    /** The key as it was encoded. */
    public String text(int index) {
      return keys.get(index);
    }

    /** A whole-number key (an id, a count). */
    public long longKey(int index) {
      try {
        return Long.parseLong(keys.get(index));
      } catch (NumberFormatException e) {
        throw invalid();
      }
    }

    /** A whole-number key that cannot be negative (a sequence number, a transaction id). */
    public long nonNegativeLong(int index) {
      long value = longKey(index);
      if (value < 0) {
        throw invalid();
      }
      return value;
    }

    /** A timestamp key written as ISO-8601 ({@link Instant#toString()}). */
    public Instant instant(int index) {
      try {
        return Instant.parse(keys.get(index));
      } catch (DateTimeParseException e) {
        throw invalid();
      }
    }
  }

  public String encode(Position position) {
    String payload = position.sort() + SEPARATOR + String.join(SEPARATOR, position.keys());
    byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
    Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
    return encoder.encodeToString(bytes) + "." + encoder.encodeToString(sign(bytes));
  }

  /** Decodes a cursor made for {@code sort}; anything else is a 400 problem. */
  public Position decode(String cursor, String sort, int keyCount) {
    return position(parts(cursor), sort, keyCount);
  }

  /**
   * Decodes a cursor made for {@code sort}, or for {@code olderSort}, the kind the same list issued
   * before (which readers may still hold): {@link Position#sort()} tells which. Anything else is a
   * 400 problem.
   */
  public Position decode(
      String cursor, String sort, int keyCount, String olderSort, int olderKeyCount) {
    List<String> parts = parts(cursor);
    return parts.get(0).equals(olderSort)
        ? position(parts, olderSort, olderKeyCount)
        : position(parts, sort, keyCount);
  }

  private static Position position(List<String> parts, String sort, int keyCount) {
    if (parts.size() != keyCount + 1) {
      throw invalid();
    }
    if (!parts.get(0).equals(sort)) {
      throw ProblemException.invalidParameter(
          "cursor", "this cursor belongs to another sort order; send the same sort as before");
    }
    return new Position(sort, parts.subList(1, parts.size()));
  }

  /** The sort and keys of a cursor this API signed; anything else is a 400 problem. */
  private List<String> parts(String cursor) {
    int dot = cursor.indexOf('.');
    if (dot <= 0 || cursor.length() > 512) {
      throw invalid();
    }
    byte[] payload;
    byte[] signature;
    try {
      Base64.Decoder decoder = Base64.getUrlDecoder();
      payload = decoder.decode(cursor.substring(0, dot));
      signature = decoder.decode(cursor.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      throw invalid();
    }
    if (!MessageDigest.isEqual(sign(payload), signature)) {
      throw invalid();
    }
    return Arrays.asList(new String(payload, StandardCharsets.UTF_8).split(SEPARATOR, -1));
  }

  public static ProblemException invalid() {
    return ProblemException.invalidParameter(
        "cursor", "not a cursor this API issued; use page.next from a previous answer");
  }

  /**
   * The payload's signature, by this thread's Mac: looking the algorithm up and keying a new Mac
   * for every cursor was a twentieth of a cache-missed tag page. {@code doFinal} leaves it ready
   * for the next payload under the same key.
   */
  private byte[] sign(byte[] payload) {
    return Arrays.copyOf(macs.get().doFinal(payload), SIGNATURE_BYTES);
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key());
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  private SecretKeySpec key() {
    SecretKeySpec current = key;
    if (current == null) {
      String secret = config.cursorKey().orElseGet(() -> secrets.randomKey("cursor-key"));
      current = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
      key = current;
    }
    return current;
  }
}
