package io.pressroom.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The chart of a run: well-formed SVG, one bar per measured row, each target marked. */
class ChartTest {

  /** The SVG as a DOM: fails on anything that is not well-formed XML. */
  static Document parse(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    Document doc =
        factory
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
    assertThat(doc.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
    return doc;
  }

  static List<Element> withClass(Document doc, String cls) {
    List<Element> found = new ArrayList<>();
    NodeList all = doc.getElementsByTagNameNS("*", "*");
    for (int i = 0; i < all.getLength(); i++) {
      Element e = (Element) all.item(i);
      if (e.getAttribute("class").equals(cls)) {
        found.add(e);
      }
    }
    return found;
  }

  static List<String> texts(Document doc) {
    List<String> texts = new ArrayList<>();
    NodeList all = doc.getElementsByTagNameNS("*", "text");
    for (int i = 0; i < all.getLength(); i++) {
      texts.add(all.item(i).getTextContent());
    }
    return texts;
  }

  @Test
  void theReadmeRunHasOneBarPerRowInEachPanelAndEveryTargetMarked() throws Exception {
    RunState s = ReportTest.fullRun();
    Document doc = parse(Chart.render(s, ReportTest.info()));

    // 8 rows as deployed (the 7 reads and the write mix), 7 reads with the cache off.
    assertThat(withClass(doc, "bar share")).hasSize(15);
    assertThat(withClass(doc, "bar p99")).hasSize(15);
    // Share targets: 8 as deployed (the write mix's 800 req/s among them), 5 with the cache off
    // (not the article page and the tags list); p99 limits: 8 and 5.
    assertThat(withClass(doc, "target")).hasSize(13 + 13);
    assertThat(withClass(doc, "ceiling")).hasSize(1);
    assertThat(texts(doc))
        .contains("Article detail", "Write mix (signed in)", "56.5% · 37,834 req/s", "2927.97 ms")
        .anyMatch(t -> t.contains("detail.json 66,988 req/s"));
  }

  @Test
  void colourSaysMetOrMissedAndTheWriteTargetIsInTheSameUnits() throws Exception {
    RunState s = ReportTest.fullRun();
    Document doc = parse(Chart.render(s, ReportTest.info()));

    List<Element> shares = withClass(doc, "bar share");
    // The search with the cache off (0.04% of nginx, 5% wanted) is the 12th bar: red.
    assertThat(shares.get(11).getAttribute("fill")).isEqualTo(Chart.MISSED);
    assertThat(shares.get(0).getAttribute("fill")).isEqualTo(Chart.MET);
    // The article page with the cache off has no share target: grey.
    assertThat(shares.get(8).getAttribute("fill")).isEqualTo(Chart.NO_TARGET);
    // The write mix: 799 req/s against 800, drawn on nginx's detail scale.
    assertThat(shares.get(7).getAttribute("fill")).isEqualTo(Chart.MISSED);
    int writeTarget = Chart.shareX(800.0 / 66988);
    assertThat(withClass(doc, "target"))
        .anyMatch(t -> t.getAttribute("d").startsWith("M" + writeTarget + " "));
  }

  @Test
  void aRowNotMeasuredHasNoBarButSaysWhy() throws Exception {
    RunState s = ReportTest.fullRun();
    s.replace(s.row("feed").notMeasured(Row.MISSING));

    Document doc = parse(Chart.render(s, ReportTest.info()));

    assertThat(withClass(doc, "bar share")).hasSize(13);
    assertThat(withClass(doc, "na"))
        .extracting(Element::getTextContent)
        .containsExactly(Row.MISSING);
  }

  @Test
  void labelsAreEscaped() throws Exception {
    RunState s = ReportTest.fullRun();
    s.replace(new Row("tags", "Tags <all> & \"more\"", "/api/v1/tags", Row.Kind.HOT, "tags", ""));

    assertThat(texts(parse(Chart.render(s, ReportTest.info())))).contains("Tags <all> & \"more\"");
  }

  @Test
  void logarithmicAxesClampAtTheirEnds() {
    assertThat(Chart.scale(1e-4, 1e-4, 1, 400)).isZero();
    assertThat(Chart.scale(1e-2, 1e-4, 1, 400)).isEqualTo(200);
    assertThat(Chart.scale(1, 1e-4, 1, 400)).isEqualTo(400);
    assertThat(Chart.scale(5, 1e-4, 1, 400)).isEqualTo(400);
    assertThat(Chart.scale(0, 1e-4, 1, 400)).isZero();
  }
}
