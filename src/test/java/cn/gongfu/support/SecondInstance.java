package cn.gongfu.support;

import cn.gongfu.GongfuApplication;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * A whole Gongfu application started by a test: a restart, or another instance on the same database. The properties
 * go in as command-line arguments, which outrank application.yml and the tests' application.properties; the other
 * suites' {@code @TestConfiguration} classes (a schema wipe among them) stay out, as a test context leaves them out.
 */
public final class SecondInstance {

    private static final AtomicBoolean LOGGING_READY = new AtomicBoolean();

    private SecondInstance() {}

    /** Starts an application on its own (nothing else starting at the same moment). */
    public static ConfigurableApplicationContext start(Map<String, ?> properties, Class<?>... extraSources) {
        SpringApplication app = application(extraSources);
        LOGGING_READY.set(true);
        return app.run(arguments(properties));
    }

    /**
     * Starts an application while others start in this JVM. Logback is one per JVM, and two logging initialisations
     * racing leave it without the Spring environment ("Unable to find Spring Environment in logger context"); an
     * instance started before with {@link #start} has set logging up, so these leave it as it is.
     */
    public static ConfigurableApplicationContext startAlongside(Map<String, ?> properties) {
        if (!LOGGING_READY.get()) throw new IllegalStateException("start one instance with start() before starting others alongside");
        SpringApplication app = application();
        app.setListeners(app.getListeners().stream().filter(l -> !(l instanceof LoggingApplicationListener)).toList());
        return app.run(arguments(properties));
    }

    private static SpringApplication application(Class<?>... extraSources) {
        Class<?>[] sources = new Class<?>[extraSources.length + 1];
        sources[0] = GongfuApplication.class;
        System.arraycopy(extraSources, 0, sources, 1, extraSources.length);
        return new SpringApplicationBuilder(sources)
                .initializers(context -> context.getBeanFactory().registerSingleton("noTestConfigurations", new NoTestConfigurations()))
                .build();
    }

    private static String[] arguments(Map<String, ?> properties) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("server.port", "0");
        all.put("gongfu.admin-password", "admin-test-password");
        all.put("spring.main.banner-mode", "off");
        all.putAll(properties);
        List<String> args = new ArrayList<>();
        all.forEach((k, v) -> args.add("--" + k + "=" + v));
        return args.toArray(String[]::new);
    }

    static final class NoTestConfigurations extends TypeExcludeFilter {

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().hasAnnotation(TestConfiguration.class.getName());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof NoTestConfigurations;
        }

        @Override
        public int hashCode() {
            return NoTestConfigurations.class.hashCode();
        }
    }
}
