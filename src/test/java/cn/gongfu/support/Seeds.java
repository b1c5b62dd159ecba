package cn.gongfu.support;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The real seed documents in ../shared/seeds; a test that needs one is skipped, saying so, where they are absent. */
public final class Seeds {

    public static final Path DIR = Path.of("..", "shared", "seeds");

    private Seeds() {}

    /** The seed whose file name starts with {@code prefix} ("000"…"004"). */
    public static Path seed(String prefix) {
        Assumptions.assumeTrue(Files.isDirectory(DIR), "seed documents not found at " + DIR.toAbsolutePath()
                + " — skipping seed test (CI provides ../shared/seeds)");
        try (DirectoryStream<Path> files = Files.newDirectoryStream(DIR, prefix + "_*")) {
            for (Path p : files) return p;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Assumptions.abort("seed " + prefix + " not found in " + DIR.toAbsolutePath() + " — skipping");
        return null;
    }
}
