package cn.gongfu.kernel;

import java.util.Locale;

/** What a user may do. Several roles may be held at once; data scope comes from the user's region and units. */
public enum Role {
    /** 系统管理员: users, roles, everything. */
    ADMIN,
    /** 共富办 plan office: owns plans, imports documents, reviews everything in its region. */
    OFFICE,
    /** 填报员 reports for its own units only. */
    REPORTER,
    /** 单位负责人 approves its unit's reports before they go to the office. */
    UNIT_HEAD,
    /** 领导 reads everything in the region. */
    LEADER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public static Role of(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
