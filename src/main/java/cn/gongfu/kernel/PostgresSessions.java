package cn.gongfu.kernel;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every PostgreSQL connection of the pool starts with {@code set jit = off}. The server's JIT compiles a query whose
 * estimated cost passes {@code jit_above_cost}, which the indicator list's correlated subqueries over the 32 yearly
 * partitions of observation do whenever no region narrows them (the public portal, a province-wide role): measured on
 * the generated province, 926 ms of compiling for a query that runs in 62 ms without it, once per plan on {@code /public}
 * (docs/scaling.md). The application's queries are short and many, the case JIT does not pay for. A
 * {@code spring.datasource.hikari.connection-init-sql} set in the configuration is kept as it is; H2 is left alone.
 */
@Configuration(proxyBeanMethods = false)
class PostgresSessions {

    static final String INIT_SQL = "set jit = off";

    @Bean
    static BeanPostProcessor postgresWithoutJit() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource pool && isPostgres(pool.getJdbcUrl()) && pool.getConnectionInitSql() == null) {
                    pool.setConnectionInitSql(INIT_SQL);
                }
                return bean;
            }
        };
    }

    static boolean isPostgres(String jdbcUrl) {
        return jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:");
    }
}
