package cn.gongfu.importing;

/**
 * How one unit name as written in the document resolves: to a known unit (by name or alias), by the
 * office's decision (mapped to an existing unit, or a new unit to create), or not yet (unknown, perhaps
 * with a suggestion such as 区民政局 for 民政局).
 */
public record UnitResolution(String writtenName, Status status, Long unitId, String unitName,
                             String createKind, Long suggestedUnitId, String suggestedUnitName, int taskCount) {

    public enum Status { KNOWN, MAPPED, CREATE, UNKNOWN }

    public boolean unknown() {
        return status == Status.UNKNOWN;
    }
}
