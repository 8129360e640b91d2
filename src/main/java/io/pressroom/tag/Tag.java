package io.pressroom.tag;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A topic articles are filed under; aggregators pull articles by tag. */
@Entity
@Table(name = "tags")
public class Tag extends PanacheEntityBase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  Long id;

  String slug;
  String name;
  String description;

  @Column(name = "created_at")
  Instant createdAt;

  @Column(name = "updated_at")
  Instant updatedAt;

  /**
   * Whether an editor created, described or renamed it: then it is public with no article yet
   * ({@link TagVisibility}). One an author's draft created is not, until an article has it.
   */
  boolean curated;

  protected Tag() {}

  public Long id() {
    return id;
  }

  public String slug() {
    return slug;
  }

  public String name() {
    return name;
  }

  /** Renames and describes the tag; its slug never changes, so pulled URLs keep working. */
  void edit(String newName, String newDescription) {
    name = newName;
    description = newDescription;
    updatedAt = Instant.now();
    curated = true;
  }

  /** An editor's (or the demo content's) description, which makes the tag theirs. */
  void describe(String text) {
    description = text;
    curated = true;
  }
}
