package dev.failmode.parallel;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Runs a task for every index of a range on the calling thread and the common pool's, each
 * thread taking the next index as soon as it is done with one. A parallel stream hands each
 * thread fixed runs instead (a quarter of the range each on two cores), and when the runs take
 * unequal time (the first files of a run are judged before the rules are compiled to machine
 * code, files differ in size) one core waits idle for the other's last run: up to a quarter of
 * the work on two cores.
 */
public final class EachIndex {
  private EachIndex() {}

  /**
   * Calls {@code task} once for each index from 0 to {@code count - 1}, in parallel, and returns
   * when every call has returned. The first failure, an Error too, is thrown here once every
   * thread has stopped; indices not yet taken are then skipped.
   */
  public static void run(int count, IntConsumer task) {
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Runnable worker = () -> {
      for (int i = next.getAndIncrement(); i < count && failure.get() == null; i = next.getAndIncrement()) {
        try {
          task.accept(i);
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
