package cn.gongfu.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The furniture a government web page prints around a document — breadcrumbs, the 索引号 / 发布机构 / 浏览次数
 * metadata block (on one line, as "label: | value |" pipe cells, or label and value on lines of their own, often
 * printed twice), font-size and share buttons, "(此件公开发布)", filing numbers of the site — recognised line by
 * line, so that none of it becomes a task or is glued onto a title. The document's own metadata (文号, 索引号,
 * 发文日期) is kept while the lines go: one instance reads one document, top to bottom.
 */
final class PageFurniture {

    /** Metadata labels of government sites (a word list in resources); a line opening with one and a colon is furniture. */
    private static final String LABELS = String.join("|", Vocabulary.words("ingest/page-metadata-labels.txt"));
    private static final Pattern LABEL = Pattern.compile("(" + LABELS + ")\\s*[:：]");
    /** First characters of the labels: a line opening with another cannot be a metadata line (no matcher is made). */
    private static final String LABEL_FIRSTS = firstCharacters(Vocabulary.words("ingest/page-metadata-labels.txt"));
    /** First characters the OTHER furniture lines open with. */
    private static final String OTHER_FIRSTS = "#h首网>＞»当您|｜ （(政信字";
    private static final Pattern OPENS_WITH_LABEL = Pattern.compile("^(?:" + LABELS + ")\\s*[:：]");
    /**
     * Labels written without a colon, only a space before their values ("索引号 1133…/2022-130473 组配分类 …"), which the
     * normaliser has already squeezed out: label words are then found by themselves.
     */
    private static final Pattern LOOSE_LABEL = Pattern.compile("(" + LABELS + ")\\s*[:：]?");
    /** Labels that a page prints alone on a line, its value on the next line (郧阳: "索引号⏎011437144/…"). */
    private static final Pattern LABEL_ALONE = Pattern.compile(
            "^(" + String.join("|", Vocabulary.words("ingest/page-metadata-labels-alone.txt")) + ")$");
    /** Furniture lines recognised by how they open (anchored, so a body line fails at its first characters). */
    private static final Pattern OTHER = Pattern.compile("^(?:"
            + "(?:#\\s*source\\s*:\\s*)?https?://\\S+"                     // the page's address (printed by browsers, or a saved copy's note)
            + "|(?:网站)?首页\\s*(?:[>＞»]+.*)?|[>＞»]+\\s*[\\p{IsHan}A-Za-z].*"  // breadcrumbs, also broken after 首页 (never a value: >98.5)
            + "|当前位置\\s*[:：].*|您(?:现在)?的位置\\s*[:：].*"
            + "|[|｜\\s]+"                                                 // stray table bars
            + "|[（(]此件.{2,8}[）)]"                                       // (此件公开发布)
            + "|(?:政府)?信息公开(?:目录)?|政务公开|信息公开指南"
            + "|字[号体]\\s*[:：].{0,20}"
            + "|[（(]注\\s*[:：].{0,80}(?:咨询|留言).{0,40}[）)]"
            + ")$");
    /** "2020-01-22 16:06 市民生办 [字号: ] 打印": font-size buttons after the date and source. */
    private static final Pattern FONT_BUTTONS = Pattern.compile("[\\[【]\\s*字[号体]\\s*[:：]?.{0,12}[\\]】]");
    /** A news page's headline "【直击两会】甘谷县…", printed after its content; a title when none comes before. */
    private static final Pattern HEADLINE = Pattern.compile("^【([^】:：]{2,6})】\\s*([^，。；:：,;]{6,60})$");
    /** A date printed after a page's title: "…的通知 ( 2025-01-27 )". */
    private static final Pattern TRAILING_DATE = Pattern.compile("\\s*[（(]\\s*(\\d{4}-\\d{1,2}-\\d{1,2})\\s*[）)]\\s*$");
    private static final Pattern DOC_NUMBER = Pattern.compile("^[\\u4e00-\\u9fff]{1,10}[〔\\[［【(（]\\s*\\d{4}\\s*[〕\\]］】)）]\\s*\\d{1,4}\\s*号$");
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-年./]\\s*(\\d{1,2})\\s*[-月./]\\s*(\\d{1,2})");
    private static final Pattern COLLAPSED_DATE = Pattern.compile("^((?:19|20)\\d{2})(\\d{2,4})$");
    private static final Pattern SIGNATURE_DATE = Pattern.compile("^(?:\\d{4}年\\d{1,2}月\\d{1,2}日|(?:19|20)\\d{4,6})$");
    private static final Pattern ISSUER = Pattern.compile(".*(?:政府|办公室|局|委员会|委|厅|办|中心|部)$");

    private String docNumber;
    private String indexNumber;
    private LocalDate issuedOn;
    /** Lower is better: 成文日期 1, 发文日期 2, signature 3, 发文时间 4, 发布日期 5, date after the title 6. */
    private int issuedRank = Integer.MAX_VALUE;
    private String pendingLabel;
    private String previous = "";
    private String headline;

    /**
     * True when the (cleaned) line is furniture and must be dropped; reads the metadata it carries.
     * Lines are given in document order, blank ones included.
     */
    boolean consume(String line) {
        String t = line.trim();
        if (t.isEmpty()) {
            return false;
        }
        if (pendingLabel != null) {
            String label = pendingLabel;
            pendingLabel = null;
            if (looksLikeValue(t)) {
                record(label, t);
                return true;
            }
        }
        int from = 0;
        while (from < t.length() && "•·●|｜ ".indexOf(t.charAt(from)) >= 0) {
            from++;
        }
        String bare = t.substring(from);
        // Every test first looks at a character or the length: this runs for every line of every document.
        boolean labelFirst = !bare.isEmpty() && LABEL_FIRSTS.indexOf(bare.charAt(0)) >= 0;
        if (labelFirst && bare.length() <= 6 && LABEL_ALONE.matcher(bare).matches()) {
            pendingLabel = bare;
            return true;
        }
        if (labelFirst && bare.length() < 240 && OPENS_WITH_LABEL.matcher(bare).find()) {
            readLabelled(bare.replaceAll("[|｜•·●]", " ").trim());
            return true;
        }
        if (labelFirst && bare.length() < 160 && opensWithTwoLooseLabels(bare)) {
            readLabelled(bare, LOOSE_LABEL);
            return true;
        }
        if (t.length() < 120 && (OTHER_FIRSTS.indexOf(t.charAt(0)) >= 0 && OTHER.matcher(t).matches() || isButtonsOrFiling(t))) {
            return true;
        }
        if (t.charAt(0) == '【') {
            Matcher h = HEADLINE.matcher(t);
            if (h.matches()) {
                if (headline == null) {
                    headline = h.group(2).trim();
                }
                return true;
            }
        }
        if (docNumber == null && t.length() <= 30 && t.endsWith("号") && DOC_NUMBER.matcher(t).matches()) {
            docNumber = t.replace(" ", "");
        }
        if (t.length() <= 12 && t.charAt(0) >= '0' && t.charAt(0) <= '9' && SIGNATURE_DATE.matcher(t).matches()
                && ISSUER.matcher(previous).matches()) {
            offerDate(date(t), 3);
        }
        previous = t;
        return false;
    }

    private static String firstCharacters(java.util.List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (sb.indexOf(w.substring(0, 1)) < 0) {
                sb.append(w.charAt(0));
            }
        }
        return sb.toString();
    }

    /** The line without a date the page printed after it ("…的通知 ( 2025-01-27 )"), which then counts as 发布日期. */
    String withoutTrailingDate(String line) {
        Matcher m = TRAILING_DATE.matcher(line);
        if (!m.find()) {
            return line;
        }
        offerDate(date(m.group(1)), 6);
        return line.substring(0, m.start());
    }

    DocumentMetadata metadata() {
        return new DocumentMetadata(docNumber, indexNumber, issuedOn);
    }

    /** A headline the page printed in 【…】 form after its content, or null. */
    String headline() {
        return headline;
    }

    /** Font-size buttons, filing numbers of the site (公网安备, ICP备) and its comment box, wherever on a short line. */
    private static boolean isButtonsOrFiling(String t) {
        return (t.contains("字号") || t.contains("字体")) && t.length() <= 80 && FONT_BUTTONS.matcher(t).find()
                || (t.contains("公网安备") || t.contains("ICP备") || t.contains("网站标识码")) && t.length() <= 60
                || t.endsWith("留言咨询") && t.length() <= 24;
    }

    private static boolean looksLikeValue(String t) {
        return t.length() <= 60 && !t.contains("，") && !t.contains("。") && !LABEL_ALONE.matcher(t).matches();
    }

    /** Every label with the text up to the next label, as in "索引号:  330522/2023-01775 发文时间:  2023-02-24". */
    private void readLabelled(String t) {
        readLabelled(t, LABEL);
    }

    /** A line that opens with a label and names at least one more label: "发布机构 区发改局 发文日期 2022-07-06". */
    private static boolean opensWithTwoLooseLabels(String t) {
        Matcher m = LOOSE_LABEL.matcher(t);
        if (!m.lookingAt()) {
            return false;
        }
        return m.find(m.end());
    }

    private void readLabelled(String t, Pattern labels) {
        Matcher m = labels.matcher(t);
        String label = null;
        int valueStart = 0;
        while (m.find()) {
            if (label != null) {
                record(label, t.substring(valueStart, m.start()));
            }
            label = m.group(1);
            valueStart = m.end();
        }
        if (label != null) {
            record(label, t.substring(valueStart));
        }
    }

    private void record(String label, String rawValue) {
        String value = rawValue.trim();
        if (value.isEmpty()) {
            return;
        }
        switch (label) {
            case "索引号", "索取号" -> {
                if (indexNumber == null) {
                    indexNumber = value.replace(" ", "");
                }
            }
            case "文件编号", "发文文号", "发文字号", "文号" -> {
                if (docNumber == null || !DOC_NUMBER.matcher(docNumber).matches()) {
                    docNumber = value.replace(" ", "");
                }
            }
            case "成文日期" -> offerDate(date(value), 1);
            case "发文日期", "印发日期" -> offerDate(date(value), 2);
            case "发文时间" -> offerDate(date(value), 4);
            case "发布日期", "发布时间" -> offerDate(date(value), 5);
            default -> {
                // 发布机构, 浏览次数, 公开方式…: furniture without a place in the plan.
            }
        }
    }

    private void offerDate(LocalDate d, int rank) {
        if (d != null && rank < issuedRank) {
            issuedOn = d;
            issuedRank = rank;
        }
    }

    /**
     * "2022-05-10", "2023年02月13日 10:53:20", "2022.5.10", and dates that lost their 年/月/日 ("2022510" is 2022-05-10;
     * "2022111" could be January 11 or November 1 and gives null).
     */
    static LocalDate date(String text) {
        Matcher m = DATE.matcher(text);
        if (m.find()) {
            return of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
        Matcher c = COLLAPSED_DATE.matcher(text.trim());
        if (!c.matches()) {
            return null;
        }
        int year = Integer.parseInt(c.group(1));
        String md = c.group(2);
        LocalDate found = null;
        for (int cut = 1; cut < md.length(); cut++) {
            String month = md.substring(0, cut);
            String day = md.substring(cut);
            if (month.length() > 2 || day.length() > 2 || month.startsWith("0") && md.length() < 4 || day.startsWith("0") && md.length() < 4) {
                continue;
            }
            LocalDate d = of(year, Integer.parseInt(month), Integer.parseInt(day));
            if (d != null) {
                if (found != null) {
                    return null;
                }
                found = d;
            }
        }
        return found;
    }

    private static LocalDate of(int y, int m, int d) {
        try {
            return y < 1949 || y > 2100 ? null : LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
