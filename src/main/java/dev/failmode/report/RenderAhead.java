package dev.failmode.report;

import dev.failmode.parallel.Failures;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Renders the items of a long list in runs on both cores and hands the runs over in order. While
 * the calling thread writes one batch, the pool renders the next, and the calling thread helps
 * finish it once it has written: rendering a batch and then writing it left a core idle for
 * about a third of a 100,000-mode report. Memory holds two batches, not the report.
 */
final class RenderAhead {
  private RenderAhead() {}

  /** Where rendered runs go, in order. */
  interface Sink<R> {
    void accept(R rendered) throws IOException;
  }

  /**
   * Renders {@code items} in runs of {@code run} items, {@code batch} items at a time, and hands
   * each rendered run to {@code sink} in the order of the items, on the calling thread. A run
   * that fails to render fails the whole with the same exception.
   */
  static <T, R> void inOrder(List<T> items, int run, int batch, Function<List<T>, R> render, Sink<R> sink) throws IOException {
    if (items.isEmpty()) {
      return;
    }
    Batch<T, R> current = new Batch<>(items, 0, batch, run, render);
    ForkJoinPool.commonPool().execute(current::help);
    current.help();
    for (int from = batch; current != null; from += batch) {
      Batch<T, R> next = from < items.size() ? new Batch<>(items, from, batch, run, render) : null;
      if (next != null) {
        ForkJoinPool.commonPool().execute(next::help); // rendered while this thread writes
      }
      for (R rendered : current.await()) {
        sink.accept(rendered);
      }
      if (next != null) {
        next.help();
      }
      current = next;
    }
  }

  /** The runs of one batch, each rendered by whichever thread claims it first. */
  private static final class Batch<T, R> {
    private final List<T> items;
    private final int run;
    private final Function<List<T>, R> render;
    private final Object[] rendered;
    private final AtomicInteger claimed = new AtomicInteger();
    private final CountDownLatch done;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    Batch(List<T> all, int from, int batch, int run, Function<List<T>, R> render) {
      this.items = all.subList(from, Math.min(all.size(), from + batch));
      this.run = run;
      this.render = render;
      this.rendered = new Object[(items.size() + run - 1) / run];
      this.done = new CountDownLatch(rendered.length);
    }

    /** Renders unclaimed runs until none is left. */
    void help() {
      for (int i = claimed.getAndIncrement(); i < rendered.length; i = claimed.getAndIncrement()) {
        try {
          if (failure.get() == null) {
            rendered[i] = render.apply(items.subList(i * run, Math.min(items.size(), (i + 1) * run)));
          }
        } catch (Throwable e) { // an Error too (out of memory): it must reach the writing thread, not die on the pool
          failure.compareAndSet(null, e);
        } finally {
          done.countDown();
        }
      }
    }

    /** The runs in order, once every one is rendered (the latch makes their contents visible here). */
    @SuppressWarnings("unchecked")
    List<R> await() throws IOException {
      try {
        done.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while rendering the report");
      }
      Failures.rethrow(failure.get(), e -> new UncheckedIOException(new IOException(e)));
      return (List<R>) Arrays.asList(rendered);
    }
  }
}
