package cn.gongfu;

import cn.gongfu.cli.ParseCommand;
import cn.gongfu.evaluation.RecomputeCommand;
import cn.gongfu.generate.GenerateCommand;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;

@SpringBootApplication
public class GongfuApplication {

    public static void main(String[] args) {
        // The parse command must not start Spring or touch a database, so it is dispatched first.
        if (args.length > 0 && "parse".equals(args[0])) {
            PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
            PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
            System.exit(ParseCommand.run(args, out, err));
        }
        // generate needs Spring and the database but no web server: it starts its own context and exits
        if (args.length > 0 && "generate".equals(args[0])) {
            PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
            PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
            System.exit(GenerateCommand.run(args, out, err, GongfuApplication.class));
        }
        if (args.length > 0 && "recompute".equals(args[0])) {
            PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
            PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
            System.exit(RecomputeCommand.run(args, out, err, GongfuApplication.class));
        }
        SpringApplication app = new SpringApplication(GongfuApplication.class);
        // -Dgongfu.startup-steps=true: where start-up goes, the slowest steps logged once ready (docs/benchmarks.md)
        if (Boolean.getBoolean("gongfu.startup-steps")) app.setApplicationStartup(new BufferingApplicationStartup(20_000));
        app.run(args);
    }
}
