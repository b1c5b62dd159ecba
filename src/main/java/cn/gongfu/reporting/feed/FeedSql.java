package cn.gongfu.reporting.feed;

import cn.gongfu.reporting.ObservationRules;
import cn.gongfu.vocabulary.Polarity;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The SQL of the observation feed, portable between H2 (PostgreSQL mode) and PostgreSQL 15: only the
 * staging table's DDL differs. The value rules are those of {@link ObservationRules}, written once more as
 * set-based conditions from its constants; {@code FeedImportContract.theFeedsSqlRulesAgreeWithObservationRules}
 * runs both over the same cases.
 */
final class FeedSql {

    static final String STAGING = "feed_staging";

    /**
     * One row per feed row, its indicator and region already resolved within the caller's scope ({@link FeedKeys}):
     * indicator_id null when unknown or outside scope (indicator_ref or indicator_name then kept for the message),
     * known_region false likewise.
     */
    private static final String STAGING_COLUMNS = """
            (row_no bigint not null, problem varchar, indicator_ref bigint, indicator_name varchar, indicator_id bigint,
             region_code varchar, known_region boolean not null, period varchar, prev_period varchar, value_text varchar,
             value numeric(24, 6), comment varchar, explanation varchar""";

    /**
     * PostgreSQL: a temporary table (no WAL, session-local buffers) dropped at the end of the transaction. No index:
     * once analysed, the planner joins a big feed to itself and to observation by hash.
     */
    static final String CREATE_STAGING_POSTGRES = "create temp table " + STAGING + " " + STAGING_COLUMNS + ") on commit drop";

    /**
     * H2: the same; TRANSACTIONAL keeps the DDL from committing the transaction. H2 joins only by nested loops, so the
     * staged rows carry an index on their key (with row_no, which makes it unique): the duplicate and previous-period
     * joins probe it instead of scanning the feed once per row (16k values took 38 s, 32k 165 s). It is declared here
     * because a separate CREATE INDEX would commit the transaction.
     */
    static final String CREATE_STAGING_H2 = "create local temporary table " + STAGING + " " + STAGING_COLUMNS
            + ", unique (indicator_id, region_code, period, row_no)) on commit drop transactional";

    static final String MAX_TEXT = "2000";

    private FeedSql() {}

    /** A rate of change (the indicator's name says so) may be negative or exceed 100%. */
    static String change(String nameColumn) {
        return "(" + ObservationRules.CHANGE_WORDS.stream().map(w -> nameColumn + " like '%" + w + "%'")
                .collect(Collectors.joining(" or ")) + ")";
    }

    /**
     * One rule: a row of {@code source} ({@code feed_staging}, as staged, or {@code e}, with its indicator, duplicate and previous value)
     * breaks it when {@code when} holds; {@code code}, {@code text}, {@code n1} and {@code n2} are SQL expressions
     * that {@link FeedMessages} words.
     */
    private record Rule(String source, int ord, String field, String code, String text, String n1, String n2, String when) {

        String branch() {
            return "select row_no, " + ord + " as ord, '" + field + "' as field, " + code + " as code, "
                    + "cast(" + text + " as varchar) as text, cast(" + n1 + " as numeric) as n1, cast(" + n2 + " as numeric) as n2"
                    + " from " + source + " where " + when;
        }
    }

    private static final String NOT_CHANGE = "not " + change("indicator_label");
    /** The polarities whose values may be reported without a number, as ObservationRules.valueRequired has them. */
    private static final String EVENT_POLARITIES = Arrays.stream(Polarity.values()).filter(Polarity::isEvent)
            .map(p -> "'" + p.code() + "'").collect(Collectors.joining(", "));

    private static final List<Rule> RULES = List.of(
            new Rule("feed_staging", 0, "row", "problem", "null", "null", "null", "problem is not null"),
            new Rule("e", 1, "indicator", "'unknown-indicator'", "coalesce(cast(indicator_ref as varchar), indicator_name)", "null", "null",
                    "indicator_id is null"),
            new Rule("e", 2, "region", "'unknown-region'", "region_code", "null", "null", "not known_region"),
            new Rule("e", 3, "period", "'bad-period'", "period", "null", "null", "prev_period is null"),
            new Rule("e", 4, "value", "'bad-number'", "value_text", "null", "null", "value_text is not null"),
            new Rule("e", 4, "value", "'value-required'", "null", "null", "null",
                    "value is null and value_text is null and indicator_id is not null and polarity not in (" + EVENT_POLARITIES + ")"),
            new Rule("e", 4, "value", "'percent'", "null", "value", "null",
                    "unit = '%' and " + NOT_CHANGE + " and (value < 0 or value > " + ObservationRules.PERCENT_MAX + ")"),
            new Rule("e", 4, "value", "'per-mille'", "null", "value", "null",
                    "unit = '‰' and (value < 0 or value > " + ObservationRules.PER_MILLE_MAX + ")"),
            new Rule("e", 4, "value", "'negative'", "null", "value", "null",
                    NOT_CHANGE + " and value < 0 and coalesce(unit, '') not in ('%', '‰')"),
            new Rule("e", 5, "value", "'cumulative'", "null", "previous", "value", "cumulative and value < previous"),
            new Rule("e", 6, "explanation", "'jump'", "null", "previous", "value",
                    "previous <> 0 and explanation is null and round(abs(value - previous) / abs(previous), "
                            + ObservationRules.JUMP_SCALE + ") > " + ObservationRules.JUMP_THRESHOLD),
            new Rule("e", 7, "indicator", "'duplicate'", "null", "first_row", "null", "first_row < row_no"),
            new Rule("e", 8, "comment", "'text-too-long'", "null", "null", "null", "length(comment) > " + MAX_TEXT),
            new Rule("e", 9, "explanation", "'text-too-long'", "null", "null", "null", "length(explanation) > " + MAX_TEXT));

