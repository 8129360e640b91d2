package io.pressroom.webhook;

import java.security.SecureRandom;

/**
 * Message ids ({@code webhook-id}): {@code msg_} and 26 random characters of a lower-case base32
 * alphabet without look-alikes (130 bits), unique without coordination between instances.
 */
final class MessageIds {

  static final String PREFIX = "msg_";
  private static final String ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
  private static final int LENGTH = 26;
  private static final SecureRandom RANDOM = new SecureRandom();

  private MessageIds() {}

  static String next() {
    StringBuilder id = new StringBuilder(PREFIX.length() + LENGTH).append(PREFIX);
    for (int i = 0; i < LENGTH; i++) {
      id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return id.toString();
  }
}
