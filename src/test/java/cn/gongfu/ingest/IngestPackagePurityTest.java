package cn.gongfu.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The parser stays pure Java: no Spring, no JDBC, so it is fast and usable from the CLI and tests alone. */
class IngestPackagePurityTest {

    @Test
    void noSpringOrJdbcImports() throws IOException {
        Path dir = Path.of("src/main/java/cn/gongfu/ingest");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            String src = Files.readString(f);
            assertThat(src).as(f.toString())
                    .doesNotContain("import org.springframework")
                    .doesNotContain("import java.sql")
                    .doesNotContain("import javax.sql")
                    .doesNotContain("import jakarta.persistence");
        }
    }
}
