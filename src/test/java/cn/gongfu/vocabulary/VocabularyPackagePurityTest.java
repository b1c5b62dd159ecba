package cn.gongfu.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The vocabulary is what the pure parser and the pure methods share, so it is pure itself and uses no other Gongfu code. */
class VocabularyPackagePurityTest {

    @Test
    void plainJavaThatDependsOnNoOtherGongfuPackage() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("src/main/java/cn/gongfu/vocabulary"))) {
            files = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(4);
        for (Path f : files) {
            assertThat(Files.readString(f)).as(f.toString())
                    .doesNotContain("import org.springframework")
                    .doesNotContain("import java.sql")
                    .doesNotContain("import java.io")
                    .doesNotContain("import java.nio")
                    .doesNotContainPattern("import cn\\.gongfu\\.(?!vocabulary\\.)");
        }
    }

    /** The parser may use the vocabulary, and nothing else of Gongfu: it stays usable from the command line alone. */
    @Test
    void theParserUsesNoGongfuPackageButTheVocabulary() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("src/main/java/cn/gongfu/ingest"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".java")).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContainPattern("cn\\.gongfu\\.(?!ingest\\b|vocabulary\\.)");
            }
        }
    }
}
