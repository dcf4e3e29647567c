package dev.failmode.report;

import dev.failmode.parallel.Failures;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Renders the items of a long list in runs on both cores and hands the runs over in order. While
 * the calling thread writes one batch, the pool renders the next, and the calling thread helps
 * finish it once it has written: rendering a batch and then writing it left a core idle for
 * about a third of a 100,000-mode report. Memory holds two batches, not the report.
 */
final class RenderAhead {
  private RenderAhead() {}

  /** Renders a run of items; it may fail as the writing does, and the writing thread then gets that IOException. */
  interface Render<T, R> {
    R apply(List<T> run) throws IOException;
  }

  /** Where rendered runs go, in order. */
  interface Sink<R> {
    void accept(R rendered) throws IOException;
  }

  /**
   * Renders {@code items} in runs of {@code run} items, {@code batch} items at a time, and hands
   * each rendered run to {@code sink} in the order of the items, on the calling thread. A run
   * that fails to render fails the whole with the same exception.
   */
  static <T, R> void inOrder(List<T> items, int run, int batch, Render<T, R> render, Sink<R> sink) throws IOException {
    Runs<T, R> runs = new Runs<>(items, run, batch, render);
    for (List<R> rendered = runs.next(); rendered != null; rendered = runs.next()) {
      for (R r : rendered) {
        sink.accept(r);
      }
    }
  }

  /**
   * The same runs, rendered the same way, for a caller that pulls them: a template iterating a
   * list, say. Rendering starts when the iteration does, and each iteration renders anew. A run
   * that fails to render fails {@code hasNext} with the same exception (an interruption as an
   * {@link UncheckedIOException}).
   */
  static <T, R> Iterable<R> lazily(List<T> items, int run, int batch, Render<T, R> render) {
    return () -> new Iterator<>() {
      private final Runs<T, R> runs = new Runs<>(items, run, batch, render);
      private Iterator<R> current = Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext()) {
          List<R> rendered;
          try {
            rendered = runs.next();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          if (rendered == null) {
            return false;
          }
          current = rendered.iterator();
        }
        return true;
      }

      @Override
      public R next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /**
   * Steps through the batches: the first is started on the pool at once, and while the caller
   * writes one batch's runs, the pool renders the next; the caller helps finish it before
   * waiting for it.
   */
  private static final class Runs<T, R> {
    private final List<T> items;
    private final int run;
    private final int batch;
    private final Render<T, R> render;
    private Batch<T, R> next;
    private int from;

    Runs(List<T> items, int run, int batch, Render<T, R> render) {
      this.items = items;
      this.run = run;
      this.batch = batch;
      this.render = render;
      this.next = start();
    }

    /**
     * The next batch's rendered runs, in order, or null when every batch has been handed out, or
     * after a batch failed: the runs after a failure are never handed out.
     */
    List<R> next() throws IOException {
      Batch<T, R> current = next;
      if (current == null) {
        return null;
      }
      current.help();
      from = (int) Math.min((long) from + batch, Integer.MAX_VALUE);
      next = start(); // rendered while the caller writes this one
      boolean rendered = false;
      try {
        List<R> runs = current.await();
        rendered = true;
        return runs;
      } finally {
        if (!rendered) {
          next = null;
        }
      }
    }

    private Batch<T, R> start() {
      if (from >= items.size()) {
        return null;
      }
      Batch<T, R> started = new Batch<>(items, from, batch, run, render);
      ForkJoinPool.commonPool().execute(started::help);
      return started;
    }
  }

  /** The runs of one batch, each rendered by whichever thread claims it first. */
  private static final class Batch<T, R> {
    private final List<T> items;
    private final int run;
    private final Render<T, R> render;
    private final Object[] rendered;
    private final AtomicInteger claimed = new AtomicInteger();
    private final CountDownLatch done;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    Batch(List<T> all, int from, int batch, int run, Render<T, R> render) {
      this.items = all.subList(from, (int) Math.min(all.size(), (long) from + batch));
      this.run = run;
      this.render = render;
      this.rendered = new Object[(int) ((items.size() + (long) run - 1) / run)]; // long: a run may be Integer.MAX_VALUE
      this.done = new CountDownLatch(rendered.length);
    }

    /** Renders unclaimed runs until none is left. */
    void help() {
      for (int i = claimed.getAndIncrement(); i < rendered.length; i = claimed.getAndIncrement()) {
        try {
          if (failure.get() == null) {
            rendered[i] = render.apply(items.subList((int) ((long) i * run), (int) Math.min(items.size(), (i + 1L) * run)));
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
      Throwable thrown = failure.get();
      if (thrown instanceof IOException io) {
        throw io;
      }
      Failures.rethrow(thrown, e -> new UncheckedIOException(new IOException(e)));
      return (List<R>) Arrays.asList(rendered);
    }
  }
}
