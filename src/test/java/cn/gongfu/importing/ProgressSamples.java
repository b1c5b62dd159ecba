package cn.gongfu.importing;

import java.nio.charset.StandardCharsets;

/**
 * Our own small plan and a progress table of it (issue 13), written for these tests: the plan lists four tasks in a
 * table with lead and co-operating units; the progress table copies three of them (one reworded: 老旧小区改造 for
 * 改造老旧小区, one shortened), leaves one row without progress and adds a row the plan does not have. {@code tag} makes
 * the plan's title and units a test's own, so tests sharing a database do not meet.
 */
public final class ProgressSamples {

    private ProgressSamples() {
    }

    public static String planTitle(String tag) {
        return "青溪区" + tag + "民生实事项目实施方案";
    }

    public static String unit(String tag, String office) {
        return "区" + tag + office;
    }

    public static byte[] plan(String tag) {
        return (planTitle(tag) + "（2026—2027年）\n\n一、重点任务\n\n"
                + "序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限\n"
                + "1 | 新建社区养老服务中心3个，完善居家养老服务网络 | " + unit(tag, "民政局") + " | " + unit(tag, "财政局") + " | 2026年12月底前\n"
                + "2 | 改造老旧小区1200户 | " + unit(tag, "住建局") + " | | 2026年11月底前\n"
                + "3 | 新增公办幼儿园学位600个 | " + unit(tag, "教育局") + " | | 2026年9月底前\n"
                + "4 | 开展65岁以上老年人免费体检 | " + unit(tag, "民政局") + " | | 2026年12月底前\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The progress table; {@code edition} changes its words, so a second upload is another document. */
    public static byte[] progress(String tag, String edition) {
        return ("《" + planTitle(tag) + "》2026年四季度进展情况表" + edition + "\n\n"
                + "序号 | 工作任务 | 牵头单位 | 进展情况 | 完成率\n"
                + "1 | 新建社区养老服务中心3个 | " + unit(tag, "民政局") + " | 已完成2个中心主体施工，第3个正在选址" + edition + "。 | 67%\n"
                + "2 | 老旧小区改造1200户 | " + unit(tag, "住建局") + " | 已完工860户，其余正在施工。 | 72%\n"
                + "3 | 新增公办幼儿园学位600个 | " + unit(tag, "教育局") + " | 3所幼儿园已于9月开园，新增学位630个。 | 105%\n"
                + "4 | 开展65岁以上老年人免费体检 | " + unit(tag, "民政局") + " | |\n"
                + "5 | 建设城市书房10家 | " + unit(tag, "文广局") + " | 已建成7家。 | 70%\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A progress table of tasks no plan has. */
    public static byte[] unrelatedProgress(String tag) {
        return ("《青溪区" + tag + "文旅融合工作要点》进展情况表\n\n"
                + "序号 | 工作任务 | 牵头单位 | 进展情况\n"
                + "1 | 举办乡村音乐节 | " + unit(tag, "文广局") + " | 已完成场地踏勘。\n"
                + "2 | 开通古镇观光巴士线路 | " + unit(tag, "交通局") + " | 线路方案已报批。\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
