package cn.gongfu.evaluation.method;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The methods stay pure Java (no Spring, no JDBC, no I/O) and carry no seed data. */
class MethodPackagePurityTest {

    @Test
    void noSpringJdbcOrIo() throws IOException {
        Path dir = Path.of("src/main/java/cn/gongfu/evaluation/method");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertThat(files).hasSizeGreaterThan(10);
        for (Path f : files) {
            String src = Files.readString(f);
            assertThat(src).as(f.toString())
                    .doesNotContain("import org.springframework")
                    .doesNotContain("import java.sql")
                    .doesNotContain("import javax.sql")
                    .doesNotContain("import java.io")
                    .doesNotContain("import java.nio")
                    .doesNotContain("托位").doesNotContain("奉化");
        }
    }
}
