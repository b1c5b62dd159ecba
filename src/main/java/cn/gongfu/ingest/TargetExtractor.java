package cn.gongfu.ingest;

import cn.gongfu.vocabulary.TargetComparator;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds targets in a span of plan text: "每千常住人口床位数达到6.6张", "新增…1-2个", "降至8%以下",
 * "完成市下达任务", "实现…全覆盖". A number counts as a target when a comparator word stands before it,
 * when 以上/以下 follows it, when a creation verb introduces it ("打造2个…基地"), or when it closes a
 * clause inside a target context ("到2025年，…", a 目标体系 column, an indicator list).
 */
final class TargetExtractor {

    /** Where the text comes from; decides whether bare numbers are targets and their default comparator. */
    enum Mode {
        /** Prose of a measure: bare numbers count only after "到2025年" / "力争" / "目标". */
        PROSE,
        /** A column or paragraph that is all targets (目标体系, "目标包括…"). */
        TARGET_TEXT,
        /** One item of an indicator list (指标目标: 人均生产总值15万元): plain values are eq. */
        INDICATOR_ITEM
    }

    private static final String GE_WORDS = "不低于|不少于|提高到|提高至|提升到|提升至|增加到|增加至|增长到|增长至|扩大到|扩大至|达到|稳定在|保持在|维持在|提至|增至|达|到|增长|提高|提升";
    private static final String GT_WORDS = "超过|高于|大于|多于|突破|超";
    private static final String LE_WORDS = "不高于|不超过|不多于|降至|降到|下降到|下降至|降低到|降低至|控制在|控制到|缩小到|缩小至|压减到|压减至|减少到|减少至|压缩到|压缩至|下降";
    private static final String LT_WORDS = "低于|小于|少于";


    private static final String CREATION_VERBS = "新增|新建|建成|建设|打造|创建|争创|创成|培育|引育|引进|实施|完成|开展|设立|组建|改造|举办|发表|刊发|"
            + "招引|认定|开设|推出|设置|建立|推动|帮助|援建|召开|选树|遴选|筹建|提供|培训|吸引|招聘|新开|增加|扩招|签约|落地|推荐|入选|获评|命名|评选|形成|整治|提升|拆除|消除|淘汰"
            + "|改建|扩建|新改建|安装|配建|增设|培养|招募|引导|产生|新开工|安排|谋划|新(改扩)建|新（改扩）建|新改扩建|改扩建";

    /** Arabic numbers and ranges, tried only where a digit is (a scan finds the places; see Run.run). */
    private static final Pattern NUMBER = Pattern.compile("(\\d+(?:\\.\\d+)?)(?:\\s*[-—–~～至到]\\s*(\\d+(?:\\.\\d+)?))?");
    /**
     * A small Chinese numeral is a candidate value ("两所", "三个百分点") when it is not inside a longer numeral
     * ("十四五", "一百") and is not 一 (一批, 一流 are not counts). Plain string tests: a regex class of these
     * characters, tried at every position, was the slowest part of the scan.
     */
    private static final String CN_VALUE = "两二三四五六七八九十";
    private static final String CN_ANY = "一二两三四五六七八九十百千万亿零〇";
    private static final Pattern SUFFIX = Pattern.compile("^(及以上|及以下|以上|以下|以内|之内|左右|以(?=[，,。；;、\\s]|$))");
    private static final Pattern CONTEXT = Pattern.compile("(?:到|至)\\d{4}年|\\d{4}年(?:底|末)?前?[，,]|年内|年底前|力争|确保|争取|目标|全年|每年|累计|十[一二三四五六七八九]五");
    /** "十四五期末" / "“十四五”末": the end year of that five-year plan (regular from the sixth, 1981–1985, on). */
    private static final Pattern FIVE_YEAR_END = Pattern.compile("十([一二三四五六七八九])五”?(?:期末|末|时期末)");
    private static final Pattern ASSIGNED = Pattern.compile("(均|都)?完成(?:国家|省|市|区|县|上级|省市|省级|市级|宁波市|[\\u4e00-\\u9fff]{1,4}市)?下达(?:的)?(?:年度)?(?:任务|目标|指标)");
    /** "每人每月", "每户每年", "每人": the base a value is measured on, written between the comparator and the number. */
    private static final Pattern PER_BASE = Pattern.compile("(?:每(?:人|户|名|位|家|床|个|年|月|季度|周|天|日)){1,3}$");
    private static final Pattern TIME_LIMIT = Pattern.compile("(\\d{1,3})个?(工作日|小时|天|日)(?:以|之)?内");
    private static final Pattern TIME_LIMIT_ACTION = Pattern.compile("(办结|审批|办理|出具|答复|办妥|响应|反馈|回复|处置|处理|受理|核查|核实|到场|上报|报送)");
    private static final Pattern PASS = Pattern.compile("通过[^，,。；;]{0,20}(?:评估|验收|认定|评审|复评|复核|考核)");
    private static final Pattern LEADING_FILLER = Pattern.compile(
            "^(?:[，,、；;：:\\s\u2460-\u2473]|[到至]\\d{4}年(?:底|末)?|\\d{4}年(?:底|末)?(?:前)?|\\d{1,2}年(?:内|间)?(?=[\u4e00-\u9fff])|目标包括|目标为|目标|力争|确保|争取|其中|同时|以及|并且|并|另外|此外|全年|年内|年底前|实现)+");
    private static final String LEADING_FILLER_STARTS = "，,、；;：: \t到至目力确争其同以并另此全年实";
    private static final Pattern TRAILING_FILLER = Pattern.compile("(?:分别|均|都|实现|有效|基本|全面|要|在)+$");

