package cn.gongfu.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Word lists of the parser kept as data in resource files: whitespace-separated words, # starts a comment line. */
final class Vocabulary {

    private Vocabulary() {}

    /** The words of a classpath resource, in order; a missing list is a build error, so it fails loudly. */
    static List<String> words(String resource) {
        try (InputStream in = Vocabulary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is missing from the classpath");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .flatMap(l -> Arrays.stream(l.split("\\s+"))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
