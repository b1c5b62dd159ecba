package cn.gongfu.plan;

/** A node of a plan's section tree: an action (攻坚行动), a theme (——), a chapter or an annex group. */
public record Section(long id, long planId, Long parentId, String label, String title, int position, int taskCount) {

    /** The label and title as the document shows them, e.g. "（五）全域美丽大花园建设攻坚行动". */
    public String heading() {
        if (label == null || label.isBlank()) return title;
        return label + title;
    }
}
