package dev.failmode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A file of the hostile-input corpus and the problem it must produce: from its first line,
 * {@code # expect: LINE: TEXT}, or, for files that cannot carry a comment (binary, UTF-16,
 * empty), from the folder's {@code corpus.expect}: {@code FILE LINE TEXT}.
 */
public record CorpusFile(Path path, int line, String text) {
  private static final Pattern EXPECT = Pattern.compile("\\A(?:\\uFEFF)?# expect: (\\d+): (.+?)\\r?$", Pattern.MULTILINE);

  public static List<CorpusFile> in(Path dir) throws IOException {
    Map<String, String[]> sidecar = new HashMap<>();
    Path expect = dir.resolve("corpus.expect");
    if (Files.exists(expect)) {
      for (String line : Files.readAllLines(expect, StandardCharsets.UTF_8)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          String[] parts = line.split(" ", 3);
          sidecar.put(parts[0], new String[] {parts[1], parts[2]});
        }
      }
    }
    List<CorpusFile> files = new ArrayList<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path file : list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        String[] side = sidecar.get(file.getFileName().toString());
        if (side != null) {
          files.add(new CorpusFile(file, Integer.parseInt(side[0]), side[1]));
          continue;
        }
        String head = new String(Files.readAllBytes(file), 0, (int) Math.min(Files.size(file), 2_000), StandardCharsets.UTF_8);
        Matcher m = EXPECT.matcher(head);
        if (!m.find()) {
          throw new IllegalStateException(file + " says neither in a first line '# expect: LINE: TEXT' nor in corpus.expect what it expects");
        }
        files.add(new CorpusFile(file, Integer.parseInt(m.group(1)), m.group(2)));
      }
    }
    return files;
  }
}
