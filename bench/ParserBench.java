import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import cn.gongfu.ingest.DocumentParser;
import cn.gongfu.ingest.ParsedDocument;

/**
 * Timed harness for the document parser (not a unit test: timings depend on the machine).
 *
 *   ./mvnw -B -o -q compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -Xmx512m -cp target/classes:$(cat target/cp.txt) bench/ParserBench.java [SEED_DIR]
 *
 * 1. Every document in SEED_DIR (default ../shared/seeds, else the project's samples), in process, after
 *    warm-up: median and best wall time per document and for all of them together.
 * 2. A generated ~10 MB plan (numbered measures in the OCR style, each with units and about five targets,
 *    denser than any real plan) and the documents repeated to 10 MB: throughput in MB/s (best and median of
 *    5 runs) and heap retained by the result, to check that memory grows with the input, not faster.
 */
public class ParserBench {

    public static void main(String[] args) throws Exception {
        if (args.length > 1 && args[1].equals("--tables")) {
            DocumentParser p = new DocumentParser();
            for (int mb : new int[] {1, 4, 8}) {
                againstReference(p, "tables and prose", generateTables(mb << 20));
            }
            return;
        }
        Path dir = Path.of(args.length > 0 ? args[0] : "../shared/seeds");
        if (!Files.isDirectory(dir)) {
            dir = Path.of("src/test/resources/ingest");
        }
        List<Path> docs = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.txt")) {
            ds.forEach(docs::add);
        }
        docs.sort(null);
        List<byte[]> bytes = new ArrayList<>();
        for (Path p : docs) {
            bytes.add(Files.readAllBytes(p));
        }
        DocumentParser parser = new DocumentParser();
        for (int w = 0; w < 30; w++) {
            for (int i = 0; i < docs.size(); i++) {
                parser.parse(docs.get(i).getFileName().toString(), bytes.get(i));
            }
        }
        System.out.printf("documents from %s (JVM %s, %d cores)%n", dir, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        long allBest = Long.MAX_VALUE;
        List<Long> allRuns = new ArrayList<>();
        for (int r = 0; r < 20; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < docs.size(); i++) {
                parser.parse(docs.get(i).getFileName().toString(), bytes.get(i));
            }
            long t = System.nanoTime() - t0;
            allRuns.add(t);
            allBest = Math.min(allBest, t);
        }
        for (int i = 0; i < docs.size(); i++) {
            List<Long> runs = new ArrayList<>();
            for (int r = 0; r < 20; r++) {
                long t0 = System.nanoTime();
                parser.parse(docs.get(i).getFileName().toString(), bytes.get(i));
                runs.add(System.nanoTime() - t0);
            }
            runs.sort(null);
            System.out.printf("  %-28s %8d bytes  median %6.2f ms  best %6.2f ms%n", docs.get(i).getFileName(), bytes.get(i).length,
                    runs.get(runs.size() / 2) / 1e6, runs.get(0) / 1e6);
        }
        allRuns.sort(null);
        System.out.printf("  all %d documents together:  median %6.2f ms  best %6.2f ms%n", docs.size(),
                allRuns.get(allRuns.size() / 2) / 1e6, allBest / 1e6);

