package cn.gongfu.supervision;

/**
 * A supervised item was reopened by the office: the unit's reporters and heads are told. {@code entryId} is the timeline entry that records it; {@link #dedupKey} makes each told
 * once per recipient.
 */
public record ItemReopened(long itemId, long entryId, String kind, String number, String title, long unitId, String unitName,
                    String regionCode, java.time.LocalDate deadline) {

    public String link() {
        return "/supervision/items/" + itemId;
    }

    public String dedupKey() {
        return "item:" + itemId + ":reopened:" + entryId;
    }
}
