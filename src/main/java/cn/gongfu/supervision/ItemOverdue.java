package cn.gongfu.supervision;

/**
 * The daily job found an item past its deadline and not closed, the first time (its {@code overdue_at} stamp): the
 * unit's reporters and heads and the offices of its region and above are told, once per item and deadline.
 */
public record ItemOverdue(long itemId, String kind, String number, String title, long unitId, String unitName, String regionCode,
                          java.time.LocalDate deadline, java.time.LocalDate foundOn) {

    public String link() {
        return "/supervision/items/" + itemId;
    }

    public String dedupKey() {
        return "item:" + itemId + ":overdue:" + deadline;
    }
}
