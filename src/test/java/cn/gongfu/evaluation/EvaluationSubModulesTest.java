package cn.gongfu.evaluation;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The evaluation module's rooms: its base package (the live evaluation, what other modules may use) and the
 * sub-modules method, live, dashboard, ranking, survey, consistency, publicview and levels. No cycle among them, and the
 * base depends on none of them except the pure methods, so each sub-module builds on the base and never the reverse.
 */
class EvaluationSubModulesTest {

    static final JavaClasses EVALUATION = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.gongfu.evaluation");

    @Test
    void theSubModulesAreFreeOfCycles() {
        slices().matching("cn.gongfu.evaluation.(*)..").should().beFreeOfCycles().check(EVALUATION);
    }

    @Test
    void theBaseUsesNoSubModuleButTheMethods() {
        noClasses().that().resideInAPackage("cn.gongfu.evaluation")
                .should().dependOnClassesThat().resideInAnyPackage("cn.gongfu.evaluation.live..", "cn.gongfu.evaluation.dashboard..",
                        "cn.gongfu.evaluation.ranking..", "cn.gongfu.evaluation.survey..", "cn.gongfu.evaluation.consistency..",
                        "cn.gongfu.evaluation.publicview..", "cn.gongfu.evaluation.levels..")
                .check(EVALUATION);
    }

    @Test
    void theMethodsUseNothingElseOfTheApplication() {
        noClasses().that().resideInAPackage("cn.gongfu.evaluation.method..")
                .should().dependOnClassesThat().resideInAPackage("cn.gongfu.evaluation")
                .check(EVALUATION);
    }
}
