package cn.gongfu.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParseCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return ParseCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path sample(Path dir) throws IOException {
        Path p = dir.resolve("plan.txt");
        try (InputStream in = getClass().getResourceAsStream("/ingest/qingxi_action_plan.txt")) {
            Files.write(p, in.readAllBytes());
        }
        return p;
    }

    @Test
    void summaryAndJson(@TempDir Path dir) throws IOException {
        Path p = sample(dir);
        assertThat(run("parse", p.toString())).isZero();
        String summary = out.toString(StandardCharsets.UTF_8);
        assertThat(summary).contains("青溪区推进共同富裕先行区行动方案").contains("2021–2025").contains("区卫生健康局").contains("numbering-gap");
        out.reset();
        assertThat(run("parse", p.toString(), "--json")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("{").contains("\"leadUnits\"");
    }

    @Test
    void badInputExitsWithTwoAndOneLine(@TempDir Path dir) throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.txt"));
        assertThat(run("parse", empty.toString())).isEqualTo(2);
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(message.strip().lines()).hasSize(1);
        assertThat(message).contains("empty").doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void usageErrors() {
        assertThat(run("parse")).isEqualTo(2);
        assertThat(run("parse", "a.txt", "--xml")).isEqualTo(2);
        assertThat(run("parse", "/no/such/file.txt")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not found");
    }
}
