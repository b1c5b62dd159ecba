package cn.gongfu.supervision;

/**
 * The office raised an item's grade (黄 → 橙 → 红), usually an order whose reply did not satisfy; {@code previousGrade} is
 * null when it had none. The unit's reporters and heads are told, once per item and grade ({@link #dedupKey}).
 */
public record ItemGradeRaised(long itemId, long entryId, String kind, String number, String title, long unitId, String unitName,
                              String regionCode, String grade, String previousGrade, java.time.LocalDate deadline) {

    public String link() {
        return "/supervision/items/" + itemId;
    }

    public String dedupKey() {
        return "item:" + itemId + ":raised:" + grade + ":" + entryId;
    }
}
