package cn.gongfu.ingest;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Measure words and units of measurement as Chinese plans write them after a number. This is general
 * Chinese grammar (量词 and SI/Chinese units), not a list taken from any one document.
 */
final class Units {

    private static final String[] BASE = {
            "平方公里", "平方千米", "平方米", "立方米", "公顷", "亩", "公里", "千米", "厘米", "米",
            "吨标准煤", "吨", "千克", "公斤", "微克", "毫克", "克", "千瓦时", "千瓦", "兆瓦", "瓦", "标准煤", "方",
            "美元", "欧元", "元", "人次", "人", "名", "位", "户", "家", "个百分点", "百分点", "个月", "个", "所", "张", "床",
            "支", "条", "件", "座", "项", "场次", "场", "次", "批", "套", "间", "台", "辆", "艘", "架", "只", "头",
            "棵", "株", "册", "本", "篇", "部", "份", "期", "对", "处", "块", "栋", "幢", "种", "类", "天", "日",
            "小时", "分钟", "年", "岁", "倍", "分", "门", "片", "段", "组", "队", "单", "趟", "班", "轮", "课",
            "节", "盏", "根", "口", "眼", "宗", "笔", "票", "单位", "团", "村", "镇", "园", "校", "院", "站", "馆", "室"};

    /** Units that also read as dates or durations: accepted only right after a comparator (达15.1年). */
    static final Set<String> NEED_COMPARATOR = Set.of("年", "岁", "天", "日", "个月", "分钟", "小时", "分", "度",
            "村", "镇", "园", "校", "院", "站", "馆", "室", "团", "单位", "课", "节", "口", "眼", "班", "轮");

    static final Pattern UNIT;

    static {
        String[] sorted = BASE.clone();
        Arrays.sort(sorted, Comparator.comparingInt(String::length).reversed());
        String alt = String.join("|", sorted);
        String simple = "(?:[万亿]{0,2}(?:" + alt + "))";
        String denominator = "(?:[万亿千百]?(?:" + alt + "))";
        UNIT = Pattern.compile("(?:%|‰|" + simple + "(?:/" + denominator + ")?|[万亿])");
    }

    private Units() {
    }

    /** The measure word part without 万/亿 ("万平方米" → "平方米"), for the comparator check above. */
    static String base(String unit) {
        String u = unit;
        if (u.startsWith("万") || u.startsWith("亿")) {
            u = u.substring(1);
        }
        int slash = u.indexOf('/');
        return slash >= 0 ? u.substring(0, slash) : u;
    }
}
