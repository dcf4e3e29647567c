package dev.failmode.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EachIndexTest {

  @ParameterizedTest(name = "{0} indices")
  @ValueSource(ints = {0, 1, 2, 3, 1_000, 100_000})
  void everyIndexRunsExactlyOnce(int count) {
    AtomicIntegerArray runs = new AtomicIntegerArray(count);

    EachIndex.run(count, runs::incrementAndGet);

    for (int i = 0; i < count; i++) {
      assertThat(runs.get(i)).as("index %d", i).isEqualTo(1);
    }
  }

  @Test
  void aFailureOnAnyThreadIsThrownToTheCaller() {
    assertThatThrownBy(() -> EachIndex.run(1_000, i -> {
      if (i == 777) {
        throw new IllegalArgumentException("index " + i);
      }
    })).isInstanceOf(IllegalArgumentException.class).hasMessage("index 777");
  }

  @Test
  void anErrorReachesTheCallerToo() {
    assertThatThrownBy(() -> EachIndex.run(1_000, i -> {
      if (i == 500) {
        throw new StackOverflowError("deep");
      }
    })).isInstanceOf(StackOverflowError.class).hasMessage("deep");
  }

  @Test
  void afterAFailureTheIndicesNotYetTakenAreSkipped() {
    AtomicIntegerArray runs = new AtomicIntegerArray(100_000);

    assertThatThrownBy(() -> EachIndex.run(100_000, i -> {
      runs.incrementAndGet(i);
      if (i == 0) {
        throw new IllegalStateException("first");
      }
    })).hasMessage("first");

    int ran = 0;
    for (int i = 0; i < runs.length(); i++) {
      ran += runs.get(i);
    }
    assertThat(ran).isLessThan(100_000);
  }

  /** A thread's own state: made once by each thread that takes an index, and only ever used by that thread. */
  private static final class Own {
    final Thread maker = Thread.currentThread();
    final List<Integer> indices = new ArrayList<>(); // no lock: only its thread adds
  }

  @ParameterizedTest(name = "{0} indices")
  @ValueSource(ints = {0, 1, 2, 1_000, 100_000})
  void eachThreadGetsStateOfItsOwnMadeOnceAndEveryIndexRunsOnce(int count) {
    AtomicInteger made = new AtomicInteger();
    AtomicReferenceArray<Own> ranWith = new AtomicReferenceArray<>(count);
    java.util.Set<Own> states = ConcurrentHashMap.newKeySet();

    EachIndex.run(count, () -> {
      made.incrementAndGet();
      return new Own();
    }, (own, i) -> {
      assertThat(own.maker).isSameAs(Thread.currentThread());
      own.indices.add(i);
      states.add(own);
      assertThat(ranWith.getAndSet(i, own)).as("index %d", i).isNull();
    });

    assertThat(made.get()).isEqualTo(states.size()).isLessThanOrEqualTo(Math.min(count, ForkJoinPool.getCommonPoolParallelism() + 1));
    assertThat(states.stream().mapToInt(own -> own.indices.size()).sum()).isEqualTo(count);
    for (int i = 0; i < count; i++) {
      assertThat(ranWith.get(i)).as("index %d", i).isNotNull();
    }
  }

  @Test
  void aFailureToMakeAThreadsStateIsThrownToTheCaller() {
    assertThatThrownBy(() -> EachIndex.run(1_000, () -> {
      throw new IllegalStateException("no state");
    }, (none, i) -> { })).isInstanceOf(IllegalStateException.class).hasMessage("no state");
  }

  @Test
  void largestFirstOrdersBySizeDescendingAndKeepsIndexOrderAmongEqualSizes() {
    assertThat(EachIndex.largestFirst(new long[] {3, 9, 1, 9, 0, 3})).containsExactly(1, 3, 0, 5, 2, 4);
    assertThat(EachIndex.largestFirst(new long[0])).isEmpty();
  }

  @Test
  void givenAnOrderEveryIndexRunsExactlyOnceAndTheFirstTakenAreTheFirstOfTheOrder() {
    int count = 10_000;
    long[] sizes = new long[count];
    for (int i = 0; i < count; i++) {
      sizes[i] = i; // the largest last in index order
    }
    int[] order = EachIndex.largestFirst(sizes);
    AtomicIntegerArray runs = new AtomicIntegerArray(count);
    List<Integer> started = java.util.Collections.synchronizedList(new ArrayList<>());

    EachIndex.run(order, i -> {
      started.add(i);
      runs.incrementAndGet(i);
    });

    for (int i = 0; i < count; i++) {
      assertThat(runs.get(i)).as("index %d", i).isEqualTo(1);
    }
    // indices are taken in the order's sequence, one per thread at a time: whichever thread
    // starts first holds one of the first (threads) of the order
    int threads = ForkJoinPool.getCommonPoolParallelism() + 1;
    List<Integer> firstTaken = new ArrayList<>();
    for (int k = 0; k < threads; k++) {
      firstTaken.add(order[k]);
    }
    assertThat(firstTaken).startsWith(count - 1).contains(started.get(0));
  }
}
