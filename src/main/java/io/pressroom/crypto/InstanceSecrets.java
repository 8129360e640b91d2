package io.pressroom.crypto;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Secrets generated once per installation and kept in the database, so that restarts and several
 * instances on one database agree on them. The first instance to ask creates a value; every later
 * ask, on any instance, reads the same one.
 */
@ApplicationScoped
public class InstanceSecrets {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final EntityManager entityManager;
  private final Map<String, String> known = new ConcurrentHashMap<>();

  InstanceSecrets(EntityManager entityManager) {
    this.entityManager = entityManager;
  }

  public String randomKey(String name) {
    return get(name, () -> randomBase64(32));
  }

  public String get(String name, Supplier<String> generator) {
    String value = known.get(name);
    if (value == null) {
      value = QuarkusTransaction.requiringNew().call(() -> load(name, generator));
      known.put(name, value);
    }
    return value;
  }

  private String load(String name, Supplier<String> generator) {
    entityManager
        .createNativeQuery(
            "insert into instance_secrets (name, value) values (?1, ?2) on conflict (name) do"
                + " nothing")
        .setParameter(1, name)
        .setParameter(2, generator.get())
        .executeUpdate();
    return (String)
        entityManager
            .createNativeQuery("select value from instance_secrets where name = ?1")
            .setParameter(1, name)
            .getSingleResult();
  }

  public static String randomBase64(int bytes) {
    byte[] value = new byte[bytes];
    RANDOM.nextBytes(value);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
  }
}
