package cn.gongfu.scheduling;

import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Background jobs: Spring's scheduler runs them, ShedLock makes each run once across instances. A job's lock is
 * a row of the {@code shedlock} table (V8) whose times come from the database's clock, not the instances' (which
 * may disagree), on H2 and PostgreSQL alike. A job that outlives {@code defaultLockAtMostFor} (its instance died)
 * loses its lock, so another instance may run it. The jobs and the event registry read the application's one
 * {@code Clock} (kernel/ClockConfig).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M")
class SchedulingConfig {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().build());
    }
}
