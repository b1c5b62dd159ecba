package cn.gongfu.notify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** The outbox's restart on an H2 file database in a temporary folder, which outlives each run. */
class H2OutboxRestartTest extends OutboxRestartContract {

    @TempDir
    Path folder;

    @Override
    Map<String, Object> database() {
        return Map.of("spring.datasource.url", "jdbc:h2:file:" + folder.resolve("outbox").toAbsolutePath()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=YEAR,VALUE",
                "spring.datasource.username", "sa", "spring.datasource.password", "");
    }

    @Override
    void wipe() throws Exception {
        try (var files = Files.list(folder)) {
            if (files.findAny().isPresent()) throw new IllegalStateException("a fresh folder was expected");
        }
    }
}