    /**
     * dup: keys given more than once; e: the rows without a parse problem, with their indicator, duplicate and
     * previous value (the row for the previous period in the same feed if there is one, else the stored value). Every
     * join is on the staged rows themselves, no derived table joined to itself: H2 probes the staging table's key
     * index and observation's, PostgreSQL hashes the feed.
     */
    private static final String RELATIONS = """
            with dup as (
                select indicator_id, region_code, period, min(row_no) as first_row from feed_staging
                where indicator_id is not null group by indicator_id, region_code, period having count(*) > 1),
            e as (
                select s.row_no, s.indicator_ref, s.indicator_name, s.indicator_id, s.region_code, s.known_region, s.period,
                       s.prev_period, s.value_text, s.value, s.comment, s.explanation,
                       i.name as indicator_label, i.unit as unit, i.polarity as polarity, i.cumulative as cumulative,
                       d.first_row, case when pf.row_no is not null then pf.value else po.value end as previous
                from feed_staging s
                left join indicator i on i.id = s.indicator_id
                left join dup d on d.indicator_id = s.indicator_id and d.region_code = s.region_code and d.period = s.period
                left join feed_staging pf on pf.indicator_id = s.indicator_id and pf.region_code = s.region_code
                                         and pf.period = s.prev_period
                left join observation po on po.indicator_id = s.indicator_id and po.region_code = s.region_code
                                        and po.period = s.prev_period
                where s.problem is null)
            """;

    /**
     * 1 when some row breaks some rule, else 0: one pass over the rows, so that a clean feed (the usual case)
     * is not scanned once per rule. It counts rather than asks {@code exists}: PostgreSQL plans an EXISTS to stop
     * at its first row and, expecting many, joined a million staged rows to themselves by nested loops (minutes);
     * a clean feed reads every row either way, and a count is planned for that, by hash and merge joins.
     */
    static String anyError() {
        String r = RULES.stream().filter(x -> x.source().equals("feed_staging")).map(x -> "(" + x.when() + ")").collect(Collectors.joining(" or "));
        String e = RULES.stream().filter(x -> x.source().equals("e")).map(x -> "(" + x.when() + ")").collect(Collectors.joining("\n or "));
        return RELATIONS + "select case when exists (select 1 from feed_staging where " + r + ")\n"
                + " or (select count(*) from e where " + e + ") > 0 then 1 else 0 end";
    }

    /**
     * Every error of the feed, one row per (row, field, rule): row_no, ord, field, code, text, n1, n2 and the
     * total count; the first {@code :limit} by row. Codes are worded in {@link FeedMessages}.
     */
    static String errors() {
        return RELATIONS + ", errs as (\n"
                + RULES.stream().map(Rule::branch).collect(Collectors.joining("\n union all "))
                + """
                )
                select x.*, count(*) over () as total
                from (select distinct row_no, ord, field, code, text, n1, n2 from errs) x
                order by row_no, ord, code
                offset 0 rows fetch next :limit rows only""";
    }

    /** The rows to merge (only called once the feed has no errors: every indicator is resolved). */
    static final String SOURCE = "select indicator_id, region_code, period, value, comment, explanation from " + STAGING;

    private static final String MATCH = """
            o.indicator_id = x.indicator_id and o.region_code = x.region_code and o.period = x.period""";

    private static final String CHANGED = """
            (o.value is distinct from x.value or o.comment is distinct from x.comment
             or o.explanation is distinct from x.explanation)""";

    /** A number as text without trailing zeros ("40", "45.5"), as the report form's history writes it. */
    private static String plain(String number) {
        String text = "cast(" + number + " as varchar(40))";
        return "case when " + text + " like '%.%' then rtrim(rtrim(" + text + ", '0'), '.') else " + text + " end";
    }

    /** Each stored value the feed replaces, as an audit row (target, before, after): its history. */
    static final String REPLACED = "select 'observation:' || cast(o.id as varchar(20)) as target,"
            + " " + plain("o.value") + " as before_value, " + plain("x.value") + " as after_value"
            + " from (" + SOURCE + ") x join observation o on " + MATCH + " where " + CHANGED;

    /**
     * Each report whose values (those carrying a submission) the feed replaces, with how many: its unit learns that
     * its numbers changed and where (ValueAccepted; notify tells the unit's users). One row per report, not per value.
     */
    static final String REPLACED_REPORTS = "select s.id as submission_id, s.unit_id, max(un.name) as unit_name, s.period,"
            + " count(*) as \"values\""
            + " from (" + SOURCE + ") x join observation o on " + MATCH
            + " join submission s on s.id = o.submission_id join unit un on un.id = s.unit_id"
            + " where " + CHANGED + " group by s.id, s.unit_id, s.period order by s.id";

    /** One set-based merge: new values inserted, changed ones updated with version + 1, all approved. */
    static final String MERGE = "merge into observation o using (" + SOURCE + ") x on (" + MATCH + ")\n"
            + "when matched and " + CHANGED + " then update set value = x.value, comment = x.comment,"
            + " explanation = x.explanation, state = 'approved', reported_by = :by, reported_at = :at, version = o.version + 1\n"
            + "when not matched then insert (indicator_id, region_code, period, value, state, reported_by, reported_at,"
            + " comment, explanation, version)"
            + " values (x.indicator_id, x.region_code, x.period, x.value, 'approved', :by, :at, x.comment, x.explanation, 0)";
}
