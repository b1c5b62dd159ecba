package cn.gongfu.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.docs.Documenter;

/**
 * docs/modules holds what Spring Modulith's Documenter writes from the verified model: the diagram of all modules,
 * one diagram and one canvas per module (what it exposes, its beans, the events it publishes and listens to). This test
 * writes them afresh and fails when docs/modules says something else, so the rooms a newcomer reads about are the
 * rooms the code has. To refresh: {@code ./mvnw test -Dtest=ModuleDocumentationTest -Dgongfu.refreshModuleDocs=true}.
 * The Documenter writes the same lines in an order that depends on what the JVM loaded before (the order of a
 * module's listeners, of a diagram's relations), so each file is compared as its sorted lines: what it says, not the
 * order it says it in.
 */
class ModuleDocumentationTest {

    static final Path COMMITTED = Path.of("docs/modules");

    @Test
    void docsModulesIsWhatTheDocumenterWrites() {
        boolean refresh = Boolean.getBoolean("gongfu.refreshModuleDocs");
        Path out = refresh ? COMMITTED : Path.of("target/modules-docs");
        new Documenter(ModuleStructureTest.MODULES, Documenter.Options.defaults().withOutputFolder(out.toString()))
                .writeDocumentation();
        assertThat(files(COMMITTED))
                .as("docs/modules is not what the Documenter writes now; refresh it with -Dgongfu.refreshModuleDocs=true")
                .isEqualTo(files(out));
    }

    /** A canvas cell's first list item starts with the cell's bar ({@code |* a}), the others not; items may swap. */
    private static String withoutCellStart(String line) {
        return line.startsWith("|* ") ? line.substring(1) : line;
    }

    private static Map<String, String> files(Path folder) {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.list(folder)) {
            for (Path p : paths.toList()) {
                files.put(p.getFileName().toString(), Files.readString(p).lines().map(ModuleDocumentationTest::withoutCellStart).sorted().collect(Collectors.joining("\n")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
