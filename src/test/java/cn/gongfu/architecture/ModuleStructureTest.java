package cn.gongfu.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.GongfuApplication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The module structure as Spring Modulith verifies it. {@code ApplicationModules.verify()} does not pass yet: the
 * modules still form cycles, which issue 11 removes. Until then this test holds the line: no module reaches into
 * another's internals (its sub-packages), and no dependency between modules appears beyond those recorded in
 * {@code architecture/module-dependencies.txt}, which may only shrink.
 */
class ModuleStructureTest {

    static final ApplicationModules MODULES = ApplicationModules.of(GongfuApplication.class);

    @Test
    void noModuleUsesAnotherModulesInternalTypes() {
        assertThat(MODULES.detectViolations().getMessages()).filteredOn(m -> !m.startsWith("Cycle detected")).isEmpty();
    }

    @Test
    void noDependencyBetweenModulesBeyondTheRecordedOnes() throws IOException {
        Set<String> current = new TreeSet<>();
        MODULES.forEach(m -> m.getDirectDependencies(MODULES).uniqueModules()
                .forEach(t -> current.add(m.getIdentifier() + " -> " + t.getIdentifier())));
        Set<String> recorded = new ClassPathResource("architecture/module-dependencies.txt").getContentAsString(StandardCharsets.UTF_8)
                .lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toCollection(TreeSet::new));
        assertThat(current).as("dependencies between modules that module-dependencies.txt does not list").isSubsetOf(recorded);
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString())).contains("plan", "reporting", "evaluation", "web");
    }
}
