package cn.gongfu.ingest;

import cn.gongfu.support.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.json.JsonMapper;

/** Locates ../shared/seeds and ../shared/spec/gold; tests that need them are skipped when they are absent. */
final class SeedFiles {

    static final Path SHARED = Path.of("..", "shared");
    static final Path GOLD = SHARED.resolve("spec").resolve("gold");

    private SeedFiles() {
    }

    static Path seed(String prefix) {
        return Seeds.seed(prefix);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> gold(String name) {
        Path p = GOLD.resolve(name);
        Assumptions.assumeTrue(Files.isRegularFile(p), "gold answers not found at " + p.toAbsolutePath() + " — skipping");
        try {
            return JsonMapper.builder().build().readValue(Files.readString(p), Map.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
