package cn.gongfu.cli;

import cn.gongfu.ingest.DocumentException;
import cn.gongfu.ingest.DocumentParser;
import cn.gongfu.ingest.ExtractionJson;
import cn.gongfu.ingest.ParsedDocument;
import cn.gongfu.ingest.SummaryWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * `gongfu parse FILE [--json]`: prints the extraction of one document without starting Spring or touching
 * a database. Exit code 0 on success, 2 with a one-line message on bad input or usage.
 */
public final class ParseCommand {

    /** Messages from the application's bundles, Chinese / English as the command always printed them. */
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private ParseCommand() {
    }

    private static String text(String key, Object... args) {
        Object[] texts = Arrays.stream(args).map(String::valueOf).toArray();
        return new MessageFormat(ResourceBundle.getBundle("messages", Locale.ROOT, NO_FALLBACK).getString(key), Locale.ROOT).format(texts)
                + " / " + new MessageFormat(ResourceBundle.getBundle("messages", Locale.ENGLISH, NO_FALLBACK).getString(key), Locale.ROOT).format(texts);
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String file = null;
        boolean json = false;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--json")) {
                json = true;
            } else if (a.startsWith("--")) {
                err.println(text("cli.unknownOption", a));
                return 2;
            } else if (file == null) {
                file = a;
            } else {
                err.println(text("cli.oneFile"));
                return 2;
            }
        }
        if (file == null) {
            err.println(text("cli.missingFile"));
            return 2;
        }
        try {
            ParsedDocument doc = new DocumentParser().parse(Path.of(file));
            out.print(json ? ExtractionJson.write(doc) + "\n" : SummaryWriter.write(doc));
            out.flush();
            return 0;
        } catch (DocumentException e) {
            err.println(text("cli.error", e.getMessage().replace('\n', ' ')));
            return 2;
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            err.println(text("cli.error", text("cli.failed", file)) + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage().lines().findFirst().orElse("")));
            return 2;
        }
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        String[] withVerb = new String[args.length + 1];
        withVerb[0] = "parse";
        System.arraycopy(args, 0, withVerb, 1, args.length);
        System.exit(run(withVerb, out, System.err));
    }
}
