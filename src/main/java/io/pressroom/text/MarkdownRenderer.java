package io.pressroom.text;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Renders Markdown written by people to HTML that is safe to insert into a page: CommonMark for the
 * rendering, the OWASP sanitiser for the safety (no scripts, no event handlers, no javascript: or
 * data: links), whatever raw HTML the source contained.
 */
@ApplicationScoped
public class MarkdownRenderer {

  private static final List<Extension> EXTENSIONS =
      List.of(TablesExtension.create(), AutolinkExtension.create());

  private static final PolicyFactory TEXT_POLICY =
      Sanitizers.FORMATTING
          .and(Sanitizers.BLOCKS)
          .and(Sanitizers.TABLES)
          .and(
              new HtmlPolicyBuilder()
                  .allowElements("a")
                  .allowAttributes("href", "title")
                  .onElements("a")
                  .allowStandardUrlProtocols()
                  .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
                  .allowElements("pre", "code", "hr", "br", "del", "sup", "sub")
                  .allowAttributes("class")
                  .matching(true, "language-[a-z0-9+#-]{1,30}")
                  .onElements("code")
                  .toFactory());

  /** Articles, written by authors and published by editors, may show images. */
  private static final PolicyFactory ARTICLE_POLICY = TEXT_POLICY.and(Sanitizers.IMAGES);

  private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
  private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).build();

  /** The HTML of an article's body. */
  public String toSafeHtml(String markdown) {
    return ARTICLE_POLICY.sanitize(render(markdown));
  }

  /**
   * The HTML of a comment: no images, so that no reader can make every other reader's browser fetch
   * an address of theirs (a tracking pixel) by commenting. Links stay, marked nofollow.
   */
  public String toSafeCommentHtml(String markdown) {
    return TEXT_POLICY.sanitize(render(markdown));
  }

  private String render(String markdown) {
    return renderer.render(parser.parse(markdown == null ? "" : markdown));
  }

  /** Whole minutes a reader needs at about 220 words a minute; at least one. */
  public static int readingMinutes(String markdown) {
    if (markdown == null || markdown.isBlank()) {
      return 1;
    }
    int words = markdown.trim().split("\\s+").length;
    return Math.max(1, (int) Math.ceil(words / 220.0));
  }
}
