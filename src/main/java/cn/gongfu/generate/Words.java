package cn.gongfu.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/** The word lists of generate/words.properties: names of places, units, sections, tasks and indicators. */
final class Words {

    static final String RESOURCE = "generate/words.properties";
    private final Properties words = new Properties();

    Words() {
        try (InputStream in = Words.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing " + RESOURCE);
            words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> list(String key) {
        String v = words.getProperty(key);
        if (v == null) throw new IllegalStateException(RESOURCE + " has no " + key);
        return Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    String one(String key) {
        String v = words.getProperty(key);
        if (v == null) throw new IllegalStateException(RESOURCE + " has no " + key);
        return v.strip();
    }

    /** A template of the file filled with string arguments (never formatted as numbers: years stay 2025). */
    String format(String key, Object... args) {
        return new MessageFormat(one(key), Locale.ROOT).format(Arrays.stream(args).map(String::valueOf).toArray());
    }
}
