package io.pressroom.feed;

import static io.pressroom.feed.XmlText.clean;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.synd.SyndPerson;
import java.util.Date;
import java.util.List;

/**
 * Writes a feed as Atom 1.0 (RFC 4287) through ROME, as the application did before {@link
 * AtomWriter}: the reference AtomWriterTest compares it with.
 */
final class AtomFeeds {

  private AtomFeeds() {}

  static com.rometools.rome.feed.atom.Feed toAtom(Feed feed, String tagScheme) {
    com.rometools.rome.feed.atom.Feed atom = new com.rometools.rome.feed.atom.Feed("atom_1.0");
    atom.setEncoding("UTF-8");
    atom.setId(feed.selfUrl());
    atom.setTitleEx(text(feed.title()));
    atom.setSubtitle(text(feed.description()));
    atom.setUpdated(Date.from(feed.updated()));
    atom.setAlternateLinks(List.of(link("alternate", feed.homePageUrl(), null)));
    atom.setOtherLinks(
        List.of(link("self", feed.selfUrl(), FeedFormat.ATOM.contentType().split(";")[0])));
    atom.setEntries(feed.items().stream().map(item -> entry(item, tagScheme)).toList());
    return atom;
  }

  private static Entry entry(Feed.Item item, String tagScheme) {
    Entry entry = new Entry();
    entry.setId(item.id());
    entry.setTitleEx(text(item.title()));
    entry.setAlternateLinks(List.of(link("alternate", item.url(), null)));
    Person author = new Person();
    author.setName(clean(item.author().name()));
    author.setUri(item.author().url());
    entry.setAuthors(List.<SyndPerson>of(author));
    entry.setCategories(
        item.categories().stream()
            .map(
                c -> {
                  Category category = new Category();
                  category.setTerm(c.term());
                  category.setLabel(clean(c.label()));
                  category.setScheme(tagScheme);
                  return category;
                })
            .toList());
    entry.setSummary(text(item.summary()));
    Content content = new Content();
    content.setType(Content.HTML);
    content.setValue(clean(item.html()));
    entry.setContents(List.of(content));
    entry.setPublished(Date.from(item.published()));
    entry.setUpdated(Date.from(item.updated()));
    return entry;
  }

  private static Content text(String value) {
    Content content = new Content();
    content.setType(Content.TEXT);
    content.setValue(clean(value));
    return content;
  }

  private static Link link(String rel, String href, String type) {
    Link link = new Link();
    link.setRel(rel);
    link.setHref(href);
    link.setType(type);
    return link;
  }
}
