package cn.gongfu.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.GongfuApplication;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The module structure as Spring Modulith verifies it: the top-level packages under {@code cn.gongfu} are the
 * application modules; no cycle between them; each uses only what another exposes (its base package, or a named
 * interface), never its sub-packages. Below the modules, no two packages at all depend on each other in a circle,
 * sub-packages included (what {@code jdeps} would show).
 */
class ModuleStructureTest {

    static final ApplicationModules MODULES = ApplicationModules.of(GongfuApplication.class);

    @Test
    void modulesAreVerified() {
        MODULES.verify();
    }

    @Test
    void noPackageCycleAnywhere() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.gongfu");
        slices().matching("cn.gongfu.(**)").should().beFreeOfCycles().check(classes);
    }

    /** The kernel is what everyone uses, so it may use no one: not a feature, not the web shell. */
    @Test
    void theKernelDependsOnNoOtherModule() {
        assertThat(MODULES.getModuleByName("kernel").orElseThrow().getDirectDependencies(MODULES).uniqueModules()).isEmpty();
    }

    @Test
    void theFeaturesAreModules() {
        assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
                .contains("kernel", "web", "security", "users", "plan", "reporting", "evaluation", "importing", "ingest", "notify");
    }
}
