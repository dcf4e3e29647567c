package dev.failmode.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Runs rendered ahead on the pool reach the sink in the order of the items, whoever rendered them. */
class RenderAheadTest {
  private static final List<Integer> ITEMS = IntStream.range(0, 10_007).boxed().toList();

  @Test
  void runsReachTheSinkInOrderAcrossBatches() throws Exception {
    List<List<Integer>> out = new ArrayList<>();
    RenderAhead.inOrder(ITEMS, 7, 100, List::copyOf, out::add);

    assertThat(out.stream().flatMap(List::stream).toList()).isEqualTo(ITEMS);
    assertThat(out).allSatisfy(run -> assertThat(run).hasSizeLessThanOrEqualTo(7));
    assertThat(out.get(14)).containsExactly(98, 99); // a batch's last run is cut short at the batch's end
    assertThat(out.get(out.size() - 1)).containsExactly(10_000, 10_001, 10_002, 10_003, 10_004, 10_005, 10_006);
  }

  @Test
  void anEmptyListRendersNothing() throws Exception {
    List<Object> out = new ArrayList<>();
    RenderAhead.inOrder(List.of(), 7, 100, run -> run, out::add);
    assertThat(out).isEmpty();
  }

  @Test
  void aRunThatFailsFailsTheWholeWithItsException() {
    List<List<Integer>> out = new ArrayList<>();
    assertThatThrownBy(() -> RenderAhead.inOrder(ITEMS, 7, 100, run -> {
      if (run.contains(5_000)) {
        throw new IllegalStateException("run of 5000");
      }
      return run;
    }, out::add)).isInstanceOf(IllegalStateException.class).hasMessage("run of 5000");
    assertThat(out.stream().flatMap(List::stream)).doesNotContain(5_000);
  }

  @Test
  void aRunThatFailsAsAWriterDoesFailsTheWholeWithThatIoException() {
    assertThatThrownBy(() -> RenderAhead.inOrder(ITEMS, 7, 100, run -> {
      if (run.contains(7_000)) {
        throw new java.io.IOException("cannot write JUnit XML: broken");
      }
      return run;
    }, rendered -> { })).isExactlyInstanceOf(java.io.IOException.class).hasMessage("cannot write JUnit XML: broken");
  }

  @Test
  void anErrorOnThePoolReachesTheWritingThread() {
    assertThatThrownBy(() -> RenderAhead.inOrder(ITEMS, 7, 100, run -> {
      if (run.contains(9_999)) {
        throw new AssertionError("out of something");
      }
      return run;
    }, rendered -> { })).isInstanceOf(AssertionError.class).hasMessage("out of something");
  }

  @Test
  void aSinkThatFailsStopsTheWriting() {
    List<List<Integer>> out = new ArrayList<>();
    assertThatThrownBy(() -> RenderAhead.inOrder(ITEMS, 7, 100, run -> run, rendered -> {
      if (rendered.contains(300)) {
        throw new java.io.IOException("disk full");
      }
      out.add(rendered);
    })).isInstanceOf(java.io.IOException.class).hasMessage("disk full");
    assertThat(out.stream().flatMap(List::stream).toList()).isEqualTo(ITEMS.subList(0, 300));
  }

  @Test
  void pulledRunsComeInOrderAcrossBatchesAndEachIterationRendersAnew() {
    java.util.concurrent.atomic.AtomicInteger rendered = new java.util.concurrent.atomic.AtomicInteger();
    Iterable<List<Integer>> runs = RenderAhead.lazily(ITEMS, 7, 100, run -> {
      rendered.incrementAndGet();
      return List.copyOf(run);
    });
    assertThat(rendered).as("nothing is rendered before the iteration starts").hasValue(0);

    List<Integer> first = new ArrayList<>();
    runs.forEach(first::addAll);
    List<Integer> second = new ArrayList<>();
    runs.forEach(second::addAll);

    assertThat(first).isEqualTo(ITEMS);
    assertThat(second).isEqualTo(ITEMS);
    // each of the 100 batches of 100 in 15 runs (the last of two), the last batch of 7 in one; twice
    assertThat(rendered).hasValue(2 * (100 * 15 + 1));
  }

  @Test
  void pullingNothingRendersNothing() {
    assertThat(RenderAhead.lazily(List.of(), 7, 100, run -> run)).isEmpty();
    java.util.Iterator<List<Object>> none = RenderAhead.<Object, List<Object>>lazily(List.of(), 7, 100, run -> run).iterator();
    assertThatThrownBy(none::next).isInstanceOf(java.util.NoSuchElementException.class);
  }

  @Test
  void aPulledRunThatFailsFailsTheIterationWithItsException() {
    List<Integer> out = new ArrayList<>();
    assertThatThrownBy(() -> RenderAhead.lazily(ITEMS, 7, 100, run -> {
      if (run.contains(5_000)) {
        throw new IllegalStateException("run of 5000");
      }
      return run;
    }).forEach(out::addAll)).isInstanceOf(IllegalStateException.class).hasMessage("run of 5000");
    assertThat(out).isEqualTo(ITEMS.subList(0, 5_000 - 5_000 % 100)); // up to the batch that holds it
  }
}
