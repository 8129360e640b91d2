package io.pressroom.web;

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

  private static final PolicyFactory POLICY =
      Sanitizers.FORMATTING
          .and(Sanitizers.BLOCKS)
          .and(Sanitizers.TABLES)
          .and(Sanitizers.IMAGES)
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

  private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
  private final HtmlRenderer renderer = HtmlRenderer.builder().extensions(EXTENSIONS).build();

  public String toSafeHtml(String markdown) {
    String html = renderer.render(parser.parse(markdown == null ? "" : markdown));
    return POLICY.sanitize(html);
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
