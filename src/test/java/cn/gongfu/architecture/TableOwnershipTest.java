package cn.gongfu.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each table belongs to one module. A module writes only its own tables; it reads its own and those of the modules
 * it is built on (those it depends on, directly or through others, as Modulith verified them), in set-based joins
 * rather than one service call per row. It never reads a table of a module built on it, or of one it does not know:
 * that data reaches it through the owner's service or an event.
 */
class TableOwnershipTest {

    /** The owner of every table the migrations create. */
    static final Map<String, String> OWNERS = Map.ofEntries(
            Map.entry("region", "region"),
            Map.entry("unit", "unit"), Map.entry("unit_alias", "unit"),
            Map.entry("indicator", "indicator"), Map.entry("target", "indicator"), Map.entry("observation", "indicator"),
            Map.entry("plan", "plan"), Map.entry("plan_source", "plan"), Map.entry("section", "plan"),
            Map.entry("task", "plan"), Map.entry("task_unit", "plan"), Map.entry("milestone", "plan"),
            Map.entry("import_job", "importing"), Map.entry("import_unit_decision", "importing"),
            Map.entry("app_user", "users"), Map.entry("user_role", "users"), Map.entry("user_unit", "users"),
            Map.entry("api_token", "security"),
            Map.entry("audit_event", "audit"),
            Map.entry("workbench_visit", "workbench"),
            Map.entry("notification", "notify"), Map.entry("notify_robot", "notify"), Map.entry("outbox_message", "notify"),
            Map.entry("report_calendar", "reporting"), Map.entry("submission", "reporting"),
            Map.entry("task_report", "reporting"), Map.entry("milestone_report", "reporting"),
            Map.entry("evidence", "reporting"),
            Map.entry("ranking_snapshot", "evaluation"), Map.entry("ranking_entry", "evaluation"),
            Map.entry("survey_wave", "evaluation"), Map.entry("survey_answer", "evaluation"),
            Map.entry("survey_summary", "evaluation"), Map.entry("plan_standing", "evaluation"),
            Map.entry("indicator_standing", "evaluation"), Map.entry("roll_up_rule", "evaluation"),
            Map.entry("observation_roll_up", "indicator"),
            Map.entry("assessment_rule", "evaluation"), Map.entry("assessment_item", "evaluation"),
            Map.entry("assessment_appeal", "evaluation"), Map.entry("ranking_entry_revision", "evaluation"),
            Map.entry("shedlock", "scheduling"),
            Map.entry("bulletin", "bulletin"), Map.entry("bulletin_number", "bulletin"),
            Map.entry("reminder_rule", "supervision"), Map.entry("escalation", "supervision"), Map.entry("urge", "supervision"),
            Map.entry("warning", "supervision"), Map.entry("warning_grade", "supervision"), Map.entry("supervision_run", "supervision"),
            Map.entry("supervised_item", "supervision"), Map.entry("item_entry", "supervision"),
            Map.entry("item_evidence", "supervision"), Map.entry("item_number", "supervision"),
            Map.entry("project", "project"), Map.entry("project_report", "project"), Map.entry("project_milestone", "project"),
            Map.entry("case_study", "cases"), Map.entry("case_task", "cases"), Map.entry("case_file", "cases"),
            Map.entry("case_entry", "cases"));

    /**
     * Reads that break the rule today, each with why it is still here. The list may only shrink.
     * Format: "module reads table".
     */
    static final Set<String> KNOWN = Set.of(
            // The value store: one value per indicator, region and period, owned by indicator (its chart, its list,
            // the evaluation read it). Reporting writes it in the statements that check a value's state and holder
            // (the form, the office's acceptance, the feed's set-based MERGE of up to a million rows); routing those
            // through an IndicatorService call per row would undo the set-based feed. Next: observation moves to
            // reporting, and the indicator page composes its chart through reporting.
            "reporting writes observation",
            // A target's plan title, joined in the target list; next: the indicator page composes plan titles from
            // the plan module (as plan.UnitTaskPages does for a unit's page) and TargetView keeps only the plan id.
            "indicator reads plan");

    static final Pattern CREATE = Pattern.compile("(?i)create table (?:if not exists )?(\\w+)");
    static final Pattern LITERAL = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:\\\\.|[^\"\\\\\\n])*)\"", Pattern.DOTALL);
    static final Pattern WRITE = Pattern.compile("(?i)\\b(?:insert\\s+into|update|delete\\s+from|merge\\s+into)\\s+(\\w+)");
    static final Pattern READ = Pattern.compile("(?i)\\b(?:from|join)\\s+(\\w+)");

    @Test
    void everyTableHasAnOwner() throws IOException {
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path f : files.toList()) {
                Matcher m = CREATE.matcher(Files.readString(f));
                while (m.find()) created.add(m.group(1).toLowerCase());
            }
        }
        created.removeIf(t -> t.equals("flyway_schema_history"));
        assertThat(OWNERS.keySet()).as("owners of the tables the migrations create").containsAll(created);
    }

    @Test
    void modulesWriteOnlyTheirOwnTablesAndReadOnlyWhatTheyAreBuiltOn() throws IOException {
        Map<String, Set<String>> builtOn = builtOn();
        List<String> broken = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/cn/gongfu"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path rel = Path.of("src/main/java/cn/gongfu").relativize(f);
                if (rel.getNameCount() < 2) continue;
                String module = rel.getName(0).toString();
                Matcher literal = LITERAL.matcher(Files.readString(f));
                while (literal.find()) {
                    String sql = literal.group(1) != null ? literal.group(1) : literal.group(2);
                    check(WRITE, sql, t -> t.equals(module), module, "writes", rel, broken);
                    check(READ, sql, t -> t.equals(module) || builtOn.getOrDefault(module, Set.of()).contains(t), module, "reads", rel, broken);
                }
            }
        }
        assertThat(broken).as("SQL on tables of another module").isEmpty();
    }

    private static void check(Pattern p, String sql, Predicate<String> allowed, String module, String verb,
                              Path file, List<String> broken) {
        Matcher m = p.matcher(sql);
        while (m.find()) {
            String owner = OWNERS.get(m.group(1).toLowerCase());
            if (owner == null || allowed.test(owner)) continue;
            String what = module + " " + verb + " " + m.group(1).toLowerCase();
            if (!KNOWN.contains(what)) broken.add(what + " (owned by " + owner + ") in " + file);
        }
    }

    /** Every module each module is built on: the transitive closure of the verified dependencies. */
    private static Map<String, Set<String>> builtOn() {
        Map<String, Set<String>> direct = new HashMap<>();
        ModuleStructureTest.MODULES.forEach(m -> direct.put(m.getIdentifier().toString(), new HashSet<>(
                m.getDirectDependencies(ModuleStructureTest.MODULES).uniqueModules().map(d -> d.getIdentifier().toString()).toList())));
        Map<String, Set<String>> all = new HashMap<>();
        for (String module : direct.keySet()) {
            Set<String> seen = new HashSet<>();
            Deque<String> todo = new ArrayDeque<>(direct.get(module));
            while (!todo.isEmpty()) {
                String next = todo.pop();
                if (seen.add(next)) todo.addAll(direct.getOrDefault(next, Set.of()));
            }
            all.put(module, seen);
        }
        return all;
    }
}
