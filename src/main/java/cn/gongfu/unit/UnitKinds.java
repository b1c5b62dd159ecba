package cn.gongfu.unit;

import java.util.List;

/** A first guess at a unit's kind from how its name ends; the office can correct it. */
public final class UnitKinds {

    private static final List<String> MASS_ORGS = List.of("妇联", "总工会", "残联", "团区委", "团市委", "团县委", "红十字会", "慈善总会", "科协", "侨联", "工商联");

    private UnitKinds() {}

    public static String guess(String name) {
        if (MASS_ORGS.stream().anyMatch(name::endsWith)) return "mass_org";
        if (name.endsWith("镇") || name.endsWith("街道") || name.endsWith("乡")) return "town";
        if (name.endsWith("管委会")) return "management";
        if (name.endsWith("专班")) return "task_force";
        if (name.endsWith("委员会") || name.endsWith("委") || name.endsWith("办")) return "committee";
        return "department";
    }
}
