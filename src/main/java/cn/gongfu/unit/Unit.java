package cn.gongfu.unit;

import java.util.List;

/** A responsible unit (责任单位): a department, town or street, committee, task force… */
public record Unit(long id, String name, String kind, String regionCode, List<String> aliases) {

    public static final List<String> KINDS =
            List.of("department", "town", "committee", "mass_org", "management", "task_force", "other");
}
