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
        SpringApplication.run(GongfuApplication.class, args);
    }
}
