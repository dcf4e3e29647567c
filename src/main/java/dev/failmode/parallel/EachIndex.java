package dev.failmode.parallel;

import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import java.util.function.ObjIntConsumer;
import java.util.function.Supplier;

/**
 * Runs a task for every index of a range on the calling thread and the common pool's, each
 * thread taking the next index as soon as it is done with one. A parallel stream hands each
 * thread fixed runs instead (a quarter of the range each on two cores), and when the runs take
 * unequal time (the first files of a run are judged before the rules are compiled to machine
 * code, files differ in size) one core waits idle for the other's last run: up to a quarter of
 * the work on two cores. Given an order, the indices are handed out in it: {@link #largestFirst}
 * makes the order that keeps a large task from being started last, when the other cores have
 * nothing left to take.
 */
public final class EachIndex {
  private EachIndex() {}

  /**
   * Calls {@code task} once for each index from 0 to {@code count - 1}, in parallel, and returns
   * when every call has returned. The first failure, an Error too, is thrown here once every
   * thread has stopped; indices not yet taken are then skipped.
   */
  public static void run(int count, IntConsumer task) {
    run(count, () -> null, (none, i) -> task.accept(i));
  }

  /** The same, the indices handed out in {@code order} (a permutation of 0 to its length - 1). */
  public static void run(int[] order, IntConsumer task) {
    run(order, () -> null, (none, i) -> task.accept(i));
  }

  /**
   * The indices of {@code sizes}, largest first; equal sizes in index order. Handed out in this
   * order, tasks whose cost follows their size end with small ones on every core: when one core
   * takes the last task, what the others still have to do is at most one task each, and the
   * largest of them were started first. In index order, a large task met last (a file of a
   * fifth of the input sorted after the small ones) would be done by one core while the others
   * wait.
   */
  public static int[] largestFirst(long[] sizes) {
    Integer[] boxed = new Integer[sizes.length];
    for (int i = 0; i < boxed.length; i++) {
      boxed[i] = i;
    }
    Arrays.sort(boxed, new Comparator<Integer>() { // a class, not a lambda: no call site bound at run time
      @Override
      public int compare(Integer a, Integer b) {
        int bySize = Long.compare(sizes[b], sizes[a]);
        return bySize != 0 ? bySize : Integer.compare(a, b);
      }
    });
    int[] order = new int[boxed.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = boxed[i];
    }
    return order;
  }

  /**
   * The same, each thread with state of its own that {@code state} makes when the thread starts
   * (a cache its tasks share without locking), passed to each of its calls to {@code task}.
   */
  public static <S> void run(int count, Supplier<S> state, ObjIntConsumer<S> task) {
    run(count, null, state, task);
  }

  /** The same, the indices handed out in {@code order} (a permutation of 0 to its length - 1). */
  public static <S> void run(int[] order, Supplier<S> state, ObjIntConsumer<S> task) {
    run(order.length, order, state, task);
  }

  private static <S> void run(int count, int[] order, Supplier<S> state, ObjIntConsumer<S> task) {
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable worker = () -> {
      int i = next.getAndIncrement();
      if (i >= count) {
        return; // no state made for a thread with nothing to do
      }
      S own;
      try {
        own = state.get();
      } catch (Throwable e) {
        failure.compareAndSet(null, e);
        return;
      }
      for (; i < count && failure.get() == null; i = next.getAndIncrement()) {
        try {
          task.accept(own, order == null ? i : order[i]);
        } catch (Throwable e) { // an Error too: it must reach the calling thread, not die on the pool
          failure.compareAndSet(null, e);
        }
      }
    };
    int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), count - 1);
    ForkJoinTask<?>[] helping = new ForkJoinTask<?>[Math.max(0, helpers)];
    for (int h = 0; h < helping.length; h++) {
      helping[h] = ForkJoinPool.commonPool().submit(worker);
    }
    worker.run();
    for (ForkJoinTask<?> helper : helping) {
      helper.join(); // a helper not started yet runs here, finds no index left and returns
    }
    Failures.rethrow(failure.get(), IllegalStateException::new); // an IntConsumer throws no checked exception; a sneaky one still surfaces
  }
}
