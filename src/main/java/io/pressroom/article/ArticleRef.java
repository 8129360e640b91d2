package io.pressroom.article;

/** An article as other packages need to know it: which row it is, its slug and its author. */
public record ArticleRef(long id, String slug, long authorId) {}
