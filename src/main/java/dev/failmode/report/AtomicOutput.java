package dev.failmode.report;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes an output file whole or not at all: into a temporary file beside it, then moved into
 * place in one step. A failed or interrupted run (an exception, SIGTERM) removes the temporary
 * file and leaves whatever was at the path before untouched. A symbolic link is followed (the file
 * it names is replaced, the link stays); a device or a pipe ({@code /dev/stdout}, a FIFO) is
 * written to as it is.
 */
public final class AtomicOutput {
  private static final Set<Path> PENDING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(AtomicOutput::removePending, "failmode-output-cleanup"));
  }

  private AtomicOutput() {}

  /** What writes the content. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Writer out) throws IOException;
  }

  /** What writes the content as bytes. */
  @FunctionalInterface
  public interface Bytes {
    void writeTo(OutputStream out) throws IOException;
  }

  public static void write(Path target, Content content) throws IOException {
    writeBytes(target, out -> {
      Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 65_536);
      content.writeTo(writer);
      writer.flush();
    });
  }

  public static void writeBytes(Path target, Bytes content) throws IOException {
    if (target.toString().isEmpty()) {
      throw new IOException("cannot write to an empty file name"); // Path.of("") is the working directory
    }
    Path absolute = target.toAbsolutePath();
    if (Files.exists(absolute) && !Files.isRegularFile(absolute) && !Files.isDirectory(absolute)) {
      // a device, a pipe or a socket (/dev/stdout, /dev/null, a FIFO a later step reads): written to
      // as it is; moving a file over it would replace it, and a device has no "whole or nothing"
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(absolute, StandardOpenOption.WRITE), 65_536)) {
        content.writeTo(out);
      } catch (IOException e) {
        if (brokenPipe(e)) {
          return; // the reader stopped reading (-o /dev/stdout | head): its choice, not a failure
        }
        throw new IOException("cannot write " + target + ": " + reason(e), e);
      }
      return;
    }
    absolute = throughLinks(absolute);
    Path dir = absolute.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new IOException("cannot write " + target + ": the folder " + (dir == null ? "" : dir + " ") + "does not exist");
    }
    if (Files.isDirectory(absolute)) {
      throw new IOException("cannot write " + target + ": it is a folder");
    }
    Path temporary;
    try {
      temporary = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
    } catch (IOException e) {
      throw new IOException("cannot write " + target + ": " + reason(e), e);
    }
    PENDING.add(temporary);
    boolean moved = false;
    try {
      // WRITE alone: the temporary file is new and empty, and truncating it (newOutputStream's
      // default) makes ext4 write the whole report out to disk at close, 70 ms for 158 MB
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temporary, StandardOpenOption.WRITE), 65_536)) {
        content.writeTo(out);
      }
      permissions(temporary, absolute);
      try {
        Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
      }
      moved = true;
    } finally {
      if (!moved) {
        // whatever stopped the writing, an exception or an Error (out of memory while rendering)
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException e) {
          // the first trouble is the one to report
        }
      }
      PENDING.remove(temporary);
    }
  }

  /**
   * The file a path names once its symbolic links are followed, so that the report replaces that
   * file and the link stays a link; a link to nothing yet names the file it would create. The path
   * itself when it is not a link.
   */
  private static Path throughLinks(Path path) throws IOException {
    Path current = path;
    for (int hops = 0; Files.isSymbolicLink(current); hops++) {
      if (hops == 40) {
        throw new IOException("cannot write " + path + ": too many levels of symbolic links");
      }
      Path parent = current.getParent();
      current = parent == null ? Files.readSymbolicLink(current) : parent.resolve(Files.readSymbolicLink(current));
    }
    return current;
  }

  /**
   * A temporary file is readable by its owner only; the report gets the permissions of the file
   * it replaces, or those of an ordinary new file (rw-r--r--).
   */
  private static void permissions(Path temporary, Path target) throws IOException {
    if (!temporary.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    var permissions = Files.exists(target) ? Files.getPosixFilePermissions(target)
        : java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
    Files.setPosixFilePermissions(temporary, permissions);
  }

  private static void removePending() {
    for (Path path : PENDING) {
      try {
        Files.deleteIfExists(path);
      } catch (IOException e) {
        // the process is ending; nothing more can be done
      }
    }
  }

  /** Whether a write failed because the reader of a pipe went away (EPIPE), which is the reader's choice. */
  public static boolean brokenPipe(IOException e) {
    return e.getMessage() != null && e.getMessage().contains("Broken pipe");
  }

  private static String reason(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
