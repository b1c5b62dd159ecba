package cn.gongfu.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Chinese and English say the same things: same keys, and every key a template uses exists. */
class MessagesTest {

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertThat(load("messages_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    @Test
    void everyLiteralKeyUsedInTemplatesExists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Pattern use = Pattern.compile("#\\{([a-zA-Z.]+)[(}]");
        Set<String> missing = new HashSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher m = use.matcher(Files.readString(f));
                while (m.find()) {
                    if (!keys.contains(m.group(1))) missing.add(f.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    /** Code that reads the bundles by a literal key (BundleText, ingest.Texts, exports) names keys that exist. */
    @Test
    void everyLiteralKeyUsedInJavaExists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Pattern use = Pattern.compile("\\b(?:zh|en|both|englishFirst|text|texts|pair)\\(\\s*\"([a-zA-Z][\\w.-]*)\"\\s*[,)]"
                + "|\\bjoined\\(\"[^\"]*\",\\s*\"([a-zA-Z][\\w.-]*)\"");
        Set<String> missing = new HashSet<>();
        int found = 0;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = use.matcher(Files.readString(f));
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2);
                    found++;
                    if (!keys.contains(key)) missing.add(f.getFileName() + ": " + key);
                }
            }
        }
        assertThat(found).as("keys found in Java").isGreaterThan(100);
        assertThat(missing).isEmpty();
    }

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
