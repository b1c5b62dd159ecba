package cn.gongfu.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The generate command's settings outrank application.yml: given as default properties they lost to it, so the
 * demo district loaded into every generated database and the command's server took port 8080.
 */
class GenerateCommandTest {

    @Configuration(proxyBeanMethods = false)
    static class Nothing {}

    @Test
    void theCommandsSettingsWinOverApplicationYml() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Nothing.class)
                .web(WebApplicationType.NONE).run(GenerateCommand.CONTEXT_ARGUMENTS)) {
            Environment env = context.getEnvironment();
            assertThat(env.getProperty("spring.application.name")).as("application.yml was read").isEqualTo("gongfu");
            assertThat(env.getProperty("gongfu.demo.enabled")).isEqualTo("false");
            assertThat(env.getProperty("server.port")).isEqualTo("0");
            assertThat(env.getProperty("server.address")).isEqualTo("127.0.0.1");
        }
    }
}
