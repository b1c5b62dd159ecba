package cn.gongfu.supervision;

/**
 * A supervised item was answered by its unit: the offices of the item's region and above are told. {@code entryId} is the timeline entry that records it; {@link #dedupKey} makes each told
 * once per recipient.
 */
public record ItemAnswered(long itemId, long entryId, String kind, String number, String title, long unitId, String unitName,
                    String regionCode, java.time.LocalDate deadline) {

    public String link() {
        return "/supervision/items/" + itemId;
    }

    public String dedupKey() {
        return "item:" + itemId + ":answered:" + entryId;
    }
}
