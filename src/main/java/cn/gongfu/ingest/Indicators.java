package cn.gongfu.ingest;

import cn.gongfu.vocabulary.Polarity;
import java.util.List;
import java.util.regex.Pattern;

/** Guesses about indicators that several readers share: polarity and whether values accumulate. */
final class Indicators {

    /** Rates and amounts that plans want to fall; general vocabulary of Chinese statistics. */
    private static final Pattern LOWER = Pattern.compile(
            ".*(?:死亡率|失业率|发生率|发病率|患病率|致残率|误诊率|能耗|排放|浓度|倍差|基尼系数|成讼率|发案|事故|贫困发生率|辍学率|空置率|"
                    + "负债率|不良率|超标|投诉|差距|近视率|肥胖率|吸烟率|犯罪率|违法|欠薪案件|拥堵).*");
    private static final Pattern MILESTONE_WORDS = Pattern.compile("通过|申报|前期准备|完成|建成|启动|验收|创建|达标|评估");

    private Indicators() {
    }

    static boolean isCumulative(String name) {
        return name.contains("累计");
    }

    static Polarity polarity(String name, List<ParsedIndicatorValue> values) {
        boolean numeric = values.stream().anyMatch(v -> v.value() != null);
        if (!numeric && !values.isEmpty()) {
            return values.stream().anyMatch(v -> MILESTONE_WORDS.matcher(v.raw()).find()) ? Polarity.MILESTONE : Polarity.QUALITATIVE;
        }
        // a cell bounded from above ("<3.5", "5以下") says lower is better, as the comparator of any target does
        if (values.stream().anyMatch(v -> Polarity.impliedBy(v.comparator()) == Polarity.LOWER)) {
            return Polarity.LOWER;
        }
        String bare = name.replaceAll("[（(][^（）()]*[）)]$", "");
        return LOWER.matcher(bare).matches() ? Polarity.LOWER : Polarity.HIGHER;
    }
}
