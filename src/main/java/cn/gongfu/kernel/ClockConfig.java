package cn.gongfu.kernel;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock the application reads the time from: deadlines, overdue periods, the month an evaluation is
 * as of, pauses and token expiry all ask it, never {@code now()} or the database's {@code current_timestamp},
 * so that a test can move time ({@code MovableClock}) and a background job sees the same time as a page. Spring
 * Modulith's event registry takes its publication times from it too.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfig {

    @Bean
    public Clock clock() {
        return Clock.systemDefaultZone();
    }
}