    private static final String[] COMPARATOR_WORDS = byLength((GE_WORDS + "|" + GT_WORDS + "|" + LE_WORDS + "|" + LT_WORDS).split("\\|"));
    private static final String[] QUALIFIERS = byLength("分别|均|都|累计|年均|平均|总计|合计|全部".split("\\|"));
    private static final String[] NO_QUALIFIERS = {};
    private static final String[] VERBS = byLength(CREATION_VERBS.split("\\|"));
    private static final String COMPARATOR_LAST_CHARS = lastCharsOf(COMPARATOR_WORDS);
    private static final String VERB_LAST_CHARS = lastCharsOf(VERBS);
    private static final String[] QUALITATIVE_WORDS = {"全覆盖", "动态清零", "零增长", "负增长", "翻一番", "翻番", "双达标", "双下降"};

    private static String lastCharsOf(String[] words) {
        if (words == COMPARATOR_WORDS && COMPARATOR_LAST_CHARS != null) {
            return COMPARATOR_LAST_CHARS;
        }
        if (words == VERBS && VERB_LAST_CHARS != null) {
            return VERB_LAST_CHARS;
        }
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            sb.append(w.charAt(w.length() - 1));
        }
        return sb.toString();
    }

    private static String[] byLength(String[] words) {
        String[] w = words.clone();
        Arrays.sort(w, Comparator.comparingInt(String::length).reversed());
        return w;
    }

    /**
     * The longest word that ends the head (optionally followed by 了), with an optional qualifier such as
     * 分别 before it; at[0] receives where the qualifier-or-word starts. Plain string tests: this runs for
     * every number in the text, where a regex alternation was the hot spot.
     */
    static String endingWord(String head, String[] words, String[] qualifiers, int[] at) {
        String h = head.endsWith("了") ? head.substring(0, head.length() - 1) : head;
        // Most numbers follow no such word: one look at the last character settles it.
        if (h.isEmpty() || lastCharsOf(words).indexOf(h.charAt(h.length() - 1)) < 0) {
            return null;
        }
        for (String w : words) {
            if (h.endsWith(w)) {
                int start = h.length() - w.length();
                for (String q : qualifiers) {
                    if (h.startsWith(q, start - q.length()) && start - q.length() >= 0) {
                        start -= q.length();
                        break;
                    }
                }
                at[0] = start;
                return w;
            }
        }
        return null;
    }

    /** Words that end an indicator name; a "和" only separates two names when both end like this. */
    private static final Pattern METRIC_END = Pattern.compile("(?:数|率|比|比重|占比|额|量|度|值|面积|人数|规模|水平|指数|系数|收入|支出|标准|总量|里程)$");

    private static final Pattern LEADING_CONJUNCTION = Pattern.compile("^(?:和|及|与|以及)+");
    private static final Pattern AND = Pattern.compile("和|及|与");

    private TargetExtractor() {
    }

    static List<ParsedTarget> extract(String text, Integer defaultYear, Mode mode) {
        return new Run(text, defaultYear, mode).run();
    }

    private static final class Run {
        final String s;
        final String masked;
        final Integer defaultYear;
        final Mode mode;
        final int contextStart;
        final List<ParsedTarget> out = new ArrayList<>();
        /** Offset in the text of each target in out, for document order. */
        final List<Integer> positions = new ArrayList<>();
        final int[] markStart;
        /** Offsets of 。；; — a sentence starts after the last one before a position. */
        final int[] sentenceEnds;
        final int[] markYear;
        final boolean[] markSticky;
        int lastEnd = -1;
        String lastName;
        String lastVerb;
        /** The verb that opened the clause of the last counted item, for "、"-lists after it. */
        String lastClauseVerb;
        TargetComparator lastComparator;
        int groupStart = -1;
        boolean groupSeparately;

        final Matcher unitMatcher;
        final Matcher suffixMatcher;

        Run(String text, Integer defaultYear, Mode mode) {
            this.s = text;
            this.masked = mask(text);
            this.unitMatcher = Units.UNIT.matcher(masked);
            this.suffixMatcher = SUFFIX.matcher(masked);
            this.defaultYear = defaultYear;
            this.mode = mode;
            if (mode == Mode.PROSE) {
                Matcher c = CONTEXT.matcher(masked);
                this.contextStart = c.find() ? c.start() : Integer.MAX_VALUE;
            } else {
                this.contextStart = 0;
            }
            List<int[]> marks = new ArrayList<>();
            // Year marks "(到|至|在)YYYY年" (not 年度), found from each 年 rather than by a regex tried at every position.
            for (int p = masked.indexOf('年'); p >= 0; p = masked.indexOf('年', p + 1)) {
                if (p < 4 || !isDigits(masked, p - 4, p) || masked.startsWith("度", p + 1)) {
                    continue;
                }
                int year = Integer.parseInt(masked, p - 4, p, 10);
                int start = p - 4;
                boolean sticky = false;
                if (start > 0 && "到至在".indexOf(masked.charAt(start - 1)) >= 0) {
                    sticky = masked.charAt(start - 1) != '在';
                    start--;
                }
                if (defaultYear != null && year < defaultYear - 10) {
                    continue;
                }
                if (start > 0 && "较比与同从由".indexOf(masked.charAt(start - 1)) >= 0) {
                    // "较2020年提高5个百分点": a baseline year, not the year of the target.
                    continue;
                }
                marks.add(new int[] {start, year, sticky ? 1 : 0});
            }
            List<Integer> ends = new ArrayList<>();
            for (int p = 0; p < masked.length(); p++) {
                if ("。；;".indexOf(masked.charAt(p)) >= 0) {
                    ends.add(p);
                }
            }
            sentenceEnds = ends.stream().mapToInt(Integer::intValue).toArray();
            Matcher f = FIVE_YEAR_END.matcher(text);
            while (text.indexOf('末') >= 0 && f.find()) {
                int plan = 10 + ChineseNumerals.parse(f.group(1));
                marks.add(new int[] {f.start(), 1981 + 5 * (plan - 6) + 4, 1});
            }
            marks.sort(Comparator.comparingInt(x -> x[0]));
            markStart = new int[marks.size()];
            markYear = new int[marks.size()];
            markSticky = new boolean[marks.size()];
            for (int i = 0; i < marks.size(); i++) {
                markStart[i] = marks.get(i)[0];
                markYear[i] = marks.get(i)[1];
                markSticky[i] = marks.get(i)[2] == 1;
            }
        }

        List<ParsedTarget> run() {
            List<int[]> spans = new ArrayList<>();
            Matcher m = NUMBER.matcher(masked);
            int n = masked.length();
            int at = 0;
            while (at < n) {
                char c = masked.charAt(at);
                if (c >= '0' && c <= '9') {
                    m.region(at, n);
                    m.lookingAt();
                    int end = tryNumber(at, m.end(), m.group(1), m.group(2), false);
                    at = Math.max(m.end(), end);
                } else if (CN_VALUE.indexOf(c) >= 0 && (at == 0 || CN_ANY.indexOf(masked.charAt(at - 1)) < 0 && masked.charAt(at - 1) != '第')) {
                    int j = at;
                    while (j < n && j - at < 3 && CN_VALUE.indexOf(masked.charAt(j)) >= 0) {
                        j++;
                    }
                    if (j < n && CN_ANY.indexOf(masked.charAt(j)) >= 0) {
                        at = j;
                        continue;
                    }
                    int end = tryNumber(at, j, String.valueOf(ChineseNumerals.parse(masked.substring(at, j))), null, true);
                    at = Math.max(j, end);
                } else {
                    at++;
                }
            }
            findAssigned();
            findQualitative();
            findTimeLimits();
            Integer[] order = new Integer[out.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.comparingInt(positions::get));
            List<ParsedTarget> sorted = new ArrayList<>(out.size());
            for (Integer i : order) {
                sorted.add(out.get(i));
            }
            return sorted;
        }

        void add(ParsedTarget t, int pos) {
            out.add(t);
            positions.add(pos);
        }

        /** Returns the end offset of what was consumed. */
        int tryNumber(int start, int numEnd, String first, String second, boolean chinese) {
            char before = start > 0 ? masked.charAt(start - 1) : ' ';
            if (isAsciiLetterOrDigit(before) || before == '.' || before == '+' || before == '第' || before == '每' || before == '由'
                    || before == '从' || before == '近' || before == '约' || before == '共' || before == '前' || before == '-' || before == '/') {
                return numEnd;
            }
            if (chinese && Integer.parseInt(first) < 2) {
                return numEnd;
            }
            // Years ("到2025年", "2021—2025年", "2000年底前") are never targets.
            if (isYear(first) && (second == null || isYear(second)) && followedBy(numEnd, "年")) {
                return numEnd;
            }
            if (second != null && isYear(first) && isYear(second)) {
                return numEnd;
            }
            if (numEnd < masked.length()) {
                char after = masked.charAt(numEnd);
                if (isAsciiLetterOrDigit(after) || after == '+' || after == '月' || after == '号' || after == '届' || after == '版'
                        || after == '级' || after == '星' || after == '楼' || after == '代') {
                    return numEnd;
                }
            }
            // One matcher per text, moved by region(): creating a matcher per number was a hot spot.
            Matcher u = unitMatcher.region(numEnd, masked.length());
            String unit = u.lookingAt() ? u.group() : "";
            if (chinese && (unit.isEmpty() || unit.charAt(0) == '万' || unit.charAt(0) == '亿')) {
                return numEnd;
            }
            int unitEnd = numEnd + unit.length();
            if (unit.equals("年") && PROGRAMME.matcher(masked).region(unitEnd, masked.length()).lookingAt()) {
                // "三年行动", "五年计划": the name of a programme, never "> 3 年".
                return unitEnd;
            }
            Matcher sfx = suffixMatcher.region(unitEnd, Math.min(masked.length(), unitEnd + 4));
            String suffix = sfx.lookingAt() ? sfx.group(1) : "";
            int end = unitEnd + suffix.length();
            char next = end < masked.length() ? masked.charAt(end) : '。';
            // "总投资7.58亿元的县医院迁建项目": the size of the investment is the project's target although "的" follows.
            boolean investment = unit.endsWith("元") && start >= 2 && masked.startsWith("投资", start - 2);
            if ((next == '的' && !investment) || next == '或' || next == '之') {
                return end;
            }
            boolean boundary = isBoundary(next);

            String head = masked.substring(Math.max(0, start - 8), start);
            String prefixWord = null;
            int prefixStart = start;
            int[] prefixAt = new int[1];
            String found = endingWord(head, COMPARATOR_WORDS, QUALIFIERS, prefixAt);
            int per = 0;
            if (found == null && head.indexOf('每') >= 0) {
                // "不低于每人每月60元/月": the measure's base (每人每月, 每户) stands between the comparator and the number.
                Matcher pm = PER_BASE.matcher(masked).region(Math.max(0, start - 12), start);
                if (pm.find()) {
                    per = start - pm.start();
                    String beforeBase = masked.substring(Math.max(0, pm.start() - 8), pm.start());
                    found = endingWord(beforeBase, COMPARATOR_WORDS, QUALIFIERS, prefixAt);
                    head = beforeBase;
                }
            }
            if (found != null) {
                prefixWord = found;
                prefixStart = start - per - (head.length() - prefixAt[0]);
                if (prefixWord.equals("到") && unit.isEmpty()) {
                    prefixWord = null;
                    prefixStart = start;
                }
            }
            boolean continuation = lastEnd >= 0 && isContinuation(lastEnd, start);
            boolean inContext = start >= contextStart;
            boolean verbBefore = verbWord(head) != null;

            // "平均受教育年限11年": a span of years is the value of a 年限, not a date.
            boolean yearsOfSomething = unit.equals("年") && start >= 2 && masked.startsWith("年限", start - 2);
            if (!unit.isEmpty() && Units.NEED_COMPARATOR.contains(Units.base(unit)) && prefixWord == null && !continuation
                    && !yearsOfSomething) {
                return end;
            }
            String kind;
            if (chinese && prefixWord == null && !continuation && suffix.isEmpty() && !verbBefore
                    && !(COUNT_WORDS.contains(unit) && clauseOpensWithVerb(start))) {
                // A Chinese numeral counts only with an explicit comparator, verb or 以上: "三类人群" is not a target.
                return end;
            }
            if (prefixWord != null && (boundary || !unit.isEmpty())) {
                kind = "prefix";
            } else if (continuation && (boundary || !unit.isEmpty())) {
                kind = "continuation";
            } else if (!suffix.isEmpty() && !suffix.equals("左右") && !suffix.equals("以") && boundary && !unit.isEmpty()) {
                kind = "suffix";
            } else if (!unit.isEmpty() && boundary && inContext) {
                kind = "context";
            } else if (!unit.isEmpty() && verbBefore && !boundary) {
                kind = "verb";
            } else if (!unit.isEmpty() && boundary && suffix.isEmpty() && before != '的' && clauseOpensWithVerb(start)
                    && (!chinese || COUNT_WORDS.contains(unit))) {
                // "新建省级现代农业园区2个": a clause that opens with a creation verb and closes with a count.
                kind = "clause-verb";
            } else if (!unit.isEmpty() && boundary && suffix.isEmpty() && lastClauseVerb != null && listsAfter(lastEnd, start)) {
                // "建成未来社区20个、未来乡村30个": the next noun and count of the same verb.
                kind = "clause-list";
            } else if (mode == Mode.INDICATOR_ITEM && boundary && end >= trimmedLength()) {
                kind = "context";
            } else if (!unit.isEmpty() && before == '为' && BENEFICIARY_UNITS.contains(Units.base(unit)) && opensClause(start - 1)) {
                // "为3万户特殊困难老年人家庭安装智能水表": how many are served is the target, named by what follows.
                kind = "beneficiary";
            } else if (investment) {
                kind = "investment";
            } else if (unit.equals("%") && suffix.equals("以上") && (masked.startsWith("增长", end) || masked.startsWith("的增长", end))) {
                // "规上工业增加值、固定资产投资均实现10%以上增长": growth of each subject named before.
                kind = "growth";
            } else {
                return end;
            }

            TargetComparator cmp = comparatorOf(prefixWord, suffix, second != null);
            if (cmp == null) {
                cmp = mode == Mode.INDICATOR_ITEM ? TargetComparator.EQ : TargetComparator.GE;
            }
            if (kind.equals("continuation") && prefixWord == null && suffix.isEmpty() && lastComparator != null) {
                cmp = lastComparator;
            }
            String name;
            int nameStart;
            if (kind.equals("beneficiary")) {
                int nounEnd = end;
                while (nounEnd < masked.length() && "，,。；;、：:！？)）\n ".indexOf(masked.charAt(nounEnd)) < 0) {
                    nounEnd++;
                }
                nameStart = start - 1;
                name = clean(s.substring(end, nounEnd));
                end = nounEnd;
            } else if (kind.equals("investment")) {
                // "总投资7.58亿元的县医院迁建项目" is the project's 总投资.
                int nounEnd = end + 1;
                while (nounEnd < masked.length() && "，,。；;、：:！？)）\n ".indexOf(masked.charAt(nounEnd)) < 0) {
                    nounEnd++;
                }
                nameStart = start - 3;
                name = next == '的' ? clean(s.substring(end + 1, nounEnd)) + "总投资" : clean(s.substring(clauseStart(prefixStart), prefixStart));
            } else if (kind.equals("growth")) {
                nameStart = clauseStart(prefixStart);
                name = clean(GROWTH_FILLER.matcher(s.substring(nameStart, prefixStart)).replaceFirst("")) + "增长";
                end = masked.indexOf("增长", end) + 2;
            } else if (kind.equals("verb")) {
                int nounEnd = end;
                while (nounEnd < masked.length() && "，,。；;、：:！？)）\n ".indexOf(masked.charAt(nounEnd)) < 0) {
                    nounEnd++;
                }
                int verbStart = start - verbLength(head);
                nameStart = clauseStart(verbStart);
                name = clean(s.substring(nameStart, start) + s.substring(end, nounEnd));
                end = nounEnd;
            } else {
                nameStart = clauseStart(prefixStart);
                name = clean(s.substring(nameStart, prefixStart));
                if (kind.equals("clause-list")) {
                    name = lastClauseVerb + name;
                }
            }
            if (kind.equals("continuation") && (name.isEmpty() || nameStart >= lastEnd)) {
                name = LEADING_CONJUNCTION.matcher(name).replaceFirst("");
                if (name.isEmpty() && lastVerb != null && !boundary) {
                    // "打造200条精品线路、130个城市客厅": the second count names its own noun after the verb.
                    int nounEnd = end;
                    while (nounEnd < masked.length() && "，,。；;、：:！？)）\n ".indexOf(masked.charAt(nounEnd)) < 0) {
                        nounEnd++;
                    }
                    name = lastVerb + s.substring(end, nounEnd);
                    end = nounEnd;
                }
                if (name.isEmpty()) {
                    name = lastName;
                }
            } else {
                groupStart = out.size();
                groupSeparately = prefixWord != null && head.contains("分别");
            }
            BigDecimal v1 = new BigDecimal(first);
            BigDecimal min = null;
            BigDecimal max = null;
            BigDecimal value = v1;
            if (second != null) {
                min = v1;
                max = new BigDecimal(second);
                value = null;
                cmp = TargetComparator.RANGE;
            }
            int textStart = kind.equals("continuation") ? start : nameStart;
            String spanText = stripLeadingPunct(s.substring(textStart, end));
            add(new ParsedTarget(name, cmp, value, min, max, unit, yearAt(start), false, spanText, suffix.equals("左右")), start);
            if (!kind.equals("continuation")) {
                lastVerb = kind.equals("verb") ? verbWord(head) : null;
            }
            if (kind.equals("clause-verb")) {
                lastClauseVerb = clauseVerb(start);
            } else if (!kind.equals("clause-list")) {
                lastClauseVerb = null;
            }
            if (prefixWord != null && isChangeWord(prefixWord, unit)) {
                // "年均增长8%", "提高3个百分点": the value is a change, so the name says which ("…年均增长").
                String change = QUALIFIER_NOISE.matcher(s.substring(prefixStart, start)).replaceFirst("");
                Matcher baseline = BASELINE.matcher(name);
                if (baseline.lookingAt() && lastName != null && name.substring(baseline.end()).isEmpty()) {
                    // "…城镇化率达到65%，较2020年提高5个百分点": the change is of the indicator named before.
                    name = lastName;
                }
                if (!name.endsWith(change)) {
                    out.set(out.size() - 1, withName(out.get(out.size() - 1), name + change));
                    name = name + change;
                }
            }
            lastEnd = kind.equals("verb") || (kind.equals("continuation") && lastVerb != null && end > unitEnd + suffix.length())
                    ? end : unitEnd + suffix.length();
            lastName = name;
            lastComparator = cmp;
            if (groupSeparately) {
                splitGroupNames();
            }
            if (kind.equals("growth") && name.indexOf('、') > 0) {
                splitSubjects();
            }
            return end;
        }

        /** One target per subject of "A、B均实现10%以上增长", each "A增长" / "B增长". */
        void splitSubjects() {
            ParsedTarget t = out.remove(out.size() - 1);
            int pos = positions.remove(positions.size() - 1);
            String subjects = t.indicator().substring(0, t.indicator().length() - 2);
            for (String subject : subjects.split("、")) {
                if (!subject.isBlank()) {
                    add(new ParsedTarget(subject.trim() + "增长", t.comparator(), t.value(), t.min(), t.max(), t.unit(), t.year(),
                            t.implied(), t.text(), t.approximate()), pos);
                }
            }
            lastName = out.get(out.size() - 1).indicator();
        }

        /** A cheap test before SUBJECT_THEN_VERB: 新增 / 新建 / 建成 within the clause's first ten characters. */
        boolean hasCountingVerbNearStart(String clause) {
            int limit = Math.min(clause.length(), 10);
            for (int i = 0; i + 1 < limit; i++) {
                char c = clause.charAt(i);
                char d = clause.charAt(i + 1);
                if (c == '新' && (d == '增' || d == '建') || c == '建' && d == '成') {
                    return true;
                }
            }
            return false;
        }

        /** True when the character at pos opens a clause (text start, after punctuation, or after 将/再/免费). */
        boolean opensClause(int pos) {
            if (pos <= 0) {
                return true;
            }
            char c = masked.charAt(pos - 1);
            return "，,。；;：:、 将再".indexOf(c) >= 0;
        }

        /** "执业医师数和注册护士数分别达4.4人、5.1人": one name part per value when the counts agree. */
        void splitGroupNames() {
            int size = out.size() - groupStart;
            if (size < 2) {
                return;
            }
            String name = out.get(groupStart).indicator();
            String[] parts = AND.split(name);
            if (parts.length != size) {
                return;
            }
            for (String part : parts) {
                if (!METRIC_END.matcher(part).find()) {
                    return;
                }
            }
            for (int i = 0; i < size; i++) {
                ParsedTarget t = out.get(groupStart + i);
                out.set(groupStart + i, new ParsedTarget(parts[i], t.comparator(), t.value(), t.min(), t.max(), t.unit(), t.year(),
                        t.implied(), t.text()));
            }
        }

        int trimmedLength() {
            int n = masked.length();
            while (n > 0 && "。；;，, ".indexOf(masked.charAt(n - 1)) >= 0) {
                n--;
            }
            return n;
        }

        /** Creation verbs that open a clause counting what is built ("新建…2个"); 推动/提升 open ordinary prose. */
        boolean clauseOpensWithVerb(int pos) {
            return clauseVerb(pos) != null;
        }

        String clauseVerb(int pos) {
            int cs = clauseStart(pos);
            if (cs < lastEnd) {
                return null;
            }
            String clause = LEADING_FILLER.matcher(masked.substring(cs, pos)).replaceFirst("");
            for (String v : VERBS) {
                if (clause.startsWith(v) && clause.length() > v.length() + 1 && !GENERIC_VERBS.contains(v)) {
                    return v;
                }
            }
            // "5年城镇新增就业15万人": a short subject (and a span of years) before the verb that counts.
            if (!hasCountingVerbNearStart(clause)) {
                return null;
            }
            Matcher subject = SUBJECT_THEN_VERB.matcher(clause);
            return subject.lookingAt() && clause.length() > subject.end() + 1 ? subject.group(1) : null;
        }

        /** Between the previous count and this one: "、" and a noun, nothing that ends the clause. */
        boolean listsAfter(int prevEnd, int pos) {
            if (prevEnd < 0 || prevEnd >= pos || masked.charAt(prevEnd) != '、') {
                return false;
            }
            for (int i = prevEnd + 1; i < pos; i++) {
                if ("，,。；;：:、！？".indexOf(masked.charAt(i)) >= 0 || Character.isDigit(masked.charAt(i))) {
                    return false;
                }
            }
            return pos - prevEnd > 2;
        }

        /** Between two values only "、" / "，" and or a conjunction (和, 及, 与, 以及): "达4.4人、5.1人". */
        boolean isContinuation(int prevEnd, int start) {
            int i = Math.min(prevEnd, start);
            if (i < start && "、，,".indexOf(masked.charAt(i)) >= 0) {
                i++;
            }
            int rest = start - i;
            return rest == 0 || rest == 1 && "和及与".indexOf(masked.charAt(i)) >= 0 || rest == 2 && masked.startsWith("以及", i);
        }

        String verbWord(String head) {
            int[] at = new int[1];
            String w = endingWord(head, VERBS, NO_QUALIFIERS, at);
            return w == null ? null : head.substring(at[0]);
        }

        int verbLength(String head) {
            int[] at = new int[1];
            return endingWord(head, VERBS, NO_QUALIFIERS, at) == null ? 0 : head.length() - at[0];
        }

        /** Start of the clause a target's name is taken from: the last punctuation or the previous target. */
        int clauseStart(int pos) {
            int i = pos - 1;
            while (i >= 0) {
                char c = masked.charAt(i);
                if (c == '，' || c == ',' || c == '。' || c == '；' || c == ';' || c == '：' || c == ':' || c == '！' || c == '？') {
                    break;
                }
                i--;
            }
            int start = i + 1;
            if (lastEnd > start && lastEnd <= pos) {
                start = lastEnd;
            }
            return start;
        }

        Integer yearAt(int pos) {
            // The latest year mark in the same sentence wins, else a "到YYYY年" earlier in the text, else the plan's.
            int e = Arrays.binarySearch(sentenceEnds, pos);
            int before = e >= 0 ? e - 1 : -e - 2;
            int sentenceStart = before >= 0 ? sentenceEnds[before] + 1 : 0;
            int k = Arrays.binarySearch(markStart, pos);
            int last = k >= 0 ? k - 1 : -k - 2;
            if (last >= 0 && markStart[last] >= sentenceStart) {
                return markYear[last];
            }
            for (int i = last; i >= 0; i--) {
                if (markSticky[i]) {
                    return markYear[i];
                }
            }
            return defaultYear;
        }

        void findAssigned() {
            Matcher a = ASSIGNED.matcher(masked);
            while (a.find()) {
                int cs = clauseStart(a.start());
                String subject = clean(s.substring(cs, a.start()));
                String span = stripLeadingPunct(s.substring(cs, a.end()));
                Integer year = yearAt(a.start());
                if (a.group(1) != null && subject.contains("、")) {
                    for (String part : subject.split("、")) {
                        add(new ParsedTarget(clean(part), TargetComparator.ASSIGNED, null, null, null, null, year, false, span), a.start());
                    }
                } else {
                    add(new ParsedTarget(subject, TargetComparator.ASSIGNED, null, null, null, null, year, false, span), a.start());
                }
            }
        }

        /**
         * Service time limits: "开办手续5个工作日内办结", "环评报告书14个工作日内、环评报告表7个工作日内…完成审批", "24小时内响应",
         * "3日内反馈", "15天内办结" are each an upper bound on what is named before the number, the indicator named
         * after the action that closes the clause (办结 → 办结时限; none → 办理时限). In days and hours an action is
         * required, and a number after 月 or 年 is a date ("5月20日内", "每月10日内上报": milestones, not limits), so
         * "24小时内降雨量" or a date is never a time limit.
         */
        void findTimeLimits() {
            if (masked.indexOf('内') < 0) {
                return;
            }
            Matcher m = TIME_LIMIT.matcher(masked);
            while (m.find()) {
                boolean workingDays = m.group(2).equals("工作日");
                char before = m.start() > 0 ? masked.charAt(m.start() - 1) : ' ';
                if (!workingDays && ("月年第近约前每.-/".indexOf(before) >= 0 || isAsciiLetterOrDigit(before))) {
                    continue;
                }
                int[] at = new int[1];
                if (endingWord(masked.substring(Math.max(0, m.start() - 8), m.start()), COMPARATOR_WORDS, NO_QUALIFIERS, at) != null
                        && !workingDays) {
                    // "控制在3天以内" was read as a number after its comparator already.
                    continue;
                }
                int subjectStart = m.start();
                while (subjectStart > 0 && subjectStart > m.start() - 20 && Character.UnicodeScript.of(masked.charAt(subjectStart - 1)) == Character.UnicodeScript.HAN) {
                    subjectStart--;
                }
                String subject = TRAILING_FILLER.matcher(clean(s.substring(subjectStart, m.start()))).replaceFirst("");
                int clauseEnd = m.end();
                while (clauseEnd < masked.length() && "。；;，,".indexOf(masked.charAt(clauseEnd)) < 0) {
                    clauseEnd++;
                }
                Matcher action = TIME_LIMIT_ACTION.matcher(masked).region(m.end(), clauseEnd);
                String verb = action.find() ? action.group(1) : null;
                if (!workingDays && verb == null || workingDays && subject.length() < 2) {
                    continue;
                }
                String name = (subject.length() < 2 ? "" : subject) + (verb != null ? verb : "办理") + "时限";
                String unit = workingDays ? "个工作日" : m.group(2);
                String span = stripLeadingPunct(s.substring(subjectStart, m.end()));
                add(new ParsedTarget(name, TargetComparator.LE, new BigDecimal(m.group(1)), null, null, unit, yearAt(m.start()),
                        false, span), m.start());
            }
        }

        void findQualitative() {
            for (String kw : QUALITATIVE_WORDS) {
                int from = 0;
                int at;
                while ((at = masked.indexOf(kw, from)) >= 0) {
                    from = at + kw.length();
                    if (at >= contextStart) {
                        addQualitative(at, at + kw.length(), kw.equals("全覆盖"));
                    }
                }
            }
            Matcher p = PASS.matcher(masked);
            while (masked.indexOf("通过") >= 0 && p.find()) {
                if (p.start() >= contextStart) {
                    addQualitative(p.start(), p.end(), false);
                }
            }
        }

        void addQualitative(int kwStart, int kwEnd, boolean fullCoverage) {
            int cs = clauseStart(kwStart);
            String name = clean(s.substring(cs, kwStart));
            String keyword = s.substring(kwStart, kwEnd);
            if (name.isEmpty()) {
                name = keyword;
            }
            String span = stripLeadingPunct(s.substring(cs, kwEnd));
            Integer year = yearAt(kwStart);
            if (fullCoverage) {
                add(new ParsedTarget(name, TargetComparator.QUALITATIVE, new BigDecimal(100), null, null, "%", year, true, span), kwStart);
            } else {
                add(new ParsedTarget(name, TargetComparator.QUALITATIVE, null, null, null, null, year, false, span), kwStart);
            }
        }

        boolean followedBy(int pos, String what) {
            return masked.startsWith(what, pos) && !masked.startsWith(what + "度", pos)
                    || (masked.startsWith("—", pos) || masked.startsWith("-", pos));
        }
    }

    private static final Set<String> GENERIC_VERBS = Set.of("推动", "帮助", "提升", "提供", "实施", "开展", "形成", "整治");
    /** Plain count words: the only units a Chinese numeral may close a clause with ("新建…两个"; not "三期", "三项"). */
    private static final Set<String> COUNT_WORDS = Set.of("个", "家", "所", "座", "处", "支", "名", "条");
    /** Who a "为N户…" clause serves. */
    private static final Set<String> BENEFICIARY_UNITS = Set.of("户", "名", "人", "人次", "家", "所", "个", "位");
    private static final Pattern SUBJECT_THEN_VERB = Pattern.compile("^(?:\\d{1,2}年(?:内|间)?)?[\\u4e00-\\u9fff]{1,6}?(新增|新建|建成)");
    private static final Pattern PROGRAMME = Pattern.compile("(?:行动|计划|攻坚|规划|专项|工程|大变样|提升行动)");
    private static final Pattern GROWTH_FILLER = Pattern.compile("(?:均|都|分别)?(?:实现|保持)?$");
    private static final Pattern BASELINE = Pattern.compile("(?:较|比|与)\\d{4}年(?:底|末)?(?:相比)?");
    private static final Pattern QUALIFIER_NOISE = Pattern.compile("^(?:分别|均|都)");

    /** 增长/下降 always name a change; 提高/提升 do when the unit is percentage points. */
    private static boolean isChangeWord(String word, String unit) {
        return word.equals("增长") || word.equals("下降")
                || (word.equals("提高") || word.equals("提升")) && unit.endsWith("百分点");
    }

    private static ParsedTarget withName(ParsedTarget t, String name) {
        return new ParsedTarget(name, t.comparator(), t.value(), t.min(), t.max(), t.unit(), t.year(), t.implied(), t.text(),
                t.approximate());
    }

    private static final Set<String> GT_SET = Set.of(GT_WORDS.split("\\|"));
    private static final Set<String> LT_SET = Set.of(LT_WORDS.split("\\|"));
    private static final Set<String> LE_SET = Set.of(LE_WORDS.split("\\|"));

    static TargetComparator comparatorOf(String prefix, String suffix, boolean range) {
        if (range) {
            return TargetComparator.RANGE;
        }
        TargetComparator fromPrefix = null;
        if (prefix != null) {
            if (GT_SET.contains(prefix)) {
                fromPrefix = TargetComparator.GT;
            } else if (LT_SET.contains(prefix)) {
                fromPrefix = TargetComparator.LT;
            } else if (LE_SET.contains(prefix)) {
                fromPrefix = TargetComparator.LE;
            } else {
                fromPrefix = TargetComparator.GE;
            }
        }
        switch (suffix) {
            case "以下", "以内", "之内", "及以下" -> {
                return fromPrefix == TargetComparator.LT ? TargetComparator.LT : TargetComparator.LE;
            }
            case "以上", "及以上" -> {
                return fromPrefix == TargetComparator.GT ? TargetComparator.GT : TargetComparator.GE;
            }
            case "左右" -> {
                return TargetComparator.EQ;
            }
            default -> {
                return fromPrefix != null ? fromPrefix : null;
            }
        }
    }

    static String stripLeadingPunct(String t) {
        int i = 0;
        while (i < t.length() && "，,、；;：: \t".indexOf(t.charAt(i)) >= 0) {
            i++;
        }
        return t.substring(i);
    }

    static String clean(String name) {
        String n = name.trim();
        // The filler patterns run only when the first or last character can begin or end a filler word.
        if (!n.isEmpty() && LEADING_FILLER_STARTS.indexOf(n.charAt(0)) >= 0 || !n.isEmpty() && Character.isDigit(n.charAt(0))
                || !n.isEmpty() && n.charAt(0) >= '\u2460' && n.charAt(0) <= '\u2473') {
            n = LEADING_FILLER.matcher(n).replaceFirst("");
        }
        if (!n.isEmpty() && "别均都现效本面要在".indexOf(n.charAt(n.length() - 1)) >= 0) {
            n = TRAILING_FILLER.matcher(n).replaceFirst("");
        }
        n = stripLeadingPunct(n);
        int e = n.length();
        while (e > 0 && "，,、；;：: ".indexOf(n.charAt(e - 1)) >= 0) {
            e--;
        }
        n = n.substring(0, e);
        return n;
    }

    private static boolean isDigits(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isYear(String n) {
        return n.length() == 4 && (n.startsWith("19") || n.startsWith("20"));
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    static boolean isBoundary(char c) {
        return "，,。；;、：:！？!?)）和及与或等\n ".indexOf(c) >= 0;
    }

    /**
     * Hides quoted names (“15分钟健身圈”, 《…》), parenthesised remarks with numbers and list-item numbers
     * ("2.65岁以上…" is item 2) so their digits are not read as targets; offsets stay the same.
     */
    static String mask(String s) {
        char[] c = s.toCharArray();
        maskBetween(c, '“', '”');
        maskBetween(c, '《', '》');
        maskBetween(c, '「', '」');
        maskBetween(c, '"', '"');
        maskParenthesesWithDigits(c);
        maskItemNumbers(c);
        return new String(c);
    }

    private static void maskBetween(char[] c, char open, char close) {
        int i = 0;
        while (i < c.length) {
            if (c[i] == open) {
                int j = i + 1;
                while (j < c.length && c[j] != close && j - i < 60) {
                    j++;
                }
                if (j < c.length && c[j] == close) {
                    for (int k = i; k <= j; k++) {
                        c[k] = '＿';
                    }
                    i = j + 1;
                    continue;
                }
            }
            i++;
        }
    }

    private static void maskParenthesesWithDigits(char[] c) {
        for (int i = 0; i < c.length; i++) {
            if (c[i] == '(' || c[i] == '（') {
                int j = i + 1;
                boolean digit = false;
                while (j < c.length && c[j] != ')' && c[j] != '）' && c[j] != '(' && c[j] != '（' && j - i < 80) {
                    digit |= Character.isDigit(c[j]);
                    j++;
                }
                if (j < c.length && (c[j] == ')' || c[j] == '）') && digit) {
                    for (int k = i; k <= j; k++) {
                        c[k] = '＿';
                    }
                    i = j;
                }
            }
        }
    }

    private static void maskItemNumbers(char[] c) {
        int expected = 1;
        for (int i = 0; i < c.length; i++) {
            boolean itemStart = i == 0 || "。；;：: ＿".indexOf(c[i - 1]) >= 0;
            if (!itemStart || !Character.isDigit(c[i])) {
                continue;
            }
            int j = i;
            while (j < c.length && Character.isDigit(c[j]) && j - i < 2) {
                j++;
            }
            if (j < c.length && (c[j] == '.' || c[j] == '、') && j + 1 < c.length && !Character.isWhitespace(c[j + 1])) {
                int n = Integer.parseInt(new String(c, i, j - i));
                boolean nextIsDigit = Character.isDigit(c[j + 1]);
                if (!nextIsDigit || n == expected) {
                    for (int k = i; k <= j; k++) {
                        c[k] = '＿';
                    }
                    expected = n + 1;
                }
            }
        }
    }
}
