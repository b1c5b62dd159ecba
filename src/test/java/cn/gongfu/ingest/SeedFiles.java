package cn.gongfu.ingest;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.json.JsonMapper;

/** Locates ../shared/seeds and ../shared/spec/gold; tests that need them are skipped when they are absent. */
final class SeedFiles {

    static final Path SHARED = Path.of("..", "shared");
    static final Path SEEDS = SHARED.resolve("seeds");
    static final Path GOLD = SHARED.resolve("spec").resolve("gold");

    private SeedFiles() {
    }

    static Path seed(String prefix) {
        Assumptions.assumeTrue(Files.isDirectory(SEEDS), "seed documents not found at " + SEEDS.toAbsolutePath()
                + " — skipping seed test (CI provides ../shared/seeds)");
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(SEEDS, prefix + "_*")) {
            for (Path p : ds) {
                return p;
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Assumptions.abort("seed " + prefix + " not found in " + SEEDS.toAbsolutePath() + " — skipping");
        return null;
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