        ByteArrayOutputStreamHolder corpus = new ByteArrayOutputStreamHolder();
        while (corpus.size() < (10 << 20)) {
            for (byte[] b : bytes) {
                corpus.add(b);
            }
        }
        measure(parser, "generated dense plan", generate(1 << 20));
        measure(parser, "generated dense plan", generate(10 << 20));
        measure(parser, "documents repeated", corpus.bytes());
        // Tables and prose together, at three sizes: the time per MB must not grow with the size (nothing quadratic),
        // each against a reference run in the same minutes (decoding the bytes and one TextNormalizer pass).
        for (int mb : new int[] {1, 4, 8}) {
            againstReference(parser, "tables and prose", generateTables(mb << 20));
        }
    }

    /** Parsing time as a multiple of the reference: UTF-8 decoding plus TextNormalizer.normalize over the same text. */
    static void againstReference(DocumentParser parser, String what, byte[] big) throws Exception {
        java.lang.reflect.Method normalize = Class.forName("cn.gongfu.ingest.TextNormalizer").getDeclaredMethod("normalize", String.class);
        normalize.setAccessible(true);
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Long> parse = new ArrayList<>();
        List<Long> reference = new ArrayList<>();
        ParsedDocument doc = null;
        for (int r = 0; r < 7; r++) {
            long c0 = threads.getCurrentThreadCpuTime();
            normalize.invoke(null, new String(big, StandardCharsets.UTF_8));
            long c1 = threads.getCurrentThreadCpuTime();
            doc = parser.parse("tables.txt", big);
            long c2 = threads.getCurrentThreadCpuTime();
            if (r >= 2) { // two warm-ups
                reference.add(c1 - c0);
                parse.add(c2 - c1);
            }
        }
        parse.sort(null);
        reference.sort(null);
        double mb = big.length / 1048576.0;
        long p = parse.get(parse.size() / 2);
        long ref = reference.get(reference.size() / 2);
        System.out.printf("%s %4.1f MB: %d tasks, %d targets, %d indicators; parse CPU median %7.1f ms = %5.1f MB/s; reference %6.1f ms;"
                        + " ratio %4.1f×%n", what, mb, doc.tasks().size(), doc.tasks().stream().mapToInt(x -> x.targets().size()).sum(),
                doc.indicators().size(), p / 1e6, mb / (p / 1e9), ref / 1e6, (double) p / ref);
    }

    /**
     * Prose paragraphs and tables in every layout the reader takes, one after the other: bars, one cell per line,
     * runs of spaces, tabs, and two-level headers (目标值 over the years) in bars and one cell per line; 12 rows each.
     */
    static byte[] generateTables(int size) {
        StringBuilder sb = new StringBuilder("青溪区民生实事项目任务分解表\n（2023—2025年）\n\n");
        String[] units = {"区教育局", "区卫生健康局", "区民政局、区财政局"};
        int block = 0;
        while (sb.length() * 2.9 < size) {
            block++;
            sb.append(block).append("、推进第").append(block).append("批民生项目\n");
            sb.append("到2025年，新建社区食堂").append(block % 9 + 2).append("个，24小时内响应群众诉求，助餐服务覆盖率达到")
                    .append(80 + block % 15).append("%以上。（牵头单位：").append(units[block % 3]).append("）\n\n");
            switch (block % 6) {
                case 0 -> {
                    sb.append("序号 | 工作任务 | 目标 | 牵头单位 | 完成时限\n");
                    for (int r = 1; r <= 12; r++) {
                        sb.append(r).append(" | 新建养老服务中心").append(r).append(" | ").append(r + 2).append("家 | ")
                                .append(units[r % 3]).append(" | ").append(r % 12 + 1).append("月底前\n");
                    }
                }
                case 1 -> {
                    for (String h : new String[] {"序号", "民生实事", "责任单位", "完成时限"}) {
                        sb.append(h).append("\n\n");
                    }
                    for (int r = 1; r <= 12; r++) {
                        sb.append(r).append("\n\n改造老旧小区").append(r * 3).append("个\n\n").append(units[r % 3]).append("\n\n")
                                .append(r % 12 + 1).append("月底前\n\n");
                    }
                }
                case 2 -> {
                    sb.append("序号 项目名称 责任单位 目标任务 任务完成率 备注\n");
                    for (int r = 1; r <= 12; r++) {
                        sb.append(r).append(" 新增城镇就业 ").append(units[r % 3].substring(0, 4)).append(' ').append(800 + r).append("人 ")
                                .append(50 + r).append("% 按计划推进\n");
                    }
                }
                case 3 -> {
                    sb.append("\t序号\t指标\t单位\t2022年\t2025年\n");
                    for (int r = 1; r <= 12; r++) {
                        sb.append('\t').append(r).append("\t托位数").append(block).append('_').append(r).append("\t个\t")
                                .append(r).append(".5\t").append(r + 2).append(".5\n");
                    }
                }
                case 4 -> {
                    sb.append("| 序号 | 指标 | 单位 | 目标值 | | 牵头单位 |\n| | | | 2022年 | 2025年 | |\n");
                    for (int r = 1; r <= 12; r++) {
                        sb.append("| ").append(r).append(" | 覆盖率").append(block).append('_').append(r).append(" | % | ")
                                .append(60 + r).append(" | ≥").append(80 + r).append(" | ").append(units[r % 3]).append(" |\n");
                    }
                }
                default -> {
                    for (String h : new String[] {"序号", "指标", "单位", "目标值", "牵头单位", "2022年", "2025年"}) {
                        sb.append(h).append("\n\n");
                    }
                    for (int r = 1; r <= 12; r++) {
                        sb.append(r).append("\n\n床位数").append(block).append('_').append(r).append("\n\n张\n\n").append(r)
                                .append("\n\n").append(r + 3).append("\n\n").append(units[r % 3]).append("\n\n");
                    }
                }
            }
            sb.append("\n\n\n\n\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Best and median of 5 timed runs after 2 warm-ups, and the heap the result keeps. */
    static void measure(DocumentParser parser, String what, byte[] big) {
        parser.parse("big.txt", big);
        parser.parse("big.txt", big);
        List<Long> runs = new ArrayList<>();
        List<Long> cpu = new ArrayList<>();
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ParsedDocument doc = null;
        for (int r = 0; r < 5; r++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            doc = parser.parse("big.txt", big);
            runs.add(System.nanoTime() - t0);
            cpu.add(threads.getCurrentThreadCpuTime() - c0);
        }
        runs.sort(null);
        cpu.sort(null);
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        doc = null;
        System.gc();
        long before = mem.getHeapMemoryUsage().getUsed();
        doc = parser.parse("big.txt", big);
        System.gc();
        long after = mem.getHeapMemoryUsage().getUsed();
        double mb = big.length / 1048576.0;
        System.out.printf("%s %5.1f MB: %d tasks, %d targets; best %7.1f ms = %5.1f MB/s, median %7.1f ms = %5.1f MB/s;"
                        + " result retains ~%d MB heap%n", what, mb, doc.tasks().size(),
                doc.tasks().stream().mapToInt(x -> x.targets().size()).sum(), runs.get(0) / 1e6, mb / (runs.get(0) / 1e9),
                runs.get(2) / 1e6, mb / (runs.get(2) / 1e9), Math.max(0, after - before) >> 20);
        // On a machine shared with other builds wall time swings with the load; the parsing thread's CPU time
        // (garbage collection excluded) is the steadier figure for comparing versions.
        System.out.printf("    parsing thread CPU: best %7.1f ms = %5.1f MB/s, median %7.1f ms = %5.1f MB/s%n",
                cpu.get(0) / 1e6, mb / (cpu.get(0) / 1e9), cpu.get(2) / 1e6, mb / (cpu.get(2) / 1e9));
    }

    /** Concatenates documents, separated by blank lines. */
    static final class ByteArrayOutputStreamHolder {
        private final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();

        void add(byte[] b) {
            out.writeBytes(b);
            out.writeBytes("\n\n".getBytes(StandardCharsets.UTF_8));
        }

        int size() {
            return out.size();
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }

    /** A long action plan in the OCR style: wrapped lines, 牵头单位, targets, themes every 20 measures. */
    static byte[] generate(int size) {
        StringBuilder sb = new StringBuilder("青溪区推进共同富裕先行区行动方案\n（2021—2025年）\n\n");
        String[] units = {"区教育局", "区卫生健康局、区民政局", "区发改局、区财政局、区住建局"};
        int n = 1;
        int chapter = 0;
        while (sb.length() * 2.9 < size) {
            if (n % 100 == 1) {
                sb.append("第").append(++chapter).append("部分 民生工程\n");
                n = 1;
            }
            if (n % 20 == 1) {
                sb.append("——推进第").append(n / 20 + 1).append("项民生工程\n");
            }
            String para = n + ".完善城乡公共服务体系，推进优质资源均衡布局。到2025年，每千人口拥有托位数达到 "
                    + (n % 7 + 1) + ".5个，普惠托位占比达 " + (60 + n % 30) + "%以上，新建示范型服务中心 " + (n % 5 +1)
                    + "家、老年食堂 20个，实现助餐服务全覆盖。（牵头单位：" + units[n % 3] + "）";
            for (int i = 0; i < para.length(); i += 18) {
                sb.append(para, i, Math.min(para.length(), i + 18)).append('\n');
            }
            sb.append('\n');
            n++;
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }
}
