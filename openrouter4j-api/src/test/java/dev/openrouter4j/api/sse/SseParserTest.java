package dev.openrouter4j.api.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SseParserTest {

  static final class Recorder implements SseParser.Listener {
    final List<SseEvent> events = new ArrayList<>();
    final List<String> comments = new ArrayList<>();

    @Override
    public void onEvent(SseEvent event) {
      events.add(event);
    }

    @Override
    public void onComment(String comment) {
      comments.add(comment);
    }
  }

  static Recorder parse(String text) {
    Recorder r = new Recorder();
    SseParser p = new SseParser(r);
    p.feed(text.getBytes(StandardCharsets.UTF_8));
    p.end();
    return r;
  }

  @Test
  void dataLinesOfOneEventAreJoinedWithNewlines() {
    Recorder r = parse("data: first\ndata: second\n\n");
    assertEquals(List.of(SseEvent.data("first\nsecond")), r.events);
  }

  @Test
  void commentsAreReportedButNeverDispatchedAsEvents() {
    Recorder r = parse(": OPENROUTER PROCESSING\n\n: OPENROUTER PROCESSING\n\ndata: {}\n\n");
    assertEquals(1, r.events.size());
    assertEquals(List.of(" OPENROUTER PROCESSING", " OPENROUTER PROCESSING"), r.comments);
  }

  @Test
  void eventTypeAndIdAreKeptAndTheIdPersistsAcrossEvents() {
    Recorder r = parse("event: response.created\nid: 7\ndata: {\"a\":1}\n\ndata: x\n\n");
    assertEquals(new SseEvent("response.created", "{\"a\":1}", "7"), r.events.get(0));
    assertEquals(new SseEvent(null, "x", "7"), r.events.get(1));
  }

  @Test
  void crLfAndCrAndLfLineEndsAreAllLineEnds() {
    Recorder r = parse("data: a\r\n\r\ndata: b\r\rdata: c\n\ndata: d\r\n\n");
    assertEquals(List.of("a", "b", "c", "d"), r.events.stream().map(SseEvent::data).toList());
  }

  @Test
  void onlyOneSpaceAfterTheColonIsStripped() {
    Recorder r = parse("data:no-space\n\ndata:  two\n\ndata\n\n");
    assertEquals(List.of("no-space", " two", ""), r.events.stream().map(SseEvent::data).toList());
  }

  @Test
  void anEventWithoutDataIsNotDispatchedAndItsTypeDoesNotLeak() {
    Recorder r = parse("event: ping\n\ndata: x\n\n");
    assertEquals(List.of(SseEvent.data("x")), r.events);
  }

  @Test
  void anUnterminatedEventAtTheEndIsDiscarded() {
    Recorder r = parse("data: complete\n\ndata: cut");
    assertEquals(List.of(SseEvent.data("complete")), r.events);
  }

  @Test
  void aLeadingBomIsIgnored() {
    Recorder r = parse("\uFEFFdata: x\n\n");
    assertEquals(List.of(SseEvent.data("x")), r.events);
  }

  @Test
  void doneSentinelIsRecognised() {
    Recorder r = parse("data: [DONE]\n\n");
    assertTrue(r.events.get(0).isDone());
  }

  @Test
  void splittingTheBytesAtEveryPossibleBoundaryGivesTheSameEvents() {
    String text =
        ": c\r\nevent: e\r\ndata: h\u00e9llo \u4e16\u754c \uD83D\uDE00\r\ndata: 2\r\n\r\ndata: b\rdata: c\r\r"
            + "data: [DONE]\n\n";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    List<SseEvent> whole = parse(text).events;
    assertEquals(3, whole.size());
    assertEquals("h\u00e9llo \u4e16\u754c \uD83D\uDE00\n2", whole.get(0).data());
    for (int a = 0; a <= bytes.length; a++) {
      for (int b = a; b <= bytes.length; b++) {
        Recorder r = new Recorder();
        SseParser p = new SseParser(r);
        p.feed(bytes, 0, a);
        p.feed(bytes, a, b - a);
        p.feed(bytes, b, bytes.length - b);
        assertEquals(whole, r.events, "split at " + a + "," + b);
      }
    }
  }

  @Test
  void byteAtATimeFeedingGivesTheSameEvents() {
    String text = "data: {\"x\":\"\u00fc\"}\r\n\r\n: keep\n\ndata: [DONE]\n\n";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    Recorder r = new Recorder();
    SseParser p = new SseParser(r);
    for (byte b : bytes) p.feed(new byte[] {b});
    assertEquals(parse(text).events, r.events);
  }

  @Test
  void aLineOverTheLimitFailsInsteadOfGrowingWithoutBound() {
    SseParser p = new SseParser(new Recorder(), 64, 1024);
    byte[] big = ("data: " + "x".repeat(100)).getBytes(StandardCharsets.US_ASCII);
    assertThrows(SseException.class, () -> p.feed(big));
  }

  @Test
  void anEventOverTheLimitFails() {
    SseParser p = new SseParser(new Recorder(), 1024, 100);
    byte[] lines = "data: 0123456789012345678901234567890123456789\n".repeat(4).getBytes(StandardCharsets.US_ASCII);
    assertThrows(SseException.class, () -> p.feed(lines));
  }

  @Test
  void writerOutputParsesBackToTheSameEvents() {
    String text =
        SseWriter.comment("OPENROUTER PROCESSING")
            + SseWriter.event("response.created", "{\"a\":\n1}")
            + SseWriter.data("plain\r\nline")
            + new String(SseWriter.done(), StandardCharsets.US_ASCII);
    Recorder r = parse(text);
    assertEquals(List.of(" OPENROUTER PROCESSING"), r.comments);
    assertEquals(
        List.of(new SseEvent("response.created", "{\"a\":\n1}", null), SseEvent.data("plain\nline"), SseEvent.data("[DONE]")),
        r.events);
  }

  @Test
  void everyRecordedFixtureStreamParsesIntoJsonEventsEndingWhereItShould() throws IOException {
    Path fixtures = Fixtures.dir();
    List<Path> files;
    try (Stream<Path> s = Files.walk(fixtures)) {
      files = s.filter(p -> p.toString().endsWith(".sse")).sorted().toList();
    }
    assertTrue(files.size() >= 15, "expected the recorded .sse fixtures, found " + files);
    for (Path file : files) {
      Recorder r = new Recorder();
      SseParser p = new SseParser(r);
      byte[] bytes = Files.readAllBytes(file);
      // feed in uneven slices, as a socket would deliver them
      for (int off = 0, step = 1; off < bytes.length; off += step, step = step * 7 % 113 + 1) {
        p.feed(bytes, off, Math.min(step, bytes.length - off));
      }
      p.end();
      assertTrue(!r.events.isEmpty(), file + " gave no events");
      for (SseEvent e : r.events) {
        String d = e.data().strip();
        assertTrue(d.startsWith("{") || e.isDone(), file + ": not JSON: " + d);
      }
    }
  }

  @Test
  void openRouterProcessingCommentsInTheRecordedStreamAreComments() throws IOException {
    Recorder r = new Recorder();
    SseParser p = new SseParser(r);
    p.feed(Files.readAllBytes(Fixtures.dir().resolve("openrouter/chat-stream-text-usage-cost.sse")));
    assertEquals(30, r.comments.size());
    assertTrue(r.comments.stream().allMatch(c -> c.equals(" OPENROUTER PROCESSING")));
    assertTrue(r.events.get(r.events.size() - 1).isDone());
  }
}
