package cn.gongfu.generate;

import java.io.PrintStream;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code gongfu generate --scale county|city|province [--seed N]}: starts the application over the configured
 * database (its server on a free loopback port, since security needs a servlet context; no demo), generates the data set, prints a one-line summary with counts and seconds and exits
 * 0; bad usage or a database that already holds the data set exits 2 with a one-line message.
 */
public final class GenerateCommand {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    public static final long DEFAULT_SEED = 1;
    /**
     * The generating context's settings, given as command-line arguments because those outrank application.yml
     * (default properties do not: the demo used to load into the generated database and the server took port 8080).
     */
    public static final String[] CONTEXT_ARGUMENTS = {"--gongfu.demo.enabled=false", "--spring.main.banner-mode=off",
            "--server.port=0", "--server.address=127.0.0.1"};

    private GenerateCommand() {}

    /** The command line read: a scale and a seed. */
    public record Arguments(Scale scale, long seed) {}

    static String text(String key, Object... args) {
        Object[] texts = Arrays.stream(args).map(String::valueOf).toArray();
        return new MessageFormat(ResourceBundle.getBundle("messages", Locale.ROOT, NO_FALLBACK).getString(key), Locale.ROOT).format(texts)
                + " / " + new MessageFormat(ResourceBundle.getBundle("messages", Locale.ENGLISH, NO_FALLBACK).getString(key), Locale.ROOT).format(texts);
    }

    /** The arguments after {@code generate}, or a one-line message of what is wrong with them. */
    static Object parse(String[] args) {
        Scale scale = null;
        long seed = DEFAULT_SEED;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--scale" -> {
                    if (value == null) return text("generate.missingValue", a);
                    scale = Scale.of(value).orElse(null);
                    if (scale == null) return text("generate.unknownScale", value);
                    i++;
                }
                case "--seed" -> {
                    if (value == null) return text("generate.missingValue", a);
                    try {
                        seed = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        return text("generate.badSeed", value);
                    }
                    i++;
                }
                default -> {
                    return text("generate.unknownOption", a);
                }
            }
        }
        if (scale == null) return text("generate.missingScale");
        return new Arguments(scale, seed);
    }

    /** Runs the command with the application class {@code app}; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err, Class<?> app) {
        Object parsed = parse(args);
        if (parsed instanceof String message) {
            err.println(message);
            return 2;
        }
        Arguments a = (Arguments) parsed;
        ConfigurableApplicationContext context = new SpringApplicationBuilder(app)
                // the security configuration needs a servlet context, so the server starts, on a free loopback port
                // that nothing is told of, and stops when the data set is written
                .web(WebApplicationType.SERVLET)
                .run(CONTEXT_ARGUMENTS);
        int code;
        try {
            out.println(summary(context.getBean(DataSetGenerator.class).generate(a.scale(), a.seed())));
            code = 0;
        } catch (DataSetGenerator.AlreadyGenerated e) {
            err.println(text("generate.exists", e.code, e.name, a.scale().code()));
            code = 2;
        } catch (RuntimeException e) {
            err.println(text("generate.failed", e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage().lines().findFirst().orElse(""))));
            code = 1;
        }
        SpringApplication.exit(context);
        return code;
    }

    static String summary(DataSetGenerator.Summary s) {
        return text("generate.summary", s.scale().code(), s.seed(), s.provinceCode(), s.regions(), s.counties(), s.towns(),
                s.units(), s.plans(), s.tasks(), s.milestones(), s.milestonesDone(), s.indicators(), s.targets(),
                s.observations(), s.users(), s.checksum().toPlainString(), String.format(Locale.ROOT, "%.1f", s.seconds()));
    }
}
