package cn.gongfu.importing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gongfu.support.H2Test;
import cn.gongfu.support.Seeds;
import cn.gongfu.support.SignedInAsAdmin;
import cn.gongfu.users.UserService;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every real seed document goes all the way: upload, review, units settled, published as a plan whose
 * tasks, sections, milestones and targets are exactly what the review showed.
 */
@H2Test
class SeedImportTest {

    @Autowired
    ImportService imports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserService users;

    @BeforeEach
    void signIn() {
        SignedInAsAdmin.signIn(users.loadUserByUsername("admin"));
    }

    @AfterEach
    void signOut() {
        SignedInAsAdmin.signOut();
    }

    @ParameterizedTest(name = "seed {0} into region {1}")
    @CsvSource({"000, 330213, action_plan", "001, 330213, work_points", "002, 330213, special_plan",
            "003, 330200, action_plan", "004, 330900, implementation"})
    void seedImportsAndPublishes(String seed, String region, String kind) throws Exception {
        Path file = Seeds.seed(seed);
        ImportJob job = imports.upload(file.getFileName().toString(), Files.readAllBytes(file), region, kind, null);
        ImportReview review = imports.review(job.id());
        if (review.draft() == null) {
            // a summary without title or period (the Ningbo one): the office supplies them
            imports.setDetails(job.id(), review.document().title() == null ? "宁波市共同富裕行动（摘要）" : null,
                    2021, 2025);
        }
        imports.settleUnknownUnits(job.id());
        review = imports.review(job.id());
        assertThat(review.problems()).isEmpty();

        long planId = imports.publish(job.id());
        assertThat(count("select count(*) from task where plan_id = ?", planId)).isEqualTo(review.draft().tasks().size());
        assertThat(count("select count(*) from section where plan_id = ?", planId)).isEqualTo(review.draft().sections().size());
        assertThat(count("select count(*) from milestone m join task t on t.id = m.task_id where t.plan_id = ?", planId))
                .isEqualTo(review.draft().tasks().stream().mapToLong(t -> t.milestones().size()).sum());
        long targets = review.draft().tasks().stream().mapToLong(t -> t.targets().size()).sum()
                + review.draft().indicators().stream().mapToLong(i -> i.targets().size()).sum();
        assertThat(count("select count(*) from target where plan_id = ?", planId)).isEqualTo(targets);
        assertThat(count("select count(*) from task_unit tu join task t on t.id = tu.task_id where t.plan_id = ?", planId))
                .isEqualTo(review.draft().tasks().stream().mapToLong(t -> t.leadUnits().stream().distinct().count()).sum());
        assertThat(imports.job(job.id()).state()).isEqualTo("published");
    }

    private long count(String sql, long planId) {
        return jdbc.sql(sql).param(planId).query(Long.class).single();
    }
}
