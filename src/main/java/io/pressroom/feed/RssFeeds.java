package io.pressroom.feed;

import static io.pressroom.feed.XmlText.clean;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Content;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import java.util.Date;
import java.util.List;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Writes a feed as RSS 2.0. RSS has no place for an author's link and wants an email address in
 * {@code author}, which Pressroom never shows, so the author's name goes into {@code dc:creator};
 * the body goes into {@code content:encoded} and the summary into {@code description}.
 */
final class RssFeeds {

  private static final Namespace ATOM =
      Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");

  private RssFeeds() {}

  static Channel toRss(Feed feed, String tagScheme) {
    Channel channel = new Channel("rss_2.0");
    channel.setEncoding("UTF-8");
    channel.setTitle(clean(feed.title()));
    channel.setLink(feed.homePageUrl());
    channel.setDescription(clean(feed.description()));
    channel.setLastBuildDate(Date.from(feed.updated()));
    channel.setPubDate(Date.from(feed.updated()));
    channel.setItems(feed.items().stream().map(item -> item(item, tagScheme)).toList());
    Element self = new Element("link", ATOM);
    self.setAttribute("href", feed.selfUrl());
    self.setAttribute("rel", "self");
    self.setAttribute("type", FeedFormat.RSS.contentType().split(";")[0]);
    channel.setForeignMarkup(List.of(self));
    return channel;
  }

  private static Item item(Feed.Item source, String tagScheme) {
    Item item = new Item();
    item.setTitle(clean(source.title()));
    item.setLink(source.url());
    Guid guid = new Guid();
    guid.setValue(source.id());
    guid.setPermaLink(source.id().equals(source.url()));
    item.setGuid(guid);
    Description description = new Description();
    description.setType("text/plain");
    description.setValue(clean(source.summary()));
    item.setDescription(description);
    Content content = new Content();
    content.setType(Content.HTML);
    content.setValue(clean(source.html()));
    item.setContent(content);
    item.setPubDate(Date.from(source.published()));
    item.setCategories(
        source.categories().stream()
            .map(
                c -> {
                  Category category = new Category();
                  category.setDomain(tagScheme);
                  category.setValue(clean(c.label()));
                  return category;
                })
            .toList());
    DCModule dc = new DCModuleImpl();
    dc.setCreator(clean(source.author().name()));
    item.setModules(List.<Module>of(dc));
    return item;
  }
}
